// Which value a label owns. A label owns the value in the smallest element that holds it and no other
// label of its family (a statistic card, a description item, "Label: value" in one text), or the cell
// beside it in its row or under it in its column: never "the next number in document order", which
// hands each label the next card's value when the value comes first.
//
// Every place a label is seen gives a candidate; a field with two different candidates, or a place with
// two values for one label, is left empty with the reason, for the caller's warning.
import { joinPieces } from '../amount-text.ts';
import { cellAt, dataRowsAfter } from './promotions.ts';
import type { Block, Row, Scan, Table } from './scan.ts';

/** A family of labels: the key a text names (whole, after normalisation), else null. */
export type LabelOf<K extends string> = (text: string) => K | null;
/** The value a piece of text shows (an amount, an ISO code, an id), normalised for comparison, else null. */
export type ValueOf = (text: string) => string | null;

/** What the page says for one label: its value, or null and why. */
export interface Owned {
  value: string | null;
  /** Why there is no value although the label is there. */
  problem: string | null;
}

export interface OwnedOptions<K extends string> {
  labelOf: LabelOf<K>;
  valueOf: ValueOf;
  /** The account the page is for (aadvid): picks its row in a table that lists several accounts. */
  accountId: string | null;
  /** Tables that are not about these labels (the promotions table). */
  skip?: Table | null;
}

/** "Label: value" in one text block (also the full-width colon). */
const LABEL_AND_VALUE = /^(.{1,60}?)\s*[:：]\s*(.+)$/;
/** How far up from a label its value may be, and how many texts one element may hold to count. */
const MAX_LEVELS = 6;
const MAX_SPAN = 40;

/**
 * The value each label of the family owns, from the text outside tables (`blocks`, visible, in page
 * order) and from the visible tables. Labels the page does not show are absent from the map.
 */
export function ownedValues<K extends string>(
  scan: Scan,
  blocks: Block[],
  opts: OwnedOptions<K>,
): Map<K, Owned> {
  const found = new Map<K, string[]>();
  const problems = new Map<K, string>();
  const add = (key: K, value: string | null, problem?: string): void => {
    const list = found.get(key) ?? [];
    found.set(key, list);
    if (value !== null) list.push(value);
    else if (problem && !problems.has(key)) problems.set(key, problem);
  };
  // Text in a button, link or menu item names an action or a page ("Ad credit" in the menu), not a value.
  const keys = blocks.map((b) => (b.control ? null : opts.labelOf(b.text)));
  blocks.forEach((b, i) => {
    const key = keys[i];
    if (key) {
      const owned = ownedInTree(blocks, keys, i, opts.valueOf);
      add(key, owned.value, owned.problem ?? undefined);
      return;
    }
    const inline = LABEL_AND_VALUE.exec(b.text);
    // "ID: 7301…" says its value itself, even on an account switcher drawn as a button.
    const inlineKey = inline ? opts.labelOf(inline[1]!) : null;
    if (inlineKey) add(inlineKey, opts.valueOf(inline![2]!));
  });
  scan.tables.forEach((table, at) => {
    if (!table.hidden && table !== opts.skip) ownedInTable(scan, at, opts, add);
  });
  const out = new Map<K, Owned>();
  for (const [key, values] of found) {
    const distinct = [...new Set(values)];
    if (distinct.length === 1) out.set(key, { value: distinct[0]!, problem: null });
    else if (distinct.length > 1)
      out.set(key, { value: null, problem: `the page shows several values (${distinct.join(', ')})` });
    else out.set(key, { value: null, problem: problems.get(key) ?? 'no value next to the label' });
  }
  return out;
}

/**
 * The value owned by the label at blocks[i]: climbing from the label, the first element that holds a
 * value and no other label of the family. Where the next element up already holds other labels, the
 * label's value is found by how the element's children are laid out (pairs, or a row of labels over a
 * row of values).
 */
function ownedInTree<K extends string>(
  blocks: Block[],
  keys: Array<K | null>,
  i: number,
  valueOf: ValueOf,
): Owned {
  const label = blocks[i]!;
  let lo = i;
  let hi = i;
  let el: Element | null = label.el;
  for (let level = 0; level < MAX_LEVELS && el; level++, el = el.parentElement) {
    while (lo > 0 && i - lo < MAX_SPAN && el.contains(blocks[lo - 1]!.el)) lo--;
    while (hi < blocks.length - 1 && hi - i < MAX_SPAN && el.contains(blocks[hi + 1]!.el)) hi++;
    let others = false;
    for (let j = lo; j <= hi && !others; j++) others = j !== i && keys[j] !== null;
    if (others) {
      const owned = byLayout(el, blocks, keys, i, lo, hi, valueOf);
      const up = el.parentElement;
      if (owned.value !== null || !up || !onlyLabels(el, blocks, keys, lo, hi)) return owned;
      // A row of labels alone: its values are in a row beside it, one level up.
      while (lo > 0 && i - lo < MAX_SPAN && up.contains(blocks[lo - 1]!.el)) lo--;
      while (hi < blocks.length - 1 && hi - i < MAX_SPAN && up.contains(blocks[hi + 1]!.el)) hi++;
      return byLayout(up, blocks, keys, i, lo, hi, valueOf);
    }
    const before = blocks.slice(lo, i).map((b) => b.text);
    const after = blocks.slice(i + 1, hi + 1).map((b) => b.text);
    const values = [...new Set([...valuesIn(before, valueOf), ...valuesIn(after, valueOf)])];
    if (values.length === 1) return { value: values[0]!, problem: null };
    if (values.length > 1)
      return { value: null, problem: `several values beside the label (${values.join(', ')})` };
  }
  return { value: null, problem: 'no value next to the label' };
}

