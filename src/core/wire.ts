// How a snapshot travels from the content script to the worker, and the account's kept promotions back.
// The browser copies a message value by value, object key by object key: 3,000 promotions as objects took
// Chromium about twice as long as the same values laid out in rows under one list of columns. The content
// script packs a snapshot's promotions so; the worker unpacks them before it validates the message, so
// that validation sees the same shape whichever way a message came. The worker packs the kept promotions
// of its answer the same way (500 of them are about 400 KB copied on every read of the page), and the
// content script unpacks them. No zod here: the content script ships without a validator.
//
// Copying even packed rows into a message is work the page waits for: 2,000 rows took 56–72 ms on a CPU
// slowed 4× (a slow laptop), past the 50 ms a page can be held. So a list longer than ROWS_PER_MESSAGE
// goes in parts (wireMessages), each copied in a task of its own, and the worker puts them back together
// (createRowsAssembly) before it validates the message: handlers only ever see whole snapshots.
import { MAX_ROWS } from './limits.ts';

/** Items that all have the same keys in the same order, as one list of keys and a row of values each. */
export interface PackedRows {
  columns: string[];
  rows: unknown[][];
}

/**
 * `items` packed, or as they are when they do not all share the first item's keys (packing must not
 * turn a missing key into a present one).
 */
export function packRows<T extends object>(items: readonly T[]): PackedRows | readonly T[] {
  const first = items[0];
  if (first === undefined) return items;
  const columns = Object.keys(first);
  const same = (item: object) => {
    const keys = Object.keys(item);
    return keys.length === columns.length && keys.every((k, i) => k === columns[i]);
  };
  if (!items.every(same)) return items;
  return { columns, rows: items.map((item) => columns.map((c) => (item as Record<string, unknown>)[c])) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The items of a PackedRows; anything else (items not packed, or not well formed) as it came. */
export function unpackRows(value: unknown): unknown {
  if (!isRecord(value) || Array.isArray(value)) return value;
  const { columns, rows } = value;
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) return value;
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.length === columns.length))
    return value;
  // fromEntries defines own properties: a column named "__proto__" is a key like any other.
  return rows.map((row: unknown[]) => Object.fromEntries(columns.map((c: string, i) => [c, row[i]])));
}

/** A content message as it goes on the wire: a snapshot's promotions packed. */
export function packMessage<M extends { type: string }>(message: M): unknown {
  if (message.type !== 'snapshot' || !isRecord((message as { snapshot?: unknown }).snapshot)) return message;
  const snapshot = (message as unknown as { snapshot: { promotions: readonly object[] } }).snapshot;
  return { ...message, snapshot: { ...snapshot, promotions: packRows(snapshot.promotions) } };
}

/** The worker's answer to `type` as it goes on the wire: a snapshot answer's kept promotions packed. */
export function packAnswer(type: string, answer: unknown): unknown {
  if (type !== 'snapshot' || !isRecord(answer) || answer.ok !== true || !isRecord(answer.value))
    return answer;
  const { kept } = answer.value;
  return Array.isArray(kept) ? { ...answer, value: { ...answer.value, kept: packRows(kept) } } : answer;
}

/** A message as it came off the wire, with a snapshot's promotions unpacked; the rest untouched. */
export function unpackMessage(raw: unknown): unknown {
  if (!isRecord(raw) || raw.type !== 'snapshot' || !isRecord(raw.snapshot)) return raw;
  const promotions = unpackRows(raw.snapshot.promotions);
  return promotions === raw.snapshot.promotions ? raw : { ...raw, snapshot: { ...raw.snapshot, promotions } };
}

/** Rows one message carries: about 10 ms of copying on a CPU slowed 4×. */
export const ROWS_PER_MESSAGE = 400;
/** Parts one list can take: MAX_ROWS is what a snapshot may carry (limits.ts). */
const MAX_PARTS = /* @__PURE__ */ Math.ceil(MAX_ROWS / ROWS_PER_MESSAGE);
/** Longest list id accepted (the content script makes short ones). */
const MAX_LIST_ID = 64;

/** Rows of a snapshot's packed promotions sent ahead of it: part `index` of list `list`. */
export interface RowsPart {
  type: 'snapshot-rows';
  list: string;
  index: number;
  rows: unknown[][];
}

/**
 * The failure message of a snapshot whose rows sent ahead never all arrived (the worker restarted
 * meanwhile): its sender sends it all again.
 */
