// Document → the page as the content script sees it (SeenPage): a PageSnapshot whose promotion rows say
// what each row is, with its numbers and dates still as texts. That is all the page's thread does; the
// worker reads the rows' values (row-values.ts), and index.ts does both for the command line. Every
// section is read on its own: one that fails is null (or empty) with a warning saying what and why, and
// no read throws.
import { currencyOf, isCurrencyCode, isPlainCurrencyCode, joinPieces, parseAmount } from '../amount-text.ts';
import { safeLocale } from '../locale.ts';
import { major } from '../money.ts';
import type { Balance, PageStatus, PageView, SeenPage, SeenPromotion } from '../schemas.ts';
import type { LanguageGlossary } from './glossary.ts';
import { glossaryLanguage } from './glossary.ts';
import { cellAt, findPromotionsTable, newRowMemo, parseAhead, readPromotions } from './promotions.ts';
import type { Column, PromotionsTable, RowMemo } from './promotions.ts';
import { ownedValues } from './owned.ts';
import { codeInput, findRedeemDialog, readRedeem } from './redeem.ts';
import type { Block, Row, Scan, ScanJob } from './scan.ts';
import { fold, rescanRow, scanPage, startScan } from './scan.ts';
import { detectView } from './view.ts';
import { wordsFor } from './words.ts';
import type { Words } from './words.ts';

export { detectView } from './view.ts';

const ISO_CODE = /^[A-Z]{3}$/;
/** An empty-looking cell: dashes, slashes, dots (as promotions.ts reads them). */
const NOTHING = /^[\s\-–—―−_/.]*$/;
const accountIdLabel = (g: LanguageGlossary) => g.labels.adAccountId;
const currencyLabel = (g: LanguageGlossary) => g.labels.currency;

/** What the overlay needs from one look at the page: the page as seen, and the elements to point at. */
export interface PageReading {
  snapshot: SeenPage;
  targets: PageTargets;
}

/**
 * What the content script keeps from one read of a page to the next: the last scan (rows are read again
 * only where the page changed) and the rows parsed so far, by what their cells say.
 */
export interface PageMemo extends RowMemo {
  doc: Document | null;
  scan: Scan | null;
  /** A scan readAhead has begun and not finished, and how often it began again. */
  job: ScanJob | null;
  restarts: number;
  /** Every table row of `scan` by its element, built when the first change comes. */
  rowAt: Map<Node, Row> | null;
  /** The promotions table found in `scan` under `words`, until a row of it is scanned again. */
  table: { scan: Scan; words: Words; found: PromotionsTable | null } | null;
  /** How far the first-time work of FIRST_TIME has gone for a page language (as String(lang)). */
  prepared: { lang: string; done: number } | null;
}

export function newPageMemo(): PageMemo {
  return {
    ...newRowMemo(),
    doc: null,
    scan: null,
    rowAt: null,
    job: null,
    restarts: 0,
    table: null,
    prepared: null,
  };
}

/**
 * The snapshot and the overlay's targets from one pass over the document. The content script calls it
 * after page changes with the same `memo`, and with the nodes the page changed since (MutationRecord
 * targets): when they all lie in table rows, only those rows are read again, and only rows whose cells
 * say something new are parsed. `changed` null means anything may have changed.
 */
export function readPageAndTargets(
  doc: Document,
  url: string | null,
  memo: PageMemo = newPageMemo(),
  changed: readonly Node[] | null = null,
): PageReading {
  const { snapshot, scan, words, found } = readScanned(doc, url, memo, changed);
  return { snapshot, targets: scan ? targetsOf(scan, words, found, memo) : NO_TARGETS };
}

/**
 * Work toward the next read, in slices, so that a long list never holds the page for long: `fresh`
 * starts a scan of the page, else the rows holding the `changed` nodes are scanned again (each node is
 * taken out of the set once its row is); then the rows scanned are parsed, until `enough()` says stop.
 * True once the read that follows (readPageAndTargets with this memo and no changes) has nothing left
 * to scan or parse. A change outside every known row starts a scan of the page.
 */
