import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  detectView,
  newPageMemo,
  readAhead,
  readPageAndTargets,
  sameSnapshot,
} from '../../src/core/page/read.ts';
import { readPage } from '../../src/core/page/index.ts';
import { finishSnapshot } from '../../src/core/page/row-values.ts';
import { PageSnapshot } from '../../src/core/schemas.ts';
import { parseHtml } from '../support/dom.ts';
import { promotionsPage, samplePromotions } from '../support/pages.ts';

const DIR = join(import.meta.dirname, '../fixtures/pages');
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html'));
/** The overlay's targets on a page, as the content script finds them. */
const locateTargets = (doc: Document) => readPageAndTargets(doc, null).targets;
const savedUrl = (html: string) => /saved from url=\(\d+\)(\S+) -->/.exec(html)?.[1] ?? null;

describe('reader on the fixture pages', () => {
  it.each(pages)('%s reads to its expected snapshot, field by field', (file) => {
    const html = readFileSync(join(DIR, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.html$/, '.json')), 'utf8'));
    const actual = readPage(parseHtml(html), savedUrl(html));
    expect(PageSnapshot.safeParse(actual).success).toBe(true);
    for (const key of Object.keys(expected) as Array<keyof PageSnapshot>) {
      if (key === 'warnings') continue;
      expect(actual[key], key).toEqual(expected[key]);
    }
  });

  it('finds the view from the page words when the URL is unknown', () => {
    for (const file of pages) {
      const html = readFileSync(join(DIR, file), 'utf8');
      const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.html$/, '.json')), 'utf8'));
      expect(detectView(null, parseHtml(html)), file).toBe(expected.view);
    }
  });
});

describe('overlay targets', () => {
  const read = (file: string) => parseHtml(readFileSync(join(DIR, file), 'utf8'));

  it('outlines the redeem button, tabs, promotions link and rows on a promotions page', () => {
    const { snapshot, targets: t } = readPageAndTargets(read('en-promotions-earning.html'), null);
    expect(t.redeemButton?.textContent).toBe('Redeem coupon');
    expect(t.earningTab?.getAttribute('aria-selected')).toBe('true');
    expect(t.availableTab?.id).toBe('promotion-tab-available');
    expect(t.promotionsLink?.textContent).toBe('Promotions');
    expect(t.promotionRows.map((r) => r.name)).toEqual([
      'Spend 50 Get 50 - New advertiser',
      'Holiday spend bonus',
    ]);
    // Each row carries the status read from it, as the snapshot has it.
    expect(t.promotionRows.map((r) => r.status)).toEqual(snapshot.promotions.map((p) => p.status));
    expect(t.promotionRows.map((r) => r.status)).toContain('earning');
    expect(t.dialog).toBeNull();
  });

  it('outlines the code field and Activate in an open redeem dialog, nothing in a hidden one', () => {
    const open = locateTargets(read('en-redeem-error.html'));
    expect(open.dialog?.getAttribute('role')).toBe('dialog');
    expect(open.codeInput?.getAttribute('value')).toBe('TTADS-5O0FF');
    expect(open.activateButton?.textContent).toBe('Activate');
    const hidden = locateTargets(read('en-payment.html'));
    expect([hidden.dialog, hidden.codeInput, hidden.activateButton]).toEqual([null, null, null]);
    expect(hidden.redeemButton?.textContent).toBe('Redeem coupon');
  });
});

describe('view from the URL', () => {
  const blank = parseHtml('<html><body><h1>Payment</h1></body></html>');
  it.each([
    ['https://ads.tiktok.com/i18n/account/payment?aadvid=1', 'payment'],
    ['https://ads.tiktok.com/account/promotion?aadvid=1&tab=earning', 'promotions'],
    ['https://business.tiktok.com/manage/payment/v2?org_id=1', 'payment'],
    ['https://business.tiktok.com/manage/payment/promotion?org_id=1', 'promotions'],
    ['https://example.com/account/payment', 'other'],
  ])('%s is %s, whatever the page says', (url, view) => {
    expect(detectView(url, blank)).toBe(view);
  });

  it('falls back to the page words for a TikTok path it does not know', () => {
    expect(detectView('https://ads.tiktok.com/i18n/dashboard', blank)).toBe('payment');
  });
});

