// The promotions table → one PagePromotion per row, in page order. The table is the one whose header
// cells say the glossary's column names; columns are found by their header, in any order, and columns
// the glossary does not know are ignored.
import { joinPieces } from '../amount-text.ts';
import { MAX_MESSAGE, MAX_PROGRESS_TEXTS } from '../limits.ts';
import type { CreditType, PageStatus, SeenPromotion } from '../schemas.ts';
import type { LanguageGlossary } from './glossary.ts';
import { fold, hiddenByMarkup, localNameOf } from './scan.ts';
import type { Cell, Row, Scan, Table } from './scan.ts';
import type { Words } from './words.ts';

export type Column = keyof LanguageGlossary['columns'];

export interface PromotionsTable {
  /** The table holding the header row. */
  table: Table;
  /** Column of each known header (Cell.col). */
  columns: Map<Column, number>;
  /** The data rows, in page order: after the header row, or in the body tables that follow a header-only table. */
  rows: Row[];
}

const NOTHING = /^[\s\-–—―−_/.]*$/;
const notAssigned = (g: LanguageGlossary) => g.assignment.notAssigned;
const campaigns = (g: LanguageGlossary) => g.assignment.campaigns;

/** Columns without which the table is not worth reading, and warnings name when missing. */
const KEY_COLUMNS: Column[] = ['name', 'amount'];

/**
 * The visible table whose header row names the most promotion columns (at least two). Columns are
 * matched by position, so a header drawn as its own table (a fixed or sticky header: the kits render
 * one <table> for the header and another for the body, or div rows under it) takes its rows from the
 * tables that follow it up to the next one with a header of its own. A hidden table (another tab's
 * pane kept in the page) is never read: its rows are not what the user sees.
 */
export function findPromotionsTable(scan: Scan, words: Words): PromotionsTable | null {
  let best: PromotionsTable | null = null;
  scan.tables.forEach((table, at) => {
    if (table.hidden) return;
    const headerRow = table.rows.findIndex(isHeaderRow);
    const first = headerRow === -1 ? 0 : headerRow;
    const head = table.rows[first];
    if (!head) return;
    const columns = new Map<Column, number>();
    for (const cell of head.cells) {
      const key = headerKey(cell, words);
      if (key && !columns.has(key)) columns.set(key, cell.col);
    }
    if (columns.size < 2 || (best && columns.size <= best.columns.size)) return;
    const rows = dataRowsAfter(scan, at, first);
    // A header-only table over plain elements (a virtualized body, hand-made div rows): rows by shape.
    if (!rows.some(isDataRow)) rows.push(...rowsBelow(table, head.cells.length));
    best = { table, columns, rows };
  });
  return best;
}

const isHeaderRow = (r: Row): boolean => !r.hidden && r.cells.length > 0 && r.cells.every((c) => c.header);

/**
 * The rows under the header row `head` of scan.tables[at]: the table's own rows after it, else (a
 * header drawn as a table of its own) the rows of the tables that follow, up to one with its own header.
 */
export function dataRowsAfter(scan: Scan, at: number, head: number): Row[] {
  const rows = scan.tables[at]!.rows.slice(head + 1);
  if (rows.some(isDataRow)) return rows;
  for (const body of scan.tables.slice(at + 1)) {
    if (body.rows.some(isHeaderRow)) break;
    if (!body.hidden) rows.push(...body.rows);
  }
  return rows;
}

/**
 * The rows drawn as plain elements under a header-only table: in the element after it (or after one of
 * its first few ancestors), the first set of sibling elements that each have exactly one child per
 * header cell, descending through wrappers. Their children are the cells, in column order.
 */
function rowsBelow(header: Table, columns: number): Row[] {
  let from: Element | null = header.el;
  for (let level = 0; level < 4 && from; level++, from = from.parentElement) {
    const next = from.nextElementSibling;
    const rows = next ? rowsIn(next, columns, 0) : [];
    if (rows.length > 0) return rows;
  }
  return [];
}

const MAX_WRAPPERS = 8;