export function readAhead(
  doc: Document,
  url: string | null,
  memo: PageMemo,
  fresh: boolean,
  enough: () => boolean,
  changed: Set<Node> = new Set(),
): boolean {
  try {
    // Whether this turn has done any work yet: every piece of work after the first waits for a turn
    // of its own once the clock says stop, so that none of them runs on into a long task.
    let worked = false;
    if (fresh || (!memo.scan && !memo.job) || memo.doc !== doc) startOver(doc, memo, changed);
    // At most twice round: a change outside every known row starts the walk over, in this same slice.
    for (;;) {
      if (memo.job) {
        worked = true;
        // A page that keeps pulling the ground from under the walk is scanned in one go.
        const walked = memo.job.step(memo.restarts >= MAX_RESTARTS ? () => false : enough);
        if (walked === 'stale') {
          Object.assign(memo, { job: startScan(doc), restarts: memo.restarts + 1 });
          return false;
        }
        if (walked === 'more') return false;
        Object.assign(memo, { scan: memo.job.scan, job: null });
        if (enough()) return false;
      }
      if (changed.size === 0) break;
      worked = true;
      const rescan = rescanRows(doc, memo, changed, enough);
      if (rescan === 'more') return false;
      if (rescan === 'done') break;
      startOver(doc, memo, changed);
    }
    const scan = memo.scan!;
    const lang = langOf(doc);
    const words = wordsFor(lang);
    const known = memo.table;
    const found = detectView(url, doc) === 'promotions' ? tableOf(scan, words, memo) : null;
    if (!found) return true;
    // Finding the table in a long page's scan is work too (up to 16 ms at 4×): nothing else joins it.
    worked ||= memo.table !== known;
    // The first row read in a language builds what every row after it uses (FIRST_TIME): each piece,
    // among the slowest work of a read, starts a turn of its own, and so does the first row after them.
    if (memo.prepared?.lang !== String(lang)) memo.prepared = { lang: String(lang), done: 0 };
    const prepared = memo.prepared;
    if (prepared.done <= FIRST_TIME.length) {
      if (worked) return false;
      const piece = FIRST_TIME[prepared.done++];
      // Last, the page's own parts, read once and dropped: their first run in a page (the code of each
      // reader and the glossary look-ups they build) took 25-45 ms on a CPU slowed four times, which made
      // the read that puts a long list into its snapshot a long task.
      if (piece) piece(lang);
      else ownPartsOf(scan, words, lang, url, 'promotions', found);
      return false;
    }
    const from = memo.ahead?.rows === found.rows ? memo.ahead.next : 0;
    const parsed = parseAhead(
      found,
      { words, lang, tabStatus: tabStatus(scan, words) },
      memo,
      enough,
      worked,
    );
    // A list parsed over several turns is a long one: putting its rows into a snapshot (the read that
    // follows) is work enough for a turn of its own, rather than after the last slice of parsing.
    return parsed && !(from > 0 && memo.ahead!.next > from);
  } catch {
    // Nothing is lost: the read that follows does the work, and its warnings say what failed.
    return true;
  }
}

const MAX_RESTARTS = 3;

/**
 * The first-time work of the first read in a page language, in the order it is needed, a turn each.
 * Caches are all they fill: what any read returns is the same with or without them. On a CPU slowed four
 * times each takes tens of milliseconds: done in one turn with the first row, they made that turn a long
 * task. After them readAhead reads the page's own parts once (ownPartsOf), to the same end. (The page's
 * thread reads no date: the worker reads the rows' dates.)
 */
const FIRST_TIME: ReadonlyArray<(lang: string | null) => unknown> = [
  // The browser's locale data, loaded at the first call of a page's renderer that needs it (unless the
  // page's own scripts have asked already). On a CPU slowed four times: 25-38 ms for the table of likely
  // subtags ("en" → "en-Latn-US"), which Intl.Locale's maximize loads on its own, then 49-95 ms for the
  // rest, which no Intl call tried splits further.
  () => new Intl.Locale('en').maximize(),
  safeLocale,
  // The page language's number separators and pattern (balances are read here) and the currency
  // patterns, at their first amount.
  (lang) => currencyOf('1.5', lang),
];

/**
 * The promotions table of `scan`, found once per scan and page language: a long list is parsed over many
 * turns, each of which would otherwise look for the table again. Rows scanned again drop it (rescanRows),
 * since a row's new cells may change which rows hold data, or the header.
 */
