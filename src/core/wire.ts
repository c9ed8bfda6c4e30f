// How a snapshot travels from the content script to the worker, and the account's kept promotions back.
// The browser copies a message value by value, object key by object key: 3,000 promotions as objects took
// Chromium about twice as long as the same values laid out in rows under one list of columns. The content
// script packs a snapshot's promotions so; the worker unpacks them before it validates the message, so
// that validation sees the same shape whichever way a message came. The worker packs the kept promotions
// of its answer the same way (500 of them are about 400 KB copied on every read of the page), and the
// content script unpacks them. No zod here: the content script ships without a validator.

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