function rowsIn(container: Element, columns: number, depth: number): Row[] {
  const kids = Array.from(container.children);
  // A row has one child per column, and its cells are not rows themselves (a list of rows of that width).
  const rowShaped = (el: Element): boolean => el.children.length === columns;
  const shaped = kids.filter((k) => rowShaped(k) && !Array.from(k.children).every(rowShaped));
  if (shaped.length > 0 && shaped.length * 2 >= kids.length)
    return shaped.map((el) => {
      const hidden = hiddenByMarkup(el);
      return { el, hidden, cells: Array.from(el.children, (c, col) => looseCell(c, col)) };
    });
  if (depth >= MAX_WRAPPERS) return [];
  for (const k of kids) {
    const rows = rowsIn(k, columns, depth + 1);
    if (rows.length > 0) return rows;
  }
  return [];
}

/** A cell of a row drawn as plain elements: its visible text runs, as the scan reads a table cell. */
function looseCell(el: Element, col: number): Cell {
  const cell: Cell = { el, header: false, parts: [], col, span: 1, labels: [] };
  const visit = (node: Node): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE) {
        const t = fold((n as Text).data);
        if (t) cell.parts.push(t);
      } else if (n.nodeType === ELEMENT_NODE && !SKIPPED_TAGS.has(localNameOf(n as Element))) {
        if (hiddenByMarkup(n as Element)) continue;
        const label = (n as Element).getAttribute('aria-label') ?? (n as Element).getAttribute('title');
        if (label) cell.labels.push(fold(label));
        visit(n);
      }
    }
  };
  visit(el);
  return cell;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg']);

/**
 * A row the user sees as one promotion. Empty-state ("No data") and expanded-detail rows (a detail
 * panel, a nested sub-table) span the table in one or two cells; a measuring row has no text.
 */
function isPromotionRow(row: Row, width: number): boolean {
  return isDataRow(row) && row.cells.length >= Math.min(width, 3);
}

/** A row that can hold a promotion: shown, with a cell that is not a header and some text. */
function isDataRow(row: Row): boolean {
  return !row.hidden && row.cells.some((c) => !c.header) && row.cells.some((c) => c.parts.length > 0);
}

function headerKey(cell: Cell, words: Words): Column | null {
  // A header may carry a sort icon label or tooltip text beside its name.
  const whole = words.key('columns', cell.parts.join(' '));
  if (whole) return whole as Column;
  for (const p of cell.parts) {
    const k = words.key('columns', p);
    if (k) return k as Column;
  }
  return null;
}

export interface RowContext {
  words: Words;
  lang: string | null;
  /** Status implied by the selected tab, for rows without their own tag. */
  tabStatus: PageStatus;
}

/**
 * Rows parsed at earlier reads of the same page. Handed back and forth by the caller: after each read it
 * holds only the rows the page showed, so it never outgrows the page.
 */
export interface RowMemo {
  /** By what a row's cells say. */
  rows: Map<string, ReadRow>;
  /** By the cells themselves: a row read again (rescanRow) gets new cells, an untouched one keeps them. */
  byCells: WeakMap<readonly Cell[], { key: string; read: ReadRow }>;
  /** What the entries were read under: the page language, the selected tab and the columns. */
  setting: string;
  /** The read of a found table's rows so far (see parseAhead); a table found again starts its own. */
  ahead: Ahead | null;
}

/**
 * A found table's row list (`rows`) read up to `next`: each promotion row before it in page order in
 * `read` (its parse, or why it could not be read), and in `seen` by what its cells say.
 */
interface Ahead {
  rows: readonly Row[];
  next: number;
  read: Array<ReadRow | { failed: string }>;
  seen: Map<string, ReadRow>;
}

/** A row as seen, and what could not be taken from it (a text too long to be a value). */
export interface ReadRow {
  promotion: SeenPromotion;
  notes: readonly string[];
}

const NO_NOTES: readonly string[] = [];

export function newRowMemo(): RowMemo {
  return { rows: new Map(), byCells: new WeakMap(), setting: '', ahead: null };
}

/**
 * The table's promotions, in page order. With the memo of earlier reads, rows whose cells say what they
 * said then are not parsed again, and rows parseAhead has read already are taken as they are.
 */
export function readPromotions(
  found: PromotionsTable,
  ctx: RowContext,
  warnings: string[],
  memo: RowMemo = newRowMemo(),
): SeenPromotion[] {
  for (const c of KEY_COLUMNS)
    if (!found.columns.has(c)) warnings.push(`promotions table: no '${columnName(c)}' column found`);
  parseAhead(found, ctx, memo, () => false);
  const ahead = memo.ahead!;
  const out: SeenPromotion[] = [];
  for (const read of ahead.read) {
    if ('failed' in read) {
      warnings.push(`promotions table: row ${out.length + 1} could not be read (${read.failed})`);
      continue;
    }
    out.push(read.promotion);
    for (const note of read.notes) warnings.push(`promotions table: row ${out.length}: ${note}`);
  }
  memo.rows = ahead.seen;
  return out;
}