describe('what the reader will not guess', () => {
  it('a bare "$" names no currency, and says so', () => {
    const html = readFileSync(join(DIR, 'en-payment.html'), 'utf8').replace(/Currency: |USD/g, '');
    const snapshot = readPage(parseHtml(html), null);
    expect(snapshot.currency).toBeNull();
    expect(snapshot.warnings).toContainEqual(expect.stringContaining('"$"'));
    expect(snapshot.balance).toEqual({ total: 1284.15, cash: 1034.5, credit: 249.65 });
  });

  it('an unknown page language is kept verbatim and warned about when nothing matches', () => {
    const snapshot = readPage(parseHtml('<html lang="xx-YY"><body><p>Saldo 12</p></body></html>'), null);
    expect(snapshot).toMatchObject({
      view: 'other',
      lang: 'xx-YY',
      balance: null,
      promotions: [],
      redeem: null,
    });
    expect(snapshot.warnings).toContainEqual(expect.stringContaining('"xx-YY" has no glossary'));
  });
});

describe('labels and values in one text block', () => {
  it('reads "Label: value" balances, account id and currency', () => {
    const html = `<html lang="en"><body><h1>Payment</h1><div>Advertiser ID: 7001234567</div>
      <section><p>Account balance: $12.50</p><p>Cash balance: $10.00</p><p>Ad credit: $2.50</p></section>
      <div>Account currency: CAD</div></body></html>`;
    const snapshot = readPage(parseHtml(html), null);
    expect(snapshot).toMatchObject({ view: 'payment', currency: 'CAD', accountId: '7001234567' });
    expect(snapshot.balance).toEqual({ total: 12.5, cash: 10, credit: 2.5 });
  });
});

describe('a page behind an open modal dialog', () => {
  const BALANCES = `<h1>Payment</h1><div>Advertiser ID: 7001234567</div>
    <p>Account balance: $12.50</p><p>Cash balance: $10.00</p><p>Ad credit: $2.50</p><div>Account currency: USD</div>`;
  const DIALOG = `<div role="presentation"><div role="dialog" aria-modal="true" aria-label="Redeem coupon">
    <input value="TTADS-OLD"><p role="alert">This code has expired</p></div></div>`;
  const read = (body: string) => readPage(parseHtml(`<html lang="en"><body>${body}</body></html>`), null);

  // MUI's Modal and the aria-hidden package (Radix and others) mark the body's other children aria-hidden.
  it("reads the page the dialog's library marked aria-hidden, and the dialog", () => {
    const snapshot = read(`<div id="root" aria-hidden="true">${BALANCES}</div>${DIALOG}`);
    expect(snapshot).toMatchObject({ currency: 'USD', accountId: '7001234567' });
    expect(snapshot.balance).toEqual({ total: 12.5, cash: 10, credit: 2.5 });
    expect(snapshot.redeem).toMatchObject({ open: true, code: 'TTADS-OLD' });
  });

  it('reads it behind a dialog that does not say aria-modal (Radix marks the page data-aria-hidden)', () => {
    const radix = `<div aria-hidden="true" data-aria-hidden="true">${BALANCES}</div>
      <div role="dialog" data-state="open" aria-label="Redeem coupon"><input value="X"></div>`;
    expect(read(radix).balance).toEqual({ total: 12.5, cash: 10, credit: 2.5 });
  });

  it('still hides what aria-hidden marks without an open modal, or inside the page', () => {
    const none = read(`<div id="root" aria-hidden="true">${BALANCES}</div>`);
    expect(none.balance).toBeNull();
    const inside = read(`<div id="root"><div aria-hidden="true">${BALANCES}</div></div>${DIALOG}`);
    expect(inside.balance).toBeNull();
  });

  it('hides a dialog whose own container is aria-hidden', () => {
    const snapshot = read(`<div>${BALANCES}</div><div aria-hidden="true">${DIALOG}</div>`);
    expect(snapshot.balance).toEqual({ total: 12.5, cash: 10, credit: 2.5 });
    expect(snapshot.redeem?.open ?? false).toBe(false);
  });
});