export const ROWS_LOST = 'rows sent ahead were lost';

/**
 * A content message as the messages that carry it on the wire (packMessage), in the order they must be
 * sent: a snapshot with more than ROWS_PER_MESSAGE packed rows becomes its rows in parts, then the
 * snapshot with the last part's rows, naming the list (`list`, unique to this send) and how many parts
 * went ahead. Anything else is one message.
 */
export function wireMessages<M extends { type: string }>(message: M, list: string): unknown[] {
  const wire = packMessage(message) as { snapshot?: { promotions?: { rows?: unknown[][] } } };
  const packed = wire.snapshot?.promotions;
  const rows = packed?.rows;
  if (!rows || rows.length <= ROWS_PER_MESSAGE) return [wire];
  const ahead: RowsPart[] = [];
  for (let from = 0; from + ROWS_PER_MESSAGE < rows.length; from += ROWS_PER_MESSAGE)
    ahead.push({
      type: 'snapshot-rows',
      list,
      index: ahead.length,
      rows: rows.slice(from, from + ROWS_PER_MESSAGE),
    });
  const last = { ...packed, rows: rows.slice(ahead.length * ROWS_PER_MESSAGE), list, ahead: ahead.length };
  return [...ahead, { ...wire, snapshot: { ...wire.snapshot, promotions: last } }];
}

export interface RowsAssembly {
  /**
   * Takes a message from `sender` (a tab): a part of a list is kept, and true is returned. False for
   * anything that is not a well-formed part (it is then validated, and refused, as any message).
   */
  keep(sender: string, raw: unknown): boolean;
  /**
   * The message with the rows its sender sent ahead put back in front of its own (the message as it is
   * when it names none); null when some of them are missing (ROWS_LOST).
   */
  complete(sender: string, raw: unknown): { message: unknown } | null;
}

/**
 * The worker's side of wireMessages. It keeps one list per sender (a newer list drops an older one) and
 * lists of at most `maxSenders` senders (the one heard from longest ago goes first), in memory only: a
 * worker that stops loses them, and the snapshot that names them is answered ROWS_LOST.
 */
export function createRowsAssembly(maxSenders = 8): RowsAssembly {
  const lists = new Map<string, { list: string; parts: unknown[][][] }>();
  const isPart = (raw: unknown): raw is RowsPart =>
    isRecord(raw) &&
    raw.type === 'snapshot-rows' &&
    typeof raw.list === 'string' &&
    raw.list.length <= MAX_LIST_ID &&
    Number.isInteger(raw.index) &&
    (raw.index as number) >= 0 &&
    (raw.index as number) < MAX_PARTS &&
    Array.isArray(raw.rows) &&
    raw.rows.length <= ROWS_PER_MESSAGE &&
    raw.rows.every(Array.isArray);
  return {
    keep(sender, raw) {
      if (!isPart(raw)) return false;
      let held = lists.get(sender);
      if (held?.list !== raw.list) held = { list: raw.list, parts: [] };
      // Re-inserted, so that the sender heard from longest ago is the first in the map.
      lists.delete(sender);
      lists.set(sender, held);
      held.parts[raw.index] = raw.rows;
      for (const oldest of lists.keys()) {
        if (lists.size <= maxSenders) break;
        lists.delete(oldest);
      }
      return true;
    },
    complete(sender, raw) {
      if (!isRecord(raw) || raw.type !== 'snapshot' || !isRecord(raw.snapshot)) return { message: raw };
      const packed = raw.snapshot.promotions;
      if (!isRecord(packed) || !('list' in packed)) return { message: raw };
      const { list, ahead, ...rest } = packed;
      const found = lists.get(sender);
      const held = found !== undefined && found.list === list ? found : null;
      if (held) lists.delete(sender);
      if (!Number.isInteger(ahead) || (ahead as number) < 0 || (ahead as number) >= MAX_PARTS) return null;
      const parts = held?.parts ?? [];
      const sent: unknown[][] = [];
      for (let i = 0; i < (ahead as number); i++) {
        const part = parts[i];
        if (part === undefined) return null;
        sent.push(...part);
      }
      const own = Array.isArray(rest.rows) ? (rest.rows as unknown[][]) : [];
      return {
        message: { ...raw, snapshot: { ...raw.snapshot, promotions: { ...rest, rows: [...sent, ...own] } } },
      };
    },
  };
}
