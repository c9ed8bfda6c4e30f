// The reader on the layout families other hands build billing pages with (issue 15 §1): small pages in
// the kits' markup and in hand-written styles, each checking one principle, read with the CLI's DOM.
import { describe, expect, it } from 'vitest';

import { joinPieces, parseAmount } from '../../src/core/amount-text.ts';
import { readPage } from '../../src/core/page/index.ts';
import { rescanRow, scanPage } from '../../src/core/page/scan.ts';
import { parseHtml } from '../support/dom.ts';

const PROMOTIONS = 'https://ads.tiktok.com/i18n/account/promotion?aadvid=7301234567890123456';
const PAYMENT = 'https://ads.tiktok.com/i18n/account/payment?aadvid=7301234567890123456';
const page = (body: string, lang = 'en', head = '') =>
  parseHtml(`<!DOCTYPE html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`);
const read = (body: string, url = PROMOTIONS, lang = 'en', head = '') =>
  readPage(page(body, lang, head), url);

const HEADER = `<thead><tr>
  <th><input type="checkbox" aria-label="Select all"></th>
  <th>Ad credit <span>name</span></th>
  <th>Amo\u200bunt<span class="tip" hidden>Unused amount is what is left</span><button aria-label="Sort">↕</button></th>
  <th>Unused amount</th><th>Status</th></tr></thead>`;
const row = (name: string, amount: string, unused: string, status: string) =>
  `<tr><td><input type="checkbox"></td><td><span>${name}</span></td><td>${amount}</td><td>${unused}</td><td><span class="tag"><span>${status}</span></span></td></tr>`;