/** Pieces one value may be split into: prefix, integer, decimals, suffix, and a space or two. */
const MAX_PIECES = 6;

/**
 * The values a run of text pieces shows: from the left, the longest run of pieces that joins into one
 * value, then on after it. A value is never taken from part of a run that joins into a longer one
 * ("2.718" alone, when "2.718" ",40" "€" is the amount), and texts that are no value (a copy button,
 * "Updated today") stand between values without joining them.
 */
function valuesIn(pieces: string[], valueOf: ValueOf): string[] {
  const out: string[] = [];
  for (let s = 0; s < pieces.length;) {
    let found: string | null = null;
    let end = s;
    for (let e = Math.min(pieces.length, s + MAX_PIECES); e > s && found === null; e--) {
      found = valueOf(joinPieces(pieces.slice(s, e)));
      end = e;
    }
    if (found !== null) out.push(found);
    s = found !== null ? end : s + 1;
  }
  return out;
}

/** The one value the pieces show (valuesIn), or null when they show none or several. */
function onlyValue(pieces: string[], valueOf: ValueOf): string | null {
  const values = valuesIn(pieces, valueOf);
  return values.length === 1 ? values[0]! : null;
}

interface Group {
  el: Element;
  labels: number[];
  pieces: string[];
}

/** Each child of `parent` that holds some of blocks[lo..hi], with its labels and its other texts. */
function groupsOf<K extends string>(
  parent: Element,
  blocks: Block[],
  keys: Array<K | null>,
  lo: number,
  hi: number,
): Group[] {
  const groups: Group[] = [];
  for (let j = lo; j <= hi; j++) {
    let child: Element | null = blocks[j]!.el;
    while (child && child.parentElement !== parent) child = child.parentElement;
    if (!child) continue;
    let group = groups[groups.length - 1];
    if (group?.el !== child) groups.push((group = { el: child, labels: [], pieces: [] }));
    if (keys[j] !== null) group.labels.push(j);
    else group.pieces.push(blocks[j]!.text);
  }
  return groups;
}

function byLayout<K extends string>(
  parent: Element,
  blocks: Block[],
  keys: Array<K | null>,
  i: number,
  lo: number,
  hi: number,
  valueOf: ValueOf,
): Owned {
  const groups = groupsOf(parent, blocks, keys, lo, hi).filter(
    (g) => g.labels.length > 0 || valuesIn(g.pieces, valueOf).length > 0,
  );
  const at = groups.findIndex((g) => g.labels.includes(i));
  const own = groups[at];
  if (!own) return { value: null, problem: 'no value next to the label' };
  // Pairs side by side: a label beside a value that no other label stands beside (a heading over its
  // figure), or labels and values alternating (label, value, label, value; or value first).
  const kind = (g: Group | undefined): string =>
    !g ? '' : g.labels.length === 1 && g.pieces.length === 0 ? 'L' : g.labels.length === 0 ? 'V' : 'M';
  if (kind(own) === 'L') {
    const valueOfGroup = (g: Group): Owned => {
      const value = onlyValue(g.pieces, valueOf);
      return { value, problem: value === null ? 'several values beside the label' : null };
    };
    const prev = kind(groups[at - 1]);
    const next = kind(groups[at + 1]);
    const kinds = groups.map(kind).join('');
    // Where the whole row alternates, its first item says which way every pair reads.
    const labelFirst = /^(?:LV)+L?$/.test(kinds);
    const valueFirst = /^(?:VL)+V?$/.test(kinds);
    const takeNext = next === 'V' && (labelFirst || (!valueFirst && prev !== 'V'));
    const takePrev = prev === 'V' && (valueFirst || (!labelFirst && next !== 'V'));
    if (takeNext && !takePrev) return valueOfGroup(groups[at + 1]!);
    if (takePrev && !takeNext) return valueOfGroup(groups[at - 1]!);
    if (prev === 'V' || next === 'V') return { value: null, problem: 'a value on each side of the label' };
  }
  // A row of labels over (or under) a row of values: matched by position.
  if (own.labels.length > 1 && own.pieces.length === 0) {
    for (const other of [groups[at + 1], groups[at - 1]]) {
      if (!other || other.labels.length > 0) continue;
      const labelCells = childrenHolding(
        own.el,
        own.labels.map((j) => blocks[j]!.el),
      );
      const valueCells = childrenWithValues(other.el, blocks, lo, hi, valueOf);
      const mine = labelCells.findIndex((c) => c.contains(blocks[i]!.el));
      if (labelCells.length === valueCells.length && mine !== -1)
        return { value: valueCells[mine]!, problem: null };
      return { value: null, problem: 'a row of labels and a row of values that do not line up' };
    }
  }
  return none();
}