describe('a balance cell that holds more than its value', () => {
  const table = (credit: string) =>
    readPage(
      parseHtml(`<html lang="en"><body><h1>Payment</h1><table><tbody>
        <tr><th scope="row">Account balance</th><td>$12.50</td></tr>
        <tr><th scope="row">Cash balance</th><td>$10.00</td></tr>
        <tr><th scope="row">Ad credit</th><td>${credit}</td></tr>
        </tbody></table><div>Account currency: USD</div></body></html>`),
      null,
    );

  it('reads the value beside a chip in its cell', () => {
    const snapshot = table('$2.50 <div class="MuiChip-root"><span>Available</span></div>');
    expect(snapshot.balance).toEqual({ total: 12.5, cash: 10, credit: 2.5 });
  });

  it('takes neither of two values in one cell, and says so', () => {
    const snapshot = table('<span>$2.50</span> <span>$5.00</span>');
    expect(snapshot.balance?.credit ?? null).toBeNull();
    expect(snapshot.warnings).toContainEqual(expect.stringContaining('Ad credit'));
  });
});

describe('the account name beside the id', () => {
  const nameOf = (
    header: string,
    url: string | null = 'https://ads.tiktok.com/i18n/account/payment?aadvid=7301234567890123456',
  ) => {
    const snapshot = readPage(
      parseHtml(`<html lang="en"><body>${header}<h1>Payment</h1></body></html>`),
      url,
    );
    return { name: snapshot.accountName, warnings: snapshot.warnings.filter((w) => /name/.test(w)) };
  };

  it.each([
    [
      'its own element before the id',
      '<div><div>Northwind Outdoor Co.</div><div>ID: 7301234567890123456</div></div>',
    ],
    [
      'a heading, with a status tag between it and the id',
      '<div><div><h2>Northwind UK – Prospecting</h2><span>Active</span></div><div><span>Ad account ID: </span><span>7301234567890123456</span></div></div>',
    ],
    [
      'the same text, before the label',
      '<header>Northwind UK – Prospecting · Ad account ID: 7301234567890123456 · USD</header>',
    ],
    ['a bare id after it', '<div class="bar">Northwind UK – Prospecting · 7301234567890123456</div>'],
  ])('reads it from %s', (_how, header) => {
    const expected = /Prospecting/.test(header) ? 'Northwind UK – Prospecting' : 'Northwind Outdoor Co.';
    expect(nameOf(header)).toEqual({ name: expected, warnings: [] });
  });

  it('strips a label of its own ("Compte publicitaire : Name (ID …)")', () => {
    const header =
      '<div>Compte publicitaire : Atelier Lavande SARL (ID du compte publicitaire : 7301234567890123456) — Devise : EUR</div>';
    expect(nameOf(header).name).toBe('Atelier Lavande SARL');
  });

  it("is null, without a warning, where the header shows the id alone or only the console's words beside it", () => {
    expect(nameOf('<div><div>ID: 7301234567890123456</div></div>')).toEqual({ name: null, warnings: [] });
    expect(
      nameOf('<div><span>Payment</span><span>Ad account ID: 7301234567890123456</span></div>').name,
    ).toBeNull();
    expect(nameOf('<div><div>USD</div><div>ID: 7301234567890123456</div></div>').name).toBeNull();
  });

  it('is never the id, a number or a name outside the header that holds the id', () => {
    const far =
      '<section><p>Fernhill Outdoor Supply</p></section><div><div><div><span>ID</span><span>7301234567890123456</span></div></div></div>';
    expect(nameOf(far).name).toBeNull();
    expect(
      nameOf('<div><div>7301234567890123456</div><div>ID: 7301234567890123456</div></div>').name,
    ).toBeNull();
    // An account id only in the address: no header to read a name from.
    expect(
      nameOf('<p>Welcome</p>', 'https://ads.tiktok.com/i18n/account/payment?aadvid=7301234567890123456').name,
    ).toBeNull();
  });
});