describe('tables in any construction', () => {
  it('gives each cell texts and labels of its own, empty cells and a row scanned again included', () => {
    const doc =
      page(`<table><tr><td></td><td>One</td><td><i aria-label="Dot"></i></td><td><b>Two</b> <i>three</i></td></tr>
      <tr><td></td><td><span title="Tip"></span>Four</td></tr></table>`);
    const cells = () => scanPage(doc).tables[0]!.rows.map((r) => r.cells.map((c) => [c.parts, c.labels]));
    const before = [
      [
        [[], []],
        [['One'], []],
        [[], ['Dot']],
        [['Two', 'three'], []],
      ],
      [
        [[], []],
        [['Four'], ['Tip']],
      ],
    ];
    expect(cells()).toEqual(before);
    const table = scanPage(doc).tables[0]!;
    const [first] = table.rows;
    const changed = doc.querySelector('b')!;
    changed.textContent = 'Twenty';
    const again = rescanRow(doc, first!, changed);
    expect(again.map((c) => [c.parts, c.labels])).toEqual([
      [[], []],
      [['One'], []],
      [[], ['Dot']],
      [['Twenty', 'three'], []],
    ]);
    // The row's other cells, and the other row, are as they were.
    expect(first!.cells.map((c) => c.parts)).toEqual([[], ['One'], [], ['Two', 'three']]);
    expect(table.rows[1]!.cells.map((c) => [c.parts, c.labels])).toEqual(before[1]);
  });

  it('matches a header table to the body table under it by column position (fixed header)', () => {
    const snap = read(`<h1>Promotions</h1>
      <div class="semi-table-header"><table><colgroup><col><col><col><col><col></colgroup>${HEADER}</table></div>
      <div class="semi-table-body"><table><colgroup><col><col><col><col><col></colgroup><tbody>
        <tr aria-hidden="true" class="measure"><td></td><td></td><td></td><td></td><td></td></tr>
        ${row('Welcome credit', '$50.00', '$20.00', 'Available')}
        ${row('Holiday bonus', '$100.00', '—', 'Used')}
        <tr class="expanded"><td colspan="5"><table><tr><th>Amount</th><th>Status</th></tr><tr><td>$1.00</td><td>Used</td></tr></table></td></tr>
      </tbody></table></div>`);
    expect(snap.promotions.map((p) => [p.name, p.amount, p.unused, p.status])).toEqual([
      ['Welcome credit', 50, 20, 'available'],
      ['Holiday bonus', 100, null, 'used'],
    ]);
  });

  it('reads div rows under a header table, and places cells by aria-colindex', () => {
    const snap = read(`<table role="grid"><thead><tr role="row">
        <th role="columnheader" aria-colindex="1">Ad credit name</th><th role="columnheader" aria-colindex="2">Amount</th>
        <th role="columnheader" aria-colindex="3">Status</th></tr></thead></table>
      <div class="virtual-body">
        <div role="row" aria-rowindex="41"><div role="gridcell" aria-colindex="1">Spring credit</div>
          <div role="gridcell" aria-colindex="3"><span aria-label="Expired" class="dot"></span></div>
          <div role="gridcell" aria-colindex="2">$25.00</div></div>
      </div>`);
    expect(snap.promotions).toHaveLength(1);
    expect(snap.promotions[0]).toMatchObject({ name: 'Spring credit', amount: 25, status: 'expired' });
  });

  it('an empty tab gives no promotions while another tab hidden by a stylesheet class keeps its rows', () => {
    const snap = read(
      `<div role="tablist"><div role="tab" aria-selected="false">Available</div><div role="tab" aria-selected="true">Earning</div></div>
       <div class="pane pane-inactive"><table>${HEADER}<tbody>${row('Old credit', '$5.00', '$5.00', 'Available')}</tbody></table></div>
       <div class="pane"><div class="empty">No data</div></div>`,
      PROMOTIONS,
      'en',
      '<style>.pane-inactive{display:none}</style>',
    );
    expect(snap.promotions).toEqual([]);
  });

  it('leaves unused empty, with a warning, when it is more than the amount', () => {
    const snap = read(
      `<table>${HEADER}<tbody>${row('Odd credit', '$10.00', '$15.00', 'Available')}</tbody></table>`,
    );
    expect(snap.promotions[0]).toMatchObject({ amount: 10, unused: null });
    expect(snap.warnings.join('\n')).toMatch(/Unused amount.*more than the amount/);
  });

  it('leaves minimum spend and spend so far empty when the progress goal contradicts the requirement', () => {
    const snap =
      read(`<table><tr><th>Ad credit name</th><th>Amount</th><th>Progress</th><th>Usage requirements</th></tr>
      <tr><td>Spend bonus</td><td>$50.00</td><td><span>$10.00</span><span> / </span><span>$80.00</span></td>
      <td>Spend $50.00 within 30 days</td></tr></table>`);
    expect(snap.promotions[0]).toMatchObject({ amount: 50, minSpend: null, spent: null });
    expect(snap.warnings.join('\n')).toMatch(/progress goal 80 differs/);
  });

  it('reads spend so far from a progress display split across spans', () => {
    const snap = read(`<table><tr><th>Ad credit name</th><th>Amount</th><th>Progress</th></tr>
      <tr><td>Spend bonus</td><td>$50.00</td><td><span>$12.50</span><span>/</span><span>$50.00</span></td></tr></table>`);
    expect(snap.promotions[0]).toMatchObject({ minSpend: 50, spent: 12.5 });
  });
});