/** Whether everything `el` shows (of blocks[lo..hi]) is a label of the family. */
function onlyLabels<K extends string>(
  el: Element,
  blocks: Block[],
  keys: Array<K | null>,
  lo: number,
  hi: number,
): boolean {
  for (let j = lo; j <= hi; j++) if (keys[j] === null && el.contains(blocks[j]!.el)) return false;
  return true;
}

const none = (): Owned => ({ value: null, problem: 'no value of its own beside the label' });

/** The distinct children of `parent` holding each of `els`, in order. */
function childrenHolding(parent: Element, els: Element[]): Element[] {
  const out: Element[] = [];
  for (const el of els) {
    let child: Element | null = el;
    while (child && child.parentElement !== parent) child = child.parentElement;
    if (child && out[out.length - 1] !== child) out.push(child);
  }
  return out;
}

/** The value shown by each child of `parent` that shows one, in order. */
function childrenWithValues(
  parent: Element,
  blocks: Block[],
  lo: number,
  hi: number,
  valueOf: ValueOf,
): string[] {
  const byChild = new Map<Element, string[]>();
  for (let j = lo; j <= hi; j++) {
    let child: Element | null = blocks[j]!.el;
    while (child && child.parentElement !== parent) child = child.parentElement;
    if (!child) continue;
    const list = byChild.get(child) ?? [];
    list.push(blocks[j]!.text);
    byChild.set(child, list);
  }
  const out: string[] = [];
  for (const pieces of byChild.values()) {
    const v = valueOf(joinPieces(pieces));
    if (v !== null) out.push(v);
  }
  return out;
}

/**
 * Labels in a table: the cell beside a label in its row (row headers, description items side by side),
 * else the cell under it in its column (a row of labels over a row of values). A column over several
 * rows (a list of accounts) gives the account's row, picked by its id; a page that does not say which
 * row is the account's gives no value.
 */
function ownedInTable<K extends string>(
  scan: Scan,
  at: number,
  opts: OwnedOptions<K>,
  add: (key: K, value: string | null, problem?: string) => void,
): void {
  const table = scan.tables[at]!;
  const text = (cell: Row['cells'][number]): string => joinPieces(cell.parts);
  // A value cell may hold more than the value (a chip saying "Available" beside it): its pieces are read
  // as the tree's are.
  const valueIn = (cell: Row['cells'][number] | null | undefined): string | null =>
    onlyValue(cell?.parts ?? [], opts.valueOf);
  table.rows.forEach((row, r) => {
    if (row.hidden) return;
    const labels = row.cells.map((c) => opts.labelOf(text(c)));
    if (labels.every((k) => k === null)) {
      // A label and its value in one cell ("<span>Saldo</span><span>1.250 €</span>", "Saldo: 1.250 €").
      for (const c of row.cells) {
        const inline = c.parts.length === 1 ? LABEL_AND_VALUE.exec(c.parts[0]!) : null;
        const key = inline ? opts.labelOf(inline[1]!) : c.parts.length > 1 ? opts.labelOf(c.parts[0]!) : null;
        if (!key) continue;
        const value = onlyValue(inline ? [inline[2]!] : c.parts.slice(1), opts.valueOf);
        add(key, value, 'no single value beside the label in its cell');
      }
      return;
    }
    const beside = row.cells.some((c, n) => labels[n] === null && valueIn(c) !== null);
    if (beside) {
      row.cells.forEach((c, n) => {
        const key = labels[n];
        if (!key) return;
        const next = row.cells[n + 1];
        const value = labels[n + 1] === null ? valueIn(next) : null;
        add(key, value, 'no value beside the label in its row');
      });
      return;
    }
    // The rows under it, up to the next row of labels (descriptions laid out as label rows over value rows).
    const after = dataRowsAfter(scan, at, r);
    // Only rows shaped like the label row: a row of another width starts another block of the table.
    const end = after.findIndex(
      (b) =>
        b.cells.length !== row.cells.length ||
        b.cells.every((c) => c.header) ||
        b.cells.some((c) => opts.labelOf(text(c)) !== null),
    );
    const body = (end === -1 ? after : after.slice(0, end)).filter((b) => !b.hidden && b.cells.length > 0);
    const rows = body.length > 1 ? accountRows(body, opts.accountId) : body;
    row.cells.forEach((c, n) => {
      const key = labels[n];
      if (!key) return;
      if (rows.length !== 1) {
        add(
          key,
          null,
          body.length > 1
            ? 'the page lists several accounts and does not say which one is this account'
            : 'no value under the label',
        );
        return;
      }
      add(key, valueIn(cellAt(rows[0]!, c.col)), 'no value under the label');
    });
  });
}

/** The rows that name the account (its id in one of their cells). */
function accountRows(rows: Row[], accountId: string | null): Row[] {
  if (!accountId) return [];
  return rows.filter((r) => r.cells.some((c) => c.parts.some((p) => p.includes(accountId))));
}