/** Rows the memo knows already cost a look-up each: the clock is asked every so many of them. */
const KNOWN_EVERY = 64;

/**
 * Reads the table's rows on from where the last turn stopped, until `enough()` says stop; true once
 * none is left. Lets a caller spread the first read of a long list over several turns, and the read
 * that follows finds every row read: it only hands the promotions out. `busy`: the turn has done other
 * work already, so the clock is asked before the first row too (the first row read in a language is the
 * slowest: its patterns are built then).
 */
export function parseAhead(
  found: PromotionsTable,
  ctx: RowContext,
  memo: RowMemo,
  enough: () => boolean,
  busy = false,
): boolean {
  settle(memo, found, ctx);
  const width = Math.max(...found.columns.values()) + 1;
  const { rows } = found;
  // A long list takes many turns: each goes on where the last stopped.
  if (memo.ahead?.rows !== rows) memo.ahead = { rows, next: 0, read: [], seen: new Map() };
  const ahead = memo.ahead;
  let parsed = 0;
  let passed = 0;
  for (; ahead.next < rows.length; ahead.next++) {
    const row = rows[ahead.next]!;
    if (!isPromotionRow(row, width)) continue;
    // At least one row a turn that did nothing else, so that a caller always gets somewhere.
    const known = memo.byCells.has(row.cells);
    if ((known ? ++passed % KNOWN_EVERY === 0 : busy || parsed++ > 0) && enough()) break;
    try {
      const { key, read } = remembered(row, found, ctx, memo, ahead.seen);
      ahead.read.push(read);
      ahead.seen.set(key, read);
    } catch (e) {
      ahead.read.push({ failed: (e as Error).message });
    }
  }
  return ahead.next === rows.length;
}

/** Empties the memo when what its rows were read under (language, selected tab, columns) has changed. */
function settle(memo: RowMemo, found: PromotionsTable, ctx: RowContext): void {
  const setting = `${ctx.lang}\u0001${ctx.tabStatus}\u0001${[...found.columns].join()}`;
  if (memo.setting !== setting) Object.assign(memo, newRowMemo(), { setting });
}

/**
 * A row's promotion as the memo knows it, else parsed and remembered. A page scanned again has new
 * cells, but most rows still say what they said at the last read (or earlier in this one: `also`).
 */
function remembered(
  row: Row,
  found: PromotionsTable,
  ctx: RowContext,
  memo: RowMemo,
  also: Map<string, ReadRow>,
): { key: string; read: ReadRow } {
  let known = memo.byCells.get(row.cells);
  if (!known) {
    const key = rowKey(row);
    known = { key, read: also.get(key) ?? memo.rows.get(key) ?? readRow(row, found.columns, ctx) };
    memo.byCells.set(row.cells, known);
  }
  return known;
}

/** The row's cell in column `col`: most rows have one cell per column, in order. */
export function cellAt(row: Row, col: number): Cell | null {
  const guess = row.cells[col];
  if (guess?.col === col) return guess;
  return row.cells.find((c) => c.col <= col && col < c.col + c.span) ?? null;
}

function rowKey(row: Row): string {
  // Built a piece at a time: joining each cell's parts and labels (mostly one part, no label) made two
  // arrays' worth of strings per cell, a sixth of parsing a row.
  let key = '';
  for (const c of row.cells) {
    key += c.header ? '\u0002h' : '\u0002';
    key += c.col;
    key += '\u0004';
    key += c.parts.length === 1 ? c.parts[0]! : c.parts.join('\u0003');
    key += '\u0004';
    if (c.labels.length > 0) key += c.labels.join('\u0003');
  }
  return key;
}

function columnName(c: Column): string {
  return c.replace(/[A-Z]/g, (m) => ` ${m.toLowerCase()}`).replace(/^./, (m) => m.toUpperCase());
}