function tableOf(scan: Scan, words: Words, memo?: PageMemo): PromotionsTable | null {
  const kept = memo?.table;
  if (kept && kept.scan === scan && kept.words === words) return kept.found;
  const found = findPromotionsTable(scan, words);
  if (memo) memo.table = { scan, words, found };
  return found;
}

/** A scan of the page from the top: it sees every change made so far. */
function startOver(doc: Document, memo: PageMemo, changed: Set<Node>): void {
  changed.clear();
  Object.assign(memo, { doc, scan: null, rowAt: null, job: startScan(doc), restarts: 0, table: null });
}

const langOf = (doc: Document): string | null => doc.documentElement?.getAttribute('lang') || null;

/** The known table row holding `node`; undefined when it lies outside every row of the memo's scan. */
function rowOf(memo: PageMemo & { scan: Scan }, node: Node): Row | undefined {
  memo.rowAt ??= new Map(memo.scan.tables.flatMap((t) => t.rows.map((r) => [r.el, r] as const)));
  let row: Row | undefined;
  for (let n: Node | null = node; n && !row; n = n.parentNode) row = memo.rowAt.get(n);
  return row?.el.isConnected ? row : undefined;
}

/**
 * Scans again where the changed nodes are in the known rows, taking each node out of `changed` once it
 * is read; 'outside' at the first node that lies in no known row (only a scan of the page will do).
 */
function rescanRows(
  doc: Document,
  memo: PageMemo,
  changed: Set<Node>,
  enough: () => boolean = () => false,
): 'done' | 'more' | 'outside' {
  if (!memo.scan || memo.doc !== doc) return 'outside';
  const known = memo as PageMemo & { scan: Scan };
  for (const node of changed) {
    const row = rowOf(known, node);
    if (!row) return 'outside';
    row.cells = rescanRow(doc, row, node);
    known.table = null;
    changed.delete(node);
    // A row may hold any number of cells: the clock is looked at after each.
    if (changed.size > 0 && enough()) return 'more';
  }
  return 'done';
}

/**
 * Whether two snapshots say the same. The reader builds every snapshot with its keys in one order, and
 * rows it did not parse again are the very objects of the last read: only changed rows are compared.
 */
export function sameSnapshot(a: SeenPage | null, b: SeenPage): boolean {
  if (!a || a.promotions.length !== b.promotions.length) return false;
  const json = (v: unknown) => JSON.stringify(v);
  if (a.promotions.some((p, i) => p !== b.promotions[i] && json(p) !== json(b.promotions[i]))) return false;
  return json({ ...a, promotions: null }) === json({ ...b, promotions: null });
}

/** `read()`, or `fallback` with a warning saying what could not be read and why. */
function attempt<T>(warnings: string[], what: string, fallback: T, read: () => T): T {
  try {
    return read();
  } catch (e) {
    warnings.push(`${what}: could not be read (${e instanceof Error ? e.message : String(e)})`);
    return fallback;
  }
}

function readScanned(
  doc: Document,
  url: string | null,
  memo?: PageMemo,
  changed: readonly Node[] | null = null,
): { snapshot: SeenPage; scan: Scan | null; words: Words; found: PromotionsTable | null } {
  const warnings: string[] = [];
  const lang = attempt(warnings, 'page language', null, () => langOf(doc));
  const view = attempt<PageView>(warnings, 'page view', 'other', () => detectView(url, doc));
  const scan = attempt<Scan | null>(warnings, 'page', null, () => {
    if (memo && changed && rescanRows(doc, memo, new Set(changed)) === 'done') return memo.scan!;
    const full = scanPage(doc);
    if (memo) Object.assign(memo, { doc, scan: full, rowAt: null, job: null, table: null });
    return full;
  });
  const words = wordsFor(lang);
  if (!scan) return { snapshot: { ...EMPTY, view, url, lang, warnings }, scan, words, found: null };

  const found = attempt(warnings, 'promotions table', null, () => tableOf(scan, words, memo));
  if (view === 'promotions' && !found)
    warnings.push('promotions table: no table with promotion column headers');
  const promotions =
    found && view === 'promotions'
      ? attempt<SeenPromotion[]>(warnings, 'promotions table', [], () =>
          readPromotions(found, { words, lang, tabStatus: tabStatus(scan, words) }, warnings, memo),
        )
      : [];
  const own = ownPartsOf(scan, words, lang, url, view, found);
  warnings.push(...own.warnings);
  const snapshot: SeenPage = {
    view,
    url,
    lang,
    ...own.parts,
    promotions,
    redeem: attempt(warnings, 'redeem dialog', null, () => readRedeem(scan, words)),
    warnings,
  };
  if (
    !own.parts.balance &&
    promotions.length === 0 &&
    !snapshot.redeem &&
    scan.tabs.every((t) => !tabKey(t.parts, words))
  )
    warnings.push(
      lang && !glossaryLanguage(lang)
        ? `page language "${lang}" has no glossary, and no glossary language's wording matched`
        : 'no glossary wording matched this page',
    );
  return { snapshot, scan, words, found };
}