describe('labels own their values', () => {
  it('statistic cards with the value above the label: each label takes its own card, never the next', () => {
    const card = (value: string, label: string) =>
      `<div class="card"><div class="value">${value}</div><div class="label"><span>${label}</span></div></div>`;
    const snap = read(
      `<div class="cards">${card('<span>2.718</span><span>,40</span><span> €</span>', 'Kontostand')}${card(
        '<span>2.000</span><span>,00 €</span>',
        'Barguthaben',
      )}${card('718,40&nbsp;€', 'Werbeguthaben')}</div>`,
      PAYMENT,
      'de',
    );
    expect(snap.balance).toEqual({ total: 2718.4, cash: 2000, credit: 718.4 });
    expect(snap.currency).toBe('EUR');
  });

  it('description lists, row headers and a row of labels over a row of values', () => {
    const dl = read(
      `<dl><dt>Account balance</dt><dd>$12.50</dd><dt>Cash balance</dt><dd>$10.00</dd>
      <dt>Ad credit</dt><dd>$2.50 <span class="tag">New</span></dd></dl><p>Currency: USD</p>`,
      PAYMENT,
    );
    expect(dl.balance).toEqual({ total: 12.5, cash: 10, credit: 2.5 });
    const rows = read(
      `<table><tr><th>Saldo de la cuenta</th><td>US$ 12,50</td></tr>
      <tr><th>Saldo en efectivo</th><td>US$ 10,00</td></tr><tr><th>Crédito publicitario</th><td>US$ 2,50</td></tr></table>`,
      PAYMENT,
      'es',
    );
    expect(rows.balance).toEqual({ total: 12.5, cash: 10, credit: 2.5 });
    expect(rows.currency).toBe('USD');
    const grid = read(
      `<div class="desc"><div class="labels"><span>Account balance</span><span>Cash balance</span>
      <span>Ad credit</span></div><div class="values"><span>$12.50</span><span>$10.00</span><span>$2.50</span></div></div>`,
      PAYMENT,
    );
    expect(grid.balance).toEqual({ total: 12.5, cash: 10, credit: 2.5 });
  });

  it('a list of accounts gives the row of the account in the URL, and nothing when the URL names none', () => {
    const body = `<table><tr><th>Account</th><th>Account ID</th><th>Cash balance</th><th>Ad credit</th><th>Currency</th></tr>
      <tr><td>North</td><td>7301234567890123456</td><td>100.00</td><td>5.00</td><td>USD</td></tr>
      <tr><td>South</td><td>7309999999999999999</td><td>900.00</td><td>50.00</td><td>EUR</td></tr></table>`;
    const known = read(body, PAYMENT);
    expect(known.balance).toMatchObject({ cash: 100, credit: 5 });
    expect(known.currency).toBe('USD');
    const unknown = read(body, 'https://business.tiktok.com/manage/payment/v2?org_id=1');
    expect(unknown.balance).toMatchObject({ cash: null, credit: null });
    expect(unknown.currency).toBeNull();
    expect(unknown.warnings.join('\n')).toMatch(/several accounts/);
  });

  it('total != cash + credit leaves all three empty, with a warning', () => {
    const snap = read(
      `<p>Account balance: $15.00</p><p>Cash balance: $10.00</p><p>Ad credit: $2.50</p>`,
      PAYMENT,
    );
    expect(snap.balance).toEqual({ total: null, cash: null, credit: null });
    expect(snap.warnings.join('\n')).toMatch(/balance: account balance 15 is not cash 10 \+ ad credit 2.5/);
  });

  it('a label with two values beside it gives none, with a warning', () => {
    const snap = read(
      `<div class="card"><span>Ad credit</span><b>$2.50</b><small>$9.00</small></div>`,
      PAYMENT,
    );
    expect(snap.balance?.credit).toBeNull();
    expect(snap.warnings.join('\n')).toMatch(/Ad credit.*several values/);
  });

  it('a menu item saying a label is not that label', () => {
    const snap = read(
      `<nav><a href="#">Ad credit</a></nav><div>$99.00</div><p>Cash balance: $10.00</p>`,
      PAYMENT,
    );
    expect(snap.balance?.credit).toBeNull();
    expect(snap.balance?.cash).toBe(10);
  });
});

describe('amounts from their visible pieces', () => {
  it.each([
    [['$', '1,284', '.50', 'USD'], 'en', 1284.5, 'USD'],
    [['2.718', ',40', '\u202f€'], 'de', 2718.4, 'EUR'],
    [['1000,00 €'], 'fr', 1000, 'EUR'],
    [['12.500.000', ' ₫'], 'vi', 12500000, 'VND'],
    [['¥', '10,000'], 'ja', 10000, 'JPY'],
  ])('%j (%s) is %d %s', (pieces, lang, value, currency) => {
    const a = parseAmount(joinPieces(pieces), lang);
    expect(a && a.minor / 10 ** a.exponent).toBe(value);
    expect(a?.currency).toBe(currency);
  });

  it('never joins two bare digit runs into one number', () => {
    expect(joinPieces(['12', '345'])).toBe('12 345');
    expect(parseAmount(joinPieces(['12', '345']), 'en')).toBeNull();
  });
});

