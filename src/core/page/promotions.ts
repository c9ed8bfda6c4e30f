// The promotions table → one PagePromotion per row, in page order. The table is the one whose header
// cells say the glossary's column names; columns are found by their header, in any order, and columns
// the glossary does not know are ignored.
import { parseDate, parseDateRange } from '../dates.ts';
import { findAmounts, parseAmount, toMajor } from '../money.ts';
import type { Amount } from '../money.ts';
import type { CreditType, PagePromotion, PageStatus } from '../schemas.ts';
import type { LanguageGlossary } from './glossary.ts';
import type { Cell, Row, Scan, Table } from './scan.ts';
import type { Words } from './words.ts';

export type Column = keyof LanguageGlossary['columns'];

export interface PromotionsTable {
  table: Table;
  columns: Map<Column, number>;
  /** Index in table.rows of the first data row. */
  firstRow: number;
}

const NOTHING = /^[\s\-–—―−_/.]*$/;
const requirementWording = (g: LanguageGlossary) => g.requirement;
const noRequirements = (g: LanguageGlossary) => g.labels.noRequirements;
const notAssigned = (g: LanguageGlossary) => g.assignment.notAssigned;
const campaigns = (g: LanguageGlossary) => g.assignment.campaigns;

/** Columns without which the table is not worth reading, and warnings name when missing. */
const KEY_COLUMNS: Column[] = ['name', 'amount'];

/** The best table whose header row names at least two promotion columns; visible tables first. */
export function findPromotionsTable(scan: Scan, words: Words): PromotionsTable | null {
  let best: (PromotionsTable & { score: number }) | null = null;
  for (const table of scan.tables) {
    const headerRow = table.rows.findIndex((r) => r.cells.length > 0 && r.cells.every((c) => c.header));
    const head = table.rows[headerRow === -1 ? 0 : headerRow];
    if (!head) continue;
    const columns = new Map<Column, number>();
    head.cells.forEach((cell, i) => {
      const key = headerKey(cell, words);
      if (key && !columns.has(key)) columns.set(key, i);
    });
    const score = columns.size - (table.hidden ? 100 : 0);
    if (columns.size >= 2 && (!best || score > best.score))
      best = { table, columns, firstRow: (headerRow === -1 ? 0 : headerRow) + 1, score };
  }
  return best && { table: best.table, columns: best.columns, firstRow: best.firstRow };
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
  rows: Map<string, PagePromotion>;
  /** By the cells themselves: a row read again (rescanRow) gets new cells, an untouched one keeps them. */
  byCells: WeakMap<readonly Cell[], { key: string; promotion: PagePromotion }>;
  /** What the entries were read under: the page language, the selected tab and the columns. */
  setting: string;
}

export function newRowMemo(): RowMemo {
  return { rows: new Map(), byCells: new WeakMap(), setting: '' };
}

export function readPromotions(
  found: PromotionsTable,
  ctx: RowContext,
  warnings: string[],
  memo?: RowMemo,
): PagePromotion[] {
  for (const c of KEY_COLUMNS)
    if (!found.columns.has(c)) warnings.push(`promotions table: no '${columnName(c)}' column found`);
  const width = Math.max(...found.columns.values()) + 1;
  const out: PagePromotion[] = [];
  const rows = found.table.rows;
  if (memo) settle(memo, found, ctx);
  const seen = new Map<string, PagePromotion>();
  for (let i = found.firstRow; i < rows.length; i++) {
    const row = rows[i]!;
    // Empty-state and expanded-detail rows span the table in one or two cells.
    if (row.cells.length < Math.min(width, 3) || row.cells.every((c) => c.header)) continue;
    try {
      if (!memo) {
        out.push(readRow(row, found.columns, ctx));
        continue;
      }
      const known = remembered(row, found, ctx, memo, seen);
      out.push(known.promotion);
      seen.set(known.key, known.promotion);
    } catch (e) {
      warnings.push(`promotions table: row ${out.length + 1} could not be read (${(e as Error).message})`);
    }
  }
  if (memo) memo.rows = seen;
  return out;
}

/**
 * Parses the rows the memo does not know yet, until `enough()` says stop; true once none is left. Lets
 * a caller spread the first read of a long list over several turns: the read that follows finds every
 * row parsed.
 */