/**
 * The account, its balances and its currency, as the page's own labels say them (in the snapshot's order
 * of keys: sameSnapshot compares snapshots as JSON), and the warnings of what could not be read of them.
 */
function ownPartsOf(
  scan: Scan,
  words: Words,
  lang: string | null,
  url: string | null,
  view: PageView,
  found: PromotionsTable | null,
): { parts: Pick<SeenPage, 'accountId' | 'accountName' | 'currency' | 'balance'>; warnings: string[] } {
  const warnings: string[] = [];
  const fromUrl = accountIdFromUrl(url);
  const accountId = attempt(warnings, 'account id', null, () => accountIdOf(url, scan, words, warnings));
  const accountName = attempt(warnings, 'account name', null, () => accountNameOf(scan, accountId, words));
  // Amount texts the balance labels own: the currency is read from them.
  const shown: string[] = [];
  const balance = attempt(warnings, 'balance', null, () =>
    readBalance(scan, words, lang, fromUrl, found, shown, warnings),
  );
  if (view === 'payment' && !balance) warnings.push('balance: no balance labels found');
  const currency = attempt(warnings, 'currency', null, () =>
    currencyOfPage(scan, words, lang, fromUrl, view === 'promotions' ? found : null, shown, warnings),
  );
  return { parts: { accountId, accountName, currency, balance }, warnings };
}

const EMPTY: Omit<SeenPage, 'view' | 'url' | 'lang' | 'warnings'> = {
  accountId: null,
  accountName: null,
  currency: null,
  balance: null,
  promotions: [],
  redeem: null,
};

// ---------------------------------------------------------------- label → value

/** Visible text outside tables and dialogs: where balances, the account id and the currency are shown. */
function pageBlocks(scan: Scan): Block[] {
  return scan.blocks.filter((b) => b.dialog === -1 && !b.hidden);
}

type BalanceKey = keyof LanguageGlossary['balance'];

/** A cent's worth of rounding between total and cash + credit is not a contradiction. */
const ROUNDING = 0.011;

function readBalance(
  scan: Scan,
  words: Words,
  lang: string | null,
  accountId: string | null,
  skip: PromotionsTable | null,
  shown: string[],
  warnings: string[],
): Balance | null {
  const owned = ownedValues(scan, pageBlocks(scan), {
    labelOf: (t) => words.key('balance', t) as BalanceKey | null,
    valueOf: (t) => {
      const a = parseAmount(t, lang);
      const v = a ? major(a) : null;
      if (v === null) return null;
      shown.push(t);
      return String(v);
    },
    accountId,
    skip: skip?.table ?? null,
  });
  if (owned.size === 0) return null;
  const pick = (key: BalanceKey, what: string): number | null => {
    const v = owned.get(key);
    if (!v) warnings.push(`balance: no '${what}' label found`);
    else if (v.value === null) warnings.push(`balance: '${what}' left empty: ${v.problem}`);
    return v?.value == null ? null : Number(v.value);
  };
  const balance = {
    total: pick('accountBalance', 'Account balance'),
    cash: pick('cashBalance', 'Cash balance'),
    credit: pick('adCredit', 'Ad credit'),
  };
  const { total, cash, credit } = balance;
  if (total !== null && cash !== null && credit !== null && Math.abs(total - (cash + credit)) > ROUNDING) {
    warnings.push(
      `balance: account balance ${total} is not cash ${cash} + ad credit ${credit}; all three left empty`,
    );
    return { total: null, cash: null, credit: null };
  }
  return balance;
}