/** The page as a fresh read sees it (no memo): what a read with the memo must see too. */
const seen = (doc: Document, url: string | null) => readPageAndTargets(doc, url).snapshot;

describe('reading again with the row memo', () => {
  const built = promotionsPage(samplePromotions(40, { seed: 7, tab: 'earning' }), {
    lang: 'en',
    tab: 'earning',
  });

  it('parses only the rows that changed, and reads exactly as a fresh read does', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    const first = readPageAndTargets(doc, built.url, memo).snapshot;
    expect(finishSnapshot(first).promotions).toEqual(built.expected.promotions);
    expect(memo.rows.size).toBe(40);

    const cell = [...doc.querySelectorAll('[role="row"], tr')][3]!.querySelector('span')!;
    cell.textContent = 'Renamed promotion';
    const again = readPageAndTargets(doc, built.url, memo).snapshot;
    expect(again).toEqual(seen(doc, built.url));
    expect(again.promotions[2]!.name).toBe('Renamed promotion');
    expect(again.promotions[2]).not.toBe(first.promotions[2]);
    // Unchanged rows are the very objects of the first read: they were not parsed again.
    expect(again.promotions.filter((p, i) => p === first.promotions[i])).toHaveLength(39);
    // The old row is forgotten: the memo holds what the page shows, no more.
    expect(memo.rows.size).toBe(40);
  });

  it('serialises alike with and without the memo, on every fixture page', () => {
    for (const file of pages) {
      const html = readFileSync(join(DIR, file), 'utf8');
      const memo = newPageMemo();
      const doc = parseHtml(html);
      readPageAndTargets(doc, savedUrl(html), memo);
      const memoised = readPageAndTargets(doc, savedUrl(html), memo).snapshot;
      expect(JSON.stringify(finishSnapshot(memoised)), file).toBe(
        JSON.stringify(readPage(parseHtml(html), savedUrl(html))),
      );
    }
  });

  it('reads again only the rows the page changed, and still reads as a fresh read does', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    readPageAndTargets(doc, built.url, memo);
    const scan = memo.scan;
    const rows = [...doc.querySelectorAll('[role="row"], tr')];
    const name = rows[5]!.querySelector('span')!.firstChild as Text;
    name.data = 'Changed in place';
    const amount = rows[9]!.children[2]!;
    amount.textContent = 'USD 12.34';
    const again = readPageAndTargets(doc, built.url, memo, [name, amount]);
    expect(memo.scan).toBe(scan);
    expect(again.snapshot).toEqual(seen(doc, built.url));
    expect(again.snapshot.promotions[4]!.name).toBe('Changed in place');
    expect(finishSnapshot(again.snapshot).promotions[8]!.amount).toBe(12.34);
    expect(again.targets).toEqual(locateTargets(doc));
  });

  it('reads the whole page again when a change lies outside the rows', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    readPageAndTargets(doc, built.url, memo);
    const scan = memo.scan;
    const rows = [...doc.querySelectorAll('[role="row"], tr')];
    // A removed row changes its row group, not a row: only a full read sees that it is gone.
    const group = rows[3]!.parentNode!;
    rows[3]!.remove();
    const again = readPageAndTargets(doc, built.url, memo, [group]);
    expect(memo.scan).not.toBe(scan);
    expect(again.snapshot.promotions).toHaveLength(39);
    expect(again.snapshot).toEqual(seen(doc, built.url));
  });

  it('tells a changed snapshot from an unchanged one without serialising every row', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    const first = readPageAndTargets(doc, built.url, memo).snapshot;
    const same = readPageAndTargets(doc, built.url, memo, []).snapshot;
    expect(sameSnapshot(first, same)).toBe(true);
    expect(sameSnapshot(first, readPageAndTargets(doc, built.url).snapshot)).toBe(true);
    expect(sameSnapshot(null, first)).toBe(false);
    const name = [...doc.querySelectorAll('[role="row"], tr')][2]!.querySelector('span')!;
    name.textContent = 'Another name';
    expect(sameSnapshot(first, readPageAndTargets(doc, built.url, memo, [name]).snapshot)).toBe(false);
    expect(sameSnapshot(first, { ...first, accountId: 'other' })).toBe(false);
  });

  it('spreads a whole read over slices: the scan, then rows until told to stop, then nothing left', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    expect(readAhead(doc, built.url, memo, true, () => true)).toBe(false);
    let slices = 0;
    let asked = 0;
    while (!readAhead(doc, built.url, memo, false, () => ++asked % 8 === 0)) slices++;
    expect(slices).toBeGreaterThanOrEqual(4);
    let left = 0;
    expect(readAhead(doc, built.url, memo, false, () => (left++, false))).toBe(true);
    expect(left).toBe(0);
    const scan = memo.scan;
    const reading = readPageAndTargets(doc, built.url, memo, []);
    expect(memo.scan).toBe(scan);
    expect(reading.snapshot).toEqual(seen(doc, built.url));
  });

  it('does one unit of work in a turn whose clock has run out: a step of the walk, or one row', () => {
    const doc = parseHtml(built.html);
    // Nodes counted where the scan takes them from the page.
    let walked = 0;
    const create = doc.createTreeWalker.bind(doc);
    doc.createTreeWalker = ((root: Node, show?: number) => {
      const walker = create(root, show);
      const next = walker.nextNode.bind(walker);
      walker.nextNode = () => (walked++, next());
      return walker;
    }) as Document['createTreeWalker'];
    const memo = newPageMemo();
    let turns = 0;
    for (let done = false; !done; turns++) {
      const before = { walked, next: memo.ahead?.next ?? 0 };
      done = readAhead(doc, built.url, memo, turns === 0, () => true);
      const rows = memo.table?.found?.rows.slice(before.next, memo.ahead?.next ?? 0) ?? [];
      const parsed = rows.filter((r) => memo.byCells.has(r.cells)).length;
      // The walk looks at the clock every 64 nodes; a row is parsed only in a turn that did nothing else.
      expect(walked - before.walked).toBeLessThanOrEqual(64);
      expect(parsed).toBeLessThanOrEqual(walked > before.walked ? 0 : 1);
    }
    expect(turns).toBeGreaterThan(40);
    expect(readPageAndTargets(doc, built.url, memo, []).snapshot).toEqual(seen(doc, built.url));
  });

  it('gives finding the table and each piece of first-time work a turn of its own, before the first row', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    // What each turn did, the clock always out, from the one that ends the scan to the one that parses
    // the first row.
    const turns: string[] = [];
    for (let fresh = true; !memo.ahead?.read.length; fresh = false) {
      const before = { scan: memo.scan, table: memo.table, done: memo.prepared?.done ?? 0 };
      readAhead(doc, built.url, memo, fresh, () => true);
      const did = [
        memo.scan !== before.scan && 'scan end',
        memo.table !== before.table && 'table',
        ...Array<string>(Math.max(0, (memo.prepared?.done ?? 0) - before.done)).fill('first time'),
        memo.ahead?.read.length && 'row',
      ].filter(Boolean);
      if (memo.scan) turns.push(did.join(' + '));
    }
    // On a CPU four times slower, any two of these in one turn made it a long task: the table's search
    // of a long page, the browser's locale data in two parts, the number patterns, the first read of the
    // page's own parts (account, balances, currency).
    const firstTime = turns.filter((t) => t === 'first time').length;
    expect(firstTime).toBeGreaterThanOrEqual(4);
    expect(turns).toEqual(['scan end', 'table', ...Array<string>(firstTime).fill('first time'), 'row']);
    expect(readPageAndTargets(doc, built.url, memo, []).snapshot).toEqual(seen(doc, built.url));
  });

  it('leaves the read of a list parsed over several turns to a turn of its own', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    let parsedInLastTurn = -1;
    for (let fresh = true, done = false; !done; fresh = false) {
      const before = memo.ahead?.next ?? 0;
      done = readAhead(doc, built.url, memo, fresh, () => true);
      parsedInLastTurn = (memo.ahead?.next ?? 0) - before;
    }
    // The turn that says the read may come parsed nothing: the last row came the turn before.
    expect(parsedInLastTurn).toBe(0);
    expect(memo.ahead?.next).toBe(memo.table?.found?.rows.length);
    // A re-read of a few rows parsed in one turn does not wait a turn more.
    const name = [...doc.querySelectorAll('[role="row"], tr')][2]!.querySelector('span')!;
    name.textContent = 'Another name';
    expect(readAhead(doc, built.url, memo, false, () => false, new Set([name]))).toBe(true);
    expect(readPageAndTargets(doc, built.url, memo, []).snapshot).toEqual(seen(doc, built.url));
  });

  it('scans in steps: changes behind the walk are followed, changes ahead of it are met', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    const rows = [...doc.querySelectorAll('[role="row"], tr')];
    const first = rows[1]!.querySelector('span')!.firstChild as Text;
    const last = rows[40]!.querySelector('span')!.firstChild as Text;
    // One step of the scan: the first rows are behind the walk, the last ones ahead of it.
    expect(readAhead(doc, built.url, memo, true, () => true)).toBe(false);
    expect(memo.job).not.toBeNull();
    first.data = 'Changed behind the walk';
    last.data = 'Changed ahead of the walk';
    while (!readAhead(doc, built.url, memo, false, () => true));
    const reading = readPageAndTargets(doc, built.url, memo, [first]);
    expect(reading.snapshot).toEqual(seen(doc, built.url));
    expect(reading.snapshot.promotions[0]!.name).toBe('Changed behind the walk');
    expect(reading.snapshot.promotions[39]!.name).toBe('Changed ahead of the walk');
  });

  it('spreads re-reading many changed rows over slices, and the read after finds them all read', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    readPageAndTargets(doc, built.url, memo);
    const scan = memo.scan;
    const rows = [...doc.querySelectorAll('[role="row"], tr')].slice(1);
    const changed = new Set<Node>();
    rows.forEach((row, i) => {
      const name = row.querySelector('span')!.firstChild as Text;
      name.data = `Renamed ${i}`;
      changed.add(name);
    });
    let slices = 0;
    while (!readAhead(doc, built.url, memo, false, () => true, changed)) slices++;
    expect(slices).toBeGreaterThanOrEqual(rows.length / 8 - 1);
    expect(changed.size).toBe(0);
    expect(memo.scan).toBe(scan);
    const reading = readPageAndTargets(doc, built.url, memo, []);
    expect(reading.snapshot).toEqual(seen(doc, built.url));
    expect(reading.snapshot.promotions.map((p) => p.name)).toEqual(rows.map((_, i) => `Renamed ${i}`));
  });

  it('finishes a first read in slices when the rows are plain elements under a header table', () => {
    // Rows found by shape are new objects at every look for the table: each turn used to start over.
    const rows = Array.from(
      { length: 30 },
      (_, i) => `<div><div>Credit ${i}</div><div>$${i + 1}.00</div><div>Available</div></div>`,
    ).join('');
    const doc = parseHtml(
      `<!DOCTYPE html><html lang="en"><body><h1>Promotions</h1><table><thead><tr><th>Ad credit name</th>` +
        `<th>Amount</th><th>Status</th></tr></thead></table><div class="body">${rows}</div></body></html>`,
    );
    const url = 'https://ads.tiktok.com/i18n/account/promotion?aadvid=7301234567890123456';
    const memo = newPageMemo();
    let slices = 0;
    let asked = 0;
    while (!readAhead(doc, url, memo, slices === 0, () => ++asked % 2 === 0) && slices < 1000) slices++;
    expect(slices).toBeLessThan(1000);
    const reading = readPageAndTargets(doc, url, memo, []);
    expect(reading.snapshot).toEqual(seen(doc, url));
    expect(reading.snapshot.promotions).toHaveLength(30);
  });

  it('scans the page again, in slices, when a change lies outside every row', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    readPageAndTargets(doc, built.url, memo);
    const rows = [...doc.querySelectorAll('[role="row"], tr')];
    const group = rows[3]!.parentNode!;
    rows[3]!.remove();
    const changed = new Set<Node>([rows[5]!, group]);
    // A turn for the row read again, then the node outside every row starts the scan.
    expect(readAhead(doc, built.url, memo, false, () => true, changed)).toBe(false);
    expect(readAhead(doc, built.url, memo, false, () => true, changed)).toBe(false);
    expect(memo.job).not.toBeNull();
    expect(changed.size).toBe(0);
    while (!readAhead(doc, built.url, memo, false, () => true, changed));
    const reading = readPageAndTargets(doc, built.url, memo, []);
    expect(reading.snapshot.promotions).toHaveLength(39);
    expect(reading.snapshot).toEqual(seen(doc, built.url));
  });

  it('begins the scan again when the page removes the node the walk stood on', () => {
    const doc = parseHtml(built.html);
    const memo = newPageMemo();
    expect(readAhead(doc, built.url, memo, true, () => true)).toBe(false);
    const standing = memo.job!;
    const group = doc.querySelectorAll('[role="rowgroup"]')[1]!;
    group.replaceWith(group.cloneNode(true));
    while (!readAhead(doc, built.url, memo, false, () => true));
    expect(memo.job).toBeNull();
    expect(memo.scan).not.toBe(standing.scan);
    expect(readPageAndTargets(doc, built.url, memo, [doc.body]).snapshot).toEqual(seen(doc, built.url));
  });
});