export function parseAhead(
  found: PromotionsTable,
  ctx: RowContext,
  memo: RowMemo,
  enough: () => boolean,
): boolean {
  settle(memo, found, ctx);
  const rows = found.table.rows;
  let parsed = 0;
  for (let i = found.firstRow; i < rows.length; i++) {
    const row = rows[i]!;
    if (memo.byCells.has(row.cells) || row.cells.every((c) => c.header)) continue;
    // At least one row a turn, so that a caller always gets somewhere.
    if (parsed++ > 0 && enough()) return false;
    try {
      remembered(row, found, ctx, memo);
    } catch {
      // The read itself says which row could not be read, and why.
    }
  }
  return true;
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
  also?: Map<string, PagePromotion>,
): { key: string; promotion: PagePromotion } {
  let known = memo.byCells.get(row.cells);
  if (!known) {
    const key = rowKey(row);
    known = { key, promotion: also?.get(key) ?? memo.rows.get(key) ?? readRow(row, found.columns, ctx) };
    memo.byCells.set(row.cells, known);
  }
  return known;
}

function rowKey(row: Row): string {
  let key = '';
  for (const c of row.cells) key += `\u0002${c.header ? 'h' : ''}${c.parts.join('\u0003')}`;
  return key;
}

function columnName(c: Column): string {
  return c.replace(/[A-Z]/g, (m) => ` ${m.toLowerCase()}`).replace(/^./, (m) => m.toUpperCase());
}

function readRow(row: Row, columns: Map<Column, number>, ctx: RowContext): PagePromotion {
  const cell = (c: Column): Cell | null => {
    const i = columns.get(c);
    return i === undefined ? null : (row.cells[i] ?? null);
  };
  const text = (c: Column): string | null => {
    const t = cell(c)?.parts.join(' ') ?? '';
    return NOTHING.test(t) ? null : t;
  };
  const money = (c: Column): number | null => amountOf(text(c), ctx.lang);
  const type = (lookup(cell('creditType'), 'creditTypes', ctx.words) ?? 'unknown') as CreditType;
  const progress = progressOf(row, columns, ctx.lang);
  const range = text('validDates');
  const dates = range ? parseDateRange(range, ctx.lang) : null;
  const redeemed = text('redeemedDate');
  return {
    name: cell('name')?.parts[0] ?? null,
    type,
    status: statusOf(row, cell('status'), ctx),
    amount: money('amount'),
    minSpend:
      minSpendOf(text('usageRequirements'), ctx) ?? (columns.has('usageRequirements') ? null : progress.goal),
    spent: progress.spent,
    unused: money('unusedAmount'),
    redeemedOn: redeemed ? parseDate(redeemed, ctx.lang) : null,
    validFrom: dates?.from ?? null,
    validUntil: dates?.until ?? null,
    assigned: type === 'assignable' ? assignedOf(row, cell('actions'), ctx.words) : null,
  };
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
  const own = lookup(statusCell, 'statuses', ctx.words);
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

function amountOf(text: string | null, lang: string | null): number | null {
  if (!text) return null;
  return major(parseAmount(text, lang) ?? findAmounts(text, lang)[0]?.amount ?? null);
}

/** An amount in major units; null for none, and for digits too long to be a number. */
export function major(a: Amount | null | undefined): number | null {
  const v = a ? toMajor(a) : null;
  return v !== null && Number.isFinite(v) ? v : null;
}

function minSpendOf(text: string | null, ctx: RowContext): number | null {
  if (!text || ctx.words.says(noRequirements, text)) return null;
  const withCurrency = findAmounts(text, ctx.lang, { requireCurrency: true })[0]?.amount;
  if (withCurrency) return major(withCurrency);
  // The glossary sentence finds the amount where it is glued to the words around it (Japanese).
  const said = ctx.words.pattern(requirementWording, text)?.groups?.amount;
  if (!said) return null;
  const at = text.toLocaleLowerCase().indexOf(said);
  return major(parseAmount(at === -1 ? said : text.slice(at, at + said.length), ctx.lang));
}

/**
 * Spend toward the minimum comes only from a progress display "X / Y" (never from "Used amount", which
 * is credit spent): the Progress column, else any other cell showing one.
 */
function progressOf(
  row: Row,
  columns: Map<Column, number>,
  lang: string | null,
): { spent: number | null; goal: number | null } {
  const progressAt = columns.get('progress');
  const dateColumns = new Set([columns.get('validDates'), columns.get('redeemedDate'), columns.get('name')]);
  const candidates =
    progressAt !== undefined ? [row.cells[progressAt]] : row.cells.filter((_, i) => !dateColumns.has(i));
  for (const cell of candidates) {
    for (const part of cell?.parts ?? []) {
      const pair = progressPair(part, lang);
      if (pair) return { spent: major(pair[0]), goal: major(pair[1]) };
    }
  }
  return { spent: null, goal: null };
}

function progressPair(text: string, lang: string | null): [Amount, Amount] | null {
  const slash = text.indexOf('/');
  if (slash <= 0 || text.indexOf('/', slash + 1) !== -1) return null;
  const x = parseAmount(text.slice(0, slash), lang);
  const y = x && parseAmount(text.slice(slash + 1), lang);
  return x && y ? [x, y] : null;
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