function readRow(row: Row, columns: Map<Column, number>, ctx: RowContext): ReadRow {
  const cell = (c: Column): Cell | null => {
    const col = columns.get(c);
    return col === undefined ? null : cellAt(row, col);
  };
  const notes: string[] = [];
  // What a value column shows, for the worker to read (SeenPromotion): '' for nothing, null for no column.
  const shown = (c: Column): string | null => {
    if (!columns.has(c)) return null;
    const t = joinPieces(cell(c)?.parts ?? []);
    if (NOTHING.test(t)) return '';
    if (t.length <= MAX_MESSAGE) return t;
    notes.push(`'${columnName(c)}' is ${t.length} characters long, too long to be a value; left empty`);
    return '';
  };
  const type = (lookup(cell('creditType'), 'creditTypes', ctx.words) ?? 'unknown') as CreditType;
  return {
    promotion: {
      name: nameOf(cell('name')),
      type,
      status: statusOf(row, cell('status'), ctx),
      assigned: type === 'assignable' ? assignedOf(row, cell('actions'), ctx.words) : null,
      amount: shown('amount'),
      unused: shown('unusedAmount'),
      requirement: shown('usageRequirements'),
      validDates: shown('validDates'),
      redeemed: shown('redeemedDate'),
      progress: progressTexts(row, columns),
    },
    notes: notes.length > 0 ? notes : NO_NOTES,
  };
}

/** The name alone: the cell's first text, not an "ID: …" line or a status tag after it. */
function nameOf(cell: Cell | null): string | null {
  const first = cell?.parts[0];
  return first === undefined || NOTHING.test(first) ? null : first;
}

/** The key of `group` that the cell's text, or one of its parts (a tag beside other text), says. */
function lookup(cell: Cell | null, group: 'creditTypes' | 'statuses', words: Words): string | null {
  if (!cell) return null;
  if (cell.parts.length !== 1) {
    const whole = words.key(group, cell.parts.join(' '));
    if (whole) return whole;
  }
  for (const p of cell.parts) {
    const k = words.key(group, p);
    if (k) return k;
  }
  return null;
}

function statusOf(row: Row, statusCell: Cell | null, ctx: RowContext): PageStatus {
  const own = lookup(statusCell, 'statuses', ctx.words) ?? labelled(statusCell, ctx.words);
  if (own) return own as PageStatus;
  if (!statusCell) {
    // No status column: a status tag may sit beside the name or in another cell.
    for (const c of row.cells) {
      if (c.parts.length < 2) continue;
      for (const p of c.parts.slice(1)) {
        const k = ctx.words.key('statuses', p);
        if (k) return k as PageStatus;
      }
    }
  }
  return ctx.tabStatus;
}

/** A status the cell says only by aria-label or title (a coloured dot, an icon tag). */
function labelled(cell: Cell | null, words: Words): string | null {
  for (const l of cell?.labels ?? []) {
    const k = words.key('statuses', l);
    if (k) return k;
  }
  return null;
}

/**
 * The row's texts that may be its progress display "X / Y" (spend toward the minimum: never "Used
 * amount", which is credit spent): in the Progress column, else in any cell but the name and the dates.
 * "0,00 €" " / " "100,00 €" in three spans reads as the one display the user sees, so a cell of several
 * parts offers their join first. Only texts with one slash, not first, can be one.
 */
function progressTexts(row: Row, columns: Map<Column, number>): string[] {
  const progressAt = columns.get('progress');
  const dateColumns = new Set([columns.get('validDates'), columns.get('redeemedDate'), columns.get('name')]);
  const candidates =
    progressAt !== undefined ? [cellAt(row, progressAt)] : row.cells.filter((c) => !dateColumns.has(c.col));
  const out: string[] = [];
  for (const cell of candidates) {
    if (!cell) continue;
    const texts = cell.parts.length > 1 ? [joinPieces(cell.parts), ...cell.parts] : cell.parts;
    for (const text of texts) {
      if (out.length === MAX_PROGRESS_TEXTS) return out;
      if (mayShowProgress(text) && text.length <= MAX_MESSAGE) out.push(text);
    }
  }
  return out;
}

function mayShowProgress(text: string): boolean {
  const slash = text.indexOf('/');
  return slash > 0 && text.indexOf('/', slash + 1) === -1;
}

function assignedOf(row: Row, actions: Cell | null, words: Words): boolean | null {
  const cells = actions ? [actions] : row.cells;
  for (const c of cells)
    for (const p of c.parts) {
      if (words.says(notAssigned, p)) return false;
      if (words.pattern(campaigns, p)) return true;
    }
  return null;
}