// ---------------------------------------------------------------- account and currency

const ACCOUNT_DIGITS = /^\d{6,}$/;

function accountIdFromUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const id = new URL(url).searchParams.get('aadvid')?.trim();
    return id && /^\d+$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

function accountIdOf(url: string | null, scan: Scan, words: Words, warnings: string[]): string | null {
  const fromUrl = accountIdFromUrl(url);
  if (fromUrl) return fromUrl;
  const owned = ownedValues(scan, pageBlocks(scan), {
    labelOf: (t) => (/^id$/i.test(t.trim()) || words.says(accountIdLabel, t) ? 'id' : null),
    valueOf: (t) => ACCOUNT_DIGITS.exec(t.trim())?.[0] ?? null,
    accountId: null,
  }).get('id');
  if (owned?.problem && owned.value === null && /several/.test(owned.problem))
    warnings.push(`account id: left empty: ${owned.problem}`);
  return owned?.value ?? null;
}

/** Separators between the parts of an account header written as one text ("Name · ID: 7316… · EUR"). */
const HEADER_PARTS = /\s+[|·•—–-]\s+|\s*[|·•(（]\s*/;
/** Header texts that are no one's name: the time zone, an amount, an id, a "label: value" pair. */
const NOT_A_NAME = /UTC|GMT|\d{4,}|[:：]\s*\S/;
/** Glossary groups whose wordings are the console's own words, never an account's name. */
const CONSOLE_WORDS = ['labels', 'statuses', 'tabs', 'nav', 'balance', 'buttons', 'creditTypes'] as const;
/** An account name is a short text; anything longer is a sentence of the page's. */
const MAX_ACCOUNT_NAME = 120;

/**
 * The account's name as the header shows it beside the account id ("Northwind Outdoor Co. / ID: 7301…"):
 * the text before the id label in the id's own text, else the nearest text before it in the element that
 * holds the id (its parent or grandparent, the account header). Null when the page shows the id alone:
 * a name is only shown, never counted, so a page without one needs no warning.
 */
function accountNameOf(scan: Scan, accountId: string | null, words: Words): string | null {
  if (!accountId) return null;
  const blocks = pageBlocks(scan);
  const at = blocks.findIndex((b) => b.text.includes(accountId));
  if (at === -1) return null;
  const isLabel = (t: string) => {
    const bare = t.replace(/[:：]\s*$/, '').trim();
    return /^id$/i.test(bare) || words.says(accountIdLabel, bare);
  };
  // "Name · ID: 7316…" in one text: the name is all that comes before the label and its separator.
  const before = blocks[at]!.text.slice(0, blocks[at]!.text.indexOf(accountId));
  const label = before.split(HEADER_PARTS).pop()!.trim();
  const rest = before.slice(0, before.lastIndexOf(label)).replace(/[\s|·•—–(（-]+$/, '');
  if (rest && (label === '' || isLabel(label))) {
    const name = nameIn(rest, words);
    if (name) return name;
  }
  let container: Element | null = blocks[at]!.el.parentElement;
  for (let level = 0; level < 2 && container; level++, container = container.parentElement)
    for (let j = at - 1; j >= Math.max(0, at - 6); j--) {
      const b = blocks[j]!;
      if (!container.contains(b.el)) break;
      if (isLabel(b.text)) continue;
      const name = nameIn(b.text, words);
      if (name) return name;
    }
  return null;
}

/** The name a header text holds ("Compte publicitaire : Atelier Lavande SARL" holds the part after the label). */
function nameIn(text: string, words: Words): string | null {
  const t = text.replace(/^[^:：]{1,40}\s[:：]\s+/, '').trim();
  if (!/\p{L}/u.test(t) || t.length > MAX_ACCOUNT_NAME || NOT_A_NAME.test(t)) return null;
  if (HEADER_CODE.test(t) && t.length <= 6) return null;
  return CONSOLE_WORDS.some((g) => words.key(g, t) !== null) ? null : t;
}

/** An ISO code shown on its own, or first in the account header ("USD | (UTC-05:00) New York"). */
const HEADER_CODE = /^[:：|·•,–—-]?\s*([A-Z]{3})(?:\s*(?:[|·•,(/–—-]|$))/;

/**
 * The account currency: an ISO code the page shows as the account's (a "Currency" label or column,
 * the account header beside the account id, a code glued to the balance or promotion amounts), else
 * an unambiguous symbol of those amounts. Amounts elsewhere (transactions, spend widgets) do not count.
 */
function currencyOfPage(
  scan: Scan,
  words: Words,
  lang: string | null,
  accountId: string | null,
  table: PromotionsTable | null,
  shown: string[],
  warnings: string[],
): string | null {
  const blocks = pageBlocks(scan);
  const labelled = ownedValues(scan, blocks, {
    labelOf: (t) => (words.says(currencyLabel, t) ? 'currency' : null),
    valueOf: (t) => {
      const m = HEADER_CODE.exec(t.trim());
      return m && isCurrencyCode(m[1]!) && t.trim().length <= 6 ? m[1]! : null;
    },
    accountId,
    skip: table?.table ?? null,
  }).get('currency');
  if (labelled?.value) return labelled.value;
  if (labelled && /several/.test(labelled.problem ?? '')) {
    warnings.push(`currency: left empty: ${labelled.problem}`);
    return null;
  }
  const header = accountHeaderCurrency(blocks, accountId);
  if (header) return header;
  const amounts = [...shown, ...tableAmounts(table)];
  const found = new Set<string>();
  let dollars = false;
  for (const t of amounts) {
    const c = currencyOf(t, lang);
    if (c) found.add(c);
    else if (t.includes('$')) dollars = true;
  }
  const iso = [...found].filter((c) => ISO_CODE.test(c));
  if (iso.length === 1) return iso[0]!;
  if (iso.length > 1) warnings.push(`currency: several currencies shown (${iso.join(', ')})`);
  else if (dollars) warnings.push('currency: amounts show a bare "$", which several currencies use');
  else warnings.push('currency: the page shows no account currency');
  return null;
}

/**
 * The ISO code in the account header: a text that starts with a plain ISO code, in the element that
 * holds the account id (its parent or grandparent), where consoles show the account's name, id,
 * currency and time zone together.
 */
function accountHeaderCurrency(blocks: Block[], accountId: string | null): string | null {
  const at = blocks.findIndex((b) =>
    accountId ? b.text.includes(accountId) : /\bID\b.*\d{6,}/.test(b.text),
  );
  if (at === -1) return null;
  const codes = new Set<string>(segmentCodes(blocks[at]!.text));
  let container: Element | null = blocks[at]!.el.parentElement;
  for (
    let level = 0;
    level < 2 && container && codes.size === 0;
    level++, container = container.parentElement
  )
    for (let j = Math.max(0, at - 6); j < Math.min(blocks.length, at + 7); j++) {
      const b = blocks[j]!;
      if (j === at || !container.contains(b.el)) continue;
      const m = HEADER_CODE.exec(b.text);
      if (m && isPlainCurrencyCode(m[1]!)) codes.add(m[1]!);
    }
  return codes.size === 1 ? [...codes][0]! : null;
}

/** Plain ISO codes standing as a part of their own in "Name — ID: 7316… — EUR". */
function segmentCodes(text: string): string[] {
  return text
    .split(/\s[|·•—–-]\s|\s*[|·•]\s*/)
    .map((s) => s.trim())
    .filter((s) => /^[A-Z]{3}$/.test(s) && isPlainCurrencyCode(s));
}

const AMOUNT_COLUMNS: Column[] = ['amount', 'unusedAmount', 'usedAmount'];

function tableAmounts(found: PromotionsTable | null): string[] {
  if (!found) return [];
  const at = AMOUNT_COLUMNS.flatMap((c) => found.columns.get(c) ?? []);
  const out: string[] = [];
  for (const row of found.rows.slice(0, 20))
    for (const col of at) {
      const cell = cellAt(row, col);
      const t = cell && joinPieces(cell.parts);
      // A dash names no currency, and costs currencyOf its slowest search (a regex built per call).
      if (t && !NOTHING.test(t)) out.push(t);
    }
  return out;
}

// ---------------------------------------------------------------- tabs

/** Status the selected tab implies: Available and Earning name one; Not available mixes several. */
function tabStatus(scan: Scan, words: Words): PageStatus {
  const key =
    scan.tabs
      .filter((t) => t.selected && !t.hidden)
      .map((t) => tabKey(t.parts, words))
      .find((k) => k !== null) ?? markedTab(scan, words);
  return key === 'available' ? 'available' : key === 'earning' ? 'earning' : 'unknown';
}

/**
 * A tab bar drawn without tab roles: sibling elements saying tab names, all with one class but the
 * selected one, which carries something more (whatever its language calls "active"). Null unless
 * exactly one stands out that way.
 */
function markedTab(scan: Scan, words: Words): string | null {
  const named = pageBlocks(scan).filter((b) => words.key('tabs', b.text) !== null);
  for (const b of named) {
    const siblings = named.filter((o) => o.el.parentElement === b.el.parentElement);
    if (siblings.length < 2) continue;
    const classes = siblings.map((o) => o.el.getAttribute('class') ?? '');
    const odd = classes.filter((c) => c !== classes.find((x, i) => classes.indexOf(x) !== i));
    const mine = b.el.getAttribute('class') ?? '';
    const others = classes.filter((c) => c !== mine);
    if (odd.length === 1 && odd[0] === mine && others.every((c) => c === others[0] && mine.startsWith(c)))
      return words.key('tabs', b.text);
  }
  return null;
}

function tabKey(parts: string[], words: Words): string | null {
  return words.key('tabs', parts.join(' ')) ?? parts.map((p) => words.key('tabs', p)).find((k) => k) ?? null;
}

// ---------------------------------------------------------------- overlay targets

export interface PageTargets {
  redeemButton: Element | null;
  codeInput: Element | null;
  activateButton: Element | null;
  dialog: Element | null;
  promotionsLink: Element | null;
  earningTab: Element | null;
  availableTab: Element | null;
  /** The promotions table's rows, each with the name it shows and the status read from it (null: no promotion). */
  promotionRows: Array<{ row: Element; name: string | null; status: PageStatus | null }>;
}

const redeemCoupon = (g: LanguageGlossary) => g.buttons.redeemCoupon;
const activate = (g: LanguageGlossary) => g.buttons.activate;
const promotionsNav = (g: LanguageGlossary) => g.nav.promotions;

/** A page that shows none of them. */
export const NO_TARGETS: PageTargets = {
  redeemButton: null,
  codeInput: null,
  activateButton: null,
  dialog: null,
  promotionsLink: null,
  earningTab: null,
  availableTab: null,
  promotionRows: [],
};

/** The elements the overlay outlines, found by the same labels as readPage. */
function targetsOf(scan: Scan, words: Words, table: PromotionsTable | null, rows: RowMemo): PageTargets {
  const said = (parts: string[]): string => fold(parts.join(' '));
  const control = (
    pick: (g: LanguageGlossary) => string | string[],
    inDialog: number | null,
  ): Element | null =>
    scan.controls.find(
      (c) =>
        !c.hidden &&
        (inDialog === null ? c.dialog === -1 : c.dialog === inDialog) &&
        words.says(pick, said(c.parts)),
    )?.el ?? null;
  const redeem = findRedeemDialog(scan, words);
  const open = redeem && !redeem.dialog.hidden ? redeem : null;
  const tab = (key: string): Element | null =>
    scan.tabs.find((t) => !t.hidden && tabKey(t.parts, words) === key)?.el ?? null;
  const nameAt = table?.columns.get('name');
  return {
    redeemButton: control(redeemCoupon, null),
    codeInput: open ? codeInput(open.dialog, words) : null,
    activateButton: open ? control(activate, open.index) : null,
    dialog: open?.dialog.el ?? null,
    promotionsLink: control(promotionsNav, null),
    earningTab: tab('earning'),
    availableTab: tab('available'),
    promotionRows: table
      ? table.rows.map((r) => ({
          row: r.el,
          name: (nameAt === undefined ? undefined : cellAt(r, nameAt)?.parts[0]) ?? null,
          status: rows.byCells.get(r.cells)?.read.promotion.status ?? null,
        }))
      : [],
  };
}