describe('the redeem dialog', () => {
  const dialog = (attrs: string, field: string, after = '') =>
    `<div class="modal-wrap ${attrs}"><div role="dialog" aria-label="Redeem coupon">
      <label for="c">Coupon code</label>${field}${after}<button>Activate</button></div></div>`;

  it('is closed when a stylesheet class hides it, whatever its field still holds', () => {
    const snap = read(
      dialog('modal-hidden', '<input id="c" value="TTADS-OLD">'),
      PAYMENT,
      'en',
      '<style>.modal-hidden { display: none }</style>',
    );
    expect(snap.redeem).toEqual({ open: false, code: null, error: null, succeeded: false });
  });

  it('takes the error the page ties to the field, in any wording', () => {
    const described = read(
      dialog(
        '',
        '<input id="c" value="ABC" aria-invalid="true" aria-describedby="c-err">',
        '<div id="c-err">Der Code ist leider ungültig</div>',
      ),
      PAYMENT,
    );
    expect(described.redeem).toMatchObject({
      open: true,
      code: 'ABC',
      error: 'Der Code ist leider ungültig',
    });
    const hint = read(
      dialog(
        '',
        '<input id="c" value="ABC" aria-describedby="c-hint">',
        '<div id="c-hint">Codes have 10 characters</div>',
      ),
      PAYMENT,
    );
    expect(hint.redeem?.error).toBeNull();
    const item = read(
      dialog(
        '',
        '<div class="item"><input id="c" value="ABC" aria-invalid="true"><div class="explain">Nope, not this one</div></div>',
      ),
      PAYMENT,
    );
    expect(item.redeem?.error).toBe('Nope, not this one');
  });

  it('is found by its class where the kit gives it no role (TDesign; Bootstrap until opened)', () => {
    const tdesign = read(
      `<div class="t-dialog__ctx t-dialog__modal"><div class="t-dialog" style="display: block">
        <h5>Redeem coupon</h5><input placeholder="Enter coupon code" value="TTADS-50OFF">
        <div class="t-input__extra">This code has reached its usage limit.</div></div></div>`,
      PAYMENT,
    );
    expect(tdesign.redeem).toMatchObject({ open: true, code: 'TTADS-50OFF' });
    const bootstrap = read(
      `<div class="modal fade" aria-labelledby="t" style="display: none" aria-hidden="true">
        <div class="modal-dialog"><h1 id="t">Redeem coupon</h1><input value="OLD"></div></div>`,
      PAYMENT,
    );
    expect(bootstrap.redeem).toEqual({ open: false, code: null, error: null, succeeded: false });
    // A button that opens one is a button, not a dialog.
    const button = read('<button class="open-modal">Redeem coupon</button>', PAYMENT);
    expect(button.redeem).toBeNull();
  });

  it('tells the error from the help text when the field names both', () => {
    const field = (help: string, message: string) =>
      read(
        dialog(
          '',
          '<input id="c" value="ABC" aria-invalid="true" aria-describedby="c-help c-msg">',
          `<p id="c-help" class="${help}">Codes are case-sensitive.</p><p id="c-msg" class="${message}">This code was already used.</p>`,
        ),
        PAYMENT,
      ).redeem?.error;
    // shadcn's FormDescription and FormMessage; Bootstrap's form-text and invalid-feedback.
    expect(field('text-muted-foreground', 'text-sm text-destructive')).toBe('This code was already used.');
    expect(field('form-text', 'invalid-feedback')).toBe('This code was already used.');
    // Neither marked: nothing says which is the error, so neither is taken for it.
    expect(field('note', 'note')).toBeNull();
  });
});

describe('style rules, in a document that computes no style', () => {
  const STYLE = `<style>
    .tab-content>.tab-pane{display:none}
    .tab-content>.active{display:block}
    .overlay{display:none}
    .feedback{display:none}
    .is-invalid~.feedback{display:block}
    .gone{display:none!important}
    #shown.gone{display:block}
    </style>`;
  const shown = (body: string) => readPage(page(body, 'en', STYLE), PAYMENT).balance;
  const BALANCES = '<p>Account balance: $12.50</p><p>Cash balance: $10.00</p><p>Ad credit: $2.50</p>';
  const BALANCE = { total: 12.5, cash: 10, credit: 2.5 };

  it('cascade as a browser would: the later rule of equal weight, the more specific, the inline style', () => {
    expect(shown(`<div class="tab-content"><div class="tab-pane">${BALANCES}</div></div>`)).toBeNull();
    expect(shown(`<div class="tab-content"><div class="tab-pane active">${BALANCES}</div></div>`)).toEqual(
      BALANCE,
    );
    expect(shown(`<div class="overlay">${BALANCES}</div>`)).toBeNull();
    expect(shown(`<div class="overlay" style="display: block">${BALANCES}</div>`)).toEqual(BALANCE);
    expect(shown(`<input class="is-invalid"><div class="feedback">${BALANCES}</div>`)).toEqual(BALANCE);
    expect(shown(`<input><div class="feedback">${BALANCES}</div>`)).toBeNull();
  });

  it('a more specific rule wins over a later one, however many rules stand between them', () => {
    const filler = Array.from({ length: 12_000 }, (_, i) => `.filler-${i}{display:none}`).join('');
    const doc = page(
      `<section>${BALANCES}</section>`,
      'en',
      `<style>section p{display:block}${filler}p{display:none}</style>`,
    );
    expect(readPage(doc, PAYMENT).balance).toEqual(BALANCE);
  });

  it("still hides by a rule after 20,000 others (a list that long overflows the DOM's matching)", () => {
    const filler = Array.from({ length: 20_000 }, (_, i) => `.filler-${i}{display:none}`).join('');
    const doc = page(
      `<section>${BALANCES}</section>`,
      'en',
      `<style>${filler}section p{display:none}</style>`,
    );
    expect(readPage(doc, PAYMENT).balance).toBeNull();
  });

  it('an !important rule wins over a more specific rule and over the inline style', () => {
    expect(shown(`<div id="shown" class="gone">${BALANCES}</div>`)).toBeNull();
    expect(shown(`<div class="gone" style="display:block">${BALANCES}</div>`)).toBeNull();
  });
});