describe('reader: reading again after the page changed', () => {
  const built = promotionsPage(samplePromotions(12, { seed: 11, tab: 'earning' }), {
    lang: 'en',
    tab: 'earning',
  });
  // What the page may do to a row, and the node a MutationObserver would name for it.
  const edits: Array<(doc: Document, row: Element, n: number) => Node> = [
    (_doc, row, n) => {
      const text = [...row.querySelectorAll('*')]
        .flatMap((e) => [...e.childNodes])
        .filter((c) => c.nodeType === 3);
      const t = text[n % text.length] as Text;
      t.data = t.data.endsWith(' ✓') ? t.data.slice(0, -2) : `${t.data} ✓`;
      return t;
    },
    (_doc, row, n) => {
      const cell = row.children[n % row.children.length]!;
      cell.textContent = ['USD 12.34', 'Dec 31, 2026', 'Expired', 'Spend $50 to get $50'][n % 4]!;
      return cell;
    },
    (doc, row, n) => {
      const cell = row.children[n % row.children.length]!;
      const tag = doc.createElement('span');
      tag.textContent = 'Used';
      cell.append(tag);
      return cell;
    },
    (_doc, row, n) => {
      row.children[n % row.children.length]!.remove();
      return row;
    },
  ];

  it('after any edits, read in any slices, says what a fresh read of the page says', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.nat(40), fc.nat(40)), { minLength: 1, maxLength: 12 }),
        fc.nat(6),
        (steps, every) => {
          const doc = parseHtml(built.html);
          const memo = newPageMemo();
          readPageAndTargets(doc, built.url, memo);
          const rows = [...doc.querySelectorAll('[role="row"], tr')].slice(1);
          const changed = new Set<Node>();
          for (const [edit, at, n] of steps) changed.add(edits[edit]!(doc, rows[at % rows.length]!, n));
          let asked = 0;
          while (!readAhead(doc, built.url, memo, false, () => ++asked % (every + 1) === 0, changed));
          expect(readPageAndTargets(doc, built.url, memo, []).snapshot).toEqual(seen(doc, built.url));
        },
      ),
      { numRuns: 150 },
    );
  });
});