describe('hostile markup', () => {
  it('a form whose fields are named like DOM properties (DOM clobbering) does not stop or steer the reader', () => {
    const doc = page(`<h1>Payment</h1><form id="f"><input name="localName"><input name="getAttribute">
      <input name="parentNode"><input name="nodeType"><input name="hasAttributes"></form>
      <div class="card"><span>Cash balance</span><b>$10.00</b></div>
      <div role="dialog" aria-label="Redeem coupon" hidden><input value="X"></div>`);
    const form = doc.getElementById('f')!;
    // What a browser does: each named field shadows the form's own property of that name.
    for (const input of Array.from(form.querySelectorAll('input')))
      Object.defineProperty(form, input.getAttribute('name')!, { value: input, configurable: true });
    expect(form.localName).not.toBe('form');
    const snap = readPage(doc, PAYMENT);
    expect(snap.balance?.cash).toBe(10);
    expect(snap.redeem).toEqual({ open: false, code: null, error: null, succeeded: false });
    expect(snap.warnings.join('\n')).not.toMatch(/could not be read/);
  });

  it('20,000 nested buttons each with text: each text is collected a bounded number of times', () => {
    const depth = 20_000;
    const doc = page(`${'<div role="button">b'.repeat(depth)}${'</div>'.repeat(depth)}`);
    const scan = scanPage(doc);
    expect(scan.controls).toHaveLength(depth);
    const collected = scan.controls.reduce((n, c) => n + c.parts.length, 0);
    // Linear: at most one copy per enclosing record up to the cap, not one per enclosing button.
    expect(collected).toBeLessThanOrEqual(8 * depth);
    expect(scan.controls[0]!.parts).toHaveLength(depth);
    expect(scan.controls[depth - 1]!.parts).toEqual([]);
  });
});

describe('tabs and rows by shape', () => {
  it('the selected tab from an "active" class where aria-selected is absent gives rows their status', () => {
    const snap = read(`<div role="tablist"><div class="tab-item"><span role="tab">Available</span></div>
      <div class="tab-item tab-item-active"><span role="tab">Earning</span></div></div>
      <table><tr><th>Ad credit name</th><th>Amount</th></tr><tr><td>Spring</td><td>$5.00</td></tr></table>`);
    expect(snap.promotions[0]?.status).toBe('earning');
  });

  it('reads div rows with one child per header cell under a header-only table (a virtualized body)', () => {
    const snap =
      read(`<div class="head"><table><thead><tr><th>Ad credit name</th><th>Amount</th><th>Status</th></tr></thead></table></div>
      <div class="body"><div class="holder"><div class="inner">
        <div class="tr"><div class="td"><span>Spring</span></div><div class="td">$5.00</div><div class="td"><span>Used</span></div></div>
        <div class="tr"><div class="td">Autumn</div><div class="td">$7.50</div><div class="td">Expired</div></div>
      </div></div></div>`);
    expect(snap.promotions.map((p) => [p.name, p.amount, p.status])).toEqual([
      ['Spring', 5, 'used'],
      ['Autumn', 7.5, 'expired'],
    ]);
  });
});
