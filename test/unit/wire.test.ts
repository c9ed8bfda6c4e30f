import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ROWS } from '../../src/core/limits.ts';
import {
  createRowsAssembly,
  packAnswer,
  packMessage,
  packRows,
  ROWS_PER_MESSAGE,
  wireMessages,
  unpackMessage,
  unpackRows,
  type RowsAssembly,
} from '../../src/core/wire.ts';
import { emptySnapshot, pagePromotion } from './content.harness.ts';

const promotion = fc.record({
  name: fc.option(fc.string(), { nil: null }),
  status: fc.constantFrom('earning', 'available', 'expired'),
  amount: fc.option(fc.double({ noNaN: true }), { nil: null }),
  validUntil: fc.option(fc.constant('2026-12-31'), { nil: null }),
  assigned: fc.option(fc.boolean(), { nil: null }),
});

describe('a snapshot on the wire', () => {
  it('unpacks to exactly the promotions that were packed', () => {
    fc.assert(
      fc.property(fc.array(promotion, { maxLength: 30 }), (items) => {
        const packed = packRows(items);
        // structuredClone stands in for the browser's copy of the message.
        expect(unpackRows(structuredClone(packed))).toEqual(items);
      }),
    );
  });

  it('packs only items that share their keys, so no key appears or goes missing', () => {
    const items = [{ a: 1, b: 2 }, { a: 3 }];
    expect(packRows(items)).toBe(items);
    expect(
      packRows([
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ]),
    ).not.toHaveProperty('columns');
    expect(packRows([{ a: 1, b: 2 }])).toEqual({ columns: ['a', 'b'], rows: [[1, 2]] });
  });

  it('leaves what is not well-formed packing as it came, for validation to refuse', () => {
    for (const odd of [
      null,
      'rows',
      { columns: ['a'], rows: [[1, 2]] },
      { columns: [1], rows: [[1]] },
      { columns: ['a'], rows: 'x' },
      { columns: ['a'] },
    ])
      expect(unpackRows(odd)).toBe(odd);
  });

  it('makes a column named __proto__ a key like any other, never the prototype', () => {
    const [item] = unpackRows({
      columns: ['__proto__', 'name'],
      rows: [[{ polluted: true }, 'x']],
    }) as object[];
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.keys(item!)).toEqual(['__proto__', 'name']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('packs the promotions of a snapshot message only, and unpacks it back to what was sent', () => {
    const snapshot = emptySnapshot({
      view: 'promotions',
      promotions: [pagePromotion({ assigned: true })],
    });
    const message = { type: 'snapshot' as const, snapshot };
    const wire = packMessage(message) as { snapshot: { promotions: unknown } };
    expect(wire.snapshot.promotions).toHaveProperty('columns');
    expect(unpackMessage(structuredClone(wire))).toEqual(message);
    const other = { type: 'redeem-attempt', snapshot };
    expect(packMessage(other)).toBe(other);
    expect(unpackMessage(message)).toBe(message);
  });

  it('packs the kept promotions of a snapshot answer only, and they unpack to what the worker answered', () => {
    const kept = [
      { id: 'a', accountId: '1', terms: { amount: 50 } },
      { id: 'b', accountId: '1', terms: { amount: null } },
    ];
    const answer = { ok: true, value: { changed: [], held: 0, refused: 0, kept, timeZone: 'UTC', now: 1 } };
    const wire = packAnswer('snapshot', answer) as { value: { kept: unknown; timeZone: string } };
    expect(wire.value.kept).toHaveProperty('columns');
    expect(wire.value.timeZone).toBe('UTC');
    expect(unpackRows(structuredClone(wire.value.kept))).toEqual(kept);
    // Anything but a snapshot's successful answer goes as it is.
    const failed = { ok: false, error: { code: 'quota-exceeded', message: 'full' } };
    expect(packAnswer('snapshot', failed)).toBe(failed);
    expect(packAnswer('terms-text', answer)).toBe(answer);
    expect(packAnswer('snapshot', { ok: true, value: null })).toEqual({ ok: true, value: null });
  });
});

/** A snapshot message with `count` distinct rows, as the content script puts it on the wire. */
function longList(count: number, accountId = '111') {
  const [row] = emptySnapshot({ view: 'promotions', promotions: [pagePromotion()] }).promotions;
  const promotions = Array.from({ length: count }, (_, i) => ({ ...row!, name: `Offer ${i}` }));
  const message = {
    type: 'snapshot' as const,
    snapshot: emptySnapshot({ view: 'promotions', accountId, promotions }),
  };
  return { message, wire: packMessage(message) };
}

/** Delivers `messages` as the browser does (each copied) to `assembly`: what the worker would validate. */
function deliver(assembly: RowsAssembly, sender: string, messages: readonly unknown[]): unknown {
  let whole: unknown = undefined;
  for (const m of messages) {
    const copy = structuredClone(m);
    if (!assembly.keep(sender, copy)) whole = assembly.complete(sender, copy)?.message ?? null;
  }
  return whole;
}

describe('a long list on the wire, in parts', () => {
  it('puts any list back as it was sent, each message carrying at most ROWS_PER_MESSAGE rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ROWS }), (count) => {
        const { message } = longList(count);
        const parts = wireMessages(message, 'list-1');
        expect(parts).toHaveLength(Math.max(1, Math.ceil(count / ROWS_PER_MESSAGE)));
        for (const part of parts) {
          const rows =
            (part as { rows?: unknown[]; snapshot?: { promotions: { rows?: unknown[] } } }).rows ??
            (part as { snapshot: { promotions: { rows?: unknown[] } } }).snapshot.promotions.rows ??
            [];
          expect(rows.length).toBeLessThanOrEqual(ROWS_PER_MESSAGE);
        }
        expect(unpackMessage(deliver(createRowsAssembly(), 'tab 1', parts))).toEqual(message);
      }),
      { numRuns: 40 },
    );
  });

  it('sends a short list, and any other message, as one message as it is', () => {
    const { message, wire } = longList(ROWS_PER_MESSAGE);
    expect(wireMessages(message, 'x')).toEqual([wire]);
    const other = { type: 'panel-collapsed', accountId: null };
    expect(wireMessages(other, 'x')[0]).toBe(other);
    expect(createRowsAssembly().complete('tab 1', wire)?.message).toBe(wire);
    expect(createRowsAssembly().complete('tab 1', null)).toEqual({ message: null });
  });

  it('answers a list whose parts went missing with null (the worker restarted), never a shorter list', () => {
    const parts = wireMessages(longList(1_000).message, 'a');
    expect(parts).toHaveLength(3);
    // The worker stopped after the first part: the new one never saw it.
    expect(deliver(createRowsAssembly(), 'tab 1', parts.slice(1))).toBeNull();
    expect(deliver(createRowsAssembly(), 'tab 1', [parts[0], parts[2]])).toBeNull();
  });

  it('keeps the lists of each sender apart, one list per sender, a newer one dropping the older', () => {
    const assembly = createRowsAssembly();
    const first = wireMessages(longList(900, '1').message, 'a');
    const second = wireMessages(longList(900, '2').message, 'b');
    const other = wireMessages(longList(900, '3').message, 'a');
    // Another tab's list of the same id does not mix in.
    deliver(assembly, 'tab 1', first.slice(0, 2));
    deliver(assembly, 'tab 2', other.slice(0, 2));
    expect(unpackMessage(deliver(assembly, 'tab 1', first.slice(2)))).toEqual(longList(900, '1').message);
    // A sender that starts a new list has given up the old one.
    deliver(assembly, 'tab 1', first.slice(0, 2));
    deliver(assembly, 'tab 1', second.slice(0, 2));
    expect(deliver(assembly, 'tab 1', first.slice(2))).toBeNull();
    expect(unpackMessage(deliver(assembly, 'tab 2', other.slice(2)))).toEqual(longList(900, '3').message);
  });

  it('holds the lists of a bounded number of senders, dropping the one heard from longest ago', () => {
    const assembly = createRowsAssembly(2);
    const parts = wireMessages(longList(500).message, 'a');
    deliver(assembly, 'tab 1', parts.slice(0, 1));
    deliver(assembly, 'tab 2', parts.slice(0, 1));
    deliver(assembly, 'tab 3', parts.slice(0, 1));
    expect(deliver(assembly, 'tab 1', parts.slice(1))).toBeNull();
    expect(unpackMessage(deliver(assembly, 'tab 3', parts.slice(1)))).toEqual(longList(500).message);
  });

  it('takes no part that is not one, or that goes past the bounds of a snapshot', () => {
    const assembly = createRowsAssembly();
    const part = { type: 'snapshot-rows', list: 'a', index: 0, rows: [[1]] };
    expect(assembly.keep('tab 1', part)).toBe(true);
    for (const odd of [
      null,
      { ...part, type: 'snapshot' },
      { ...part, list: 7 },
      { ...part, list: 'x'.repeat(65) },
      { ...part, index: -1 },
      { ...part, index: 0.5 },
      { ...part, index: Math.ceil(MAX_ROWS / ROWS_PER_MESSAGE) },
      { ...part, rows: [1] },
      { ...part, rows: Array.from({ length: ROWS_PER_MESSAGE + 1 }, () => []) },
    ])
      expect(assembly.keep('tab 1', odd)).toBe(false);
    // A snapshot naming more parts than a snapshot can have is refused, whatever was kept.
    const [one] = wireMessages(longList(10).message, 'a');
    const naming = (ahead: unknown) => ({
      ...(one as object),
      snapshot: {
        ...(one as { snapshot: object }).snapshot,
        promotions: { columns: [], rows: [], list: 'a', ahead },
      },
    });
    expect(assembly.complete('tab 1', naming(99))).toBeNull();
    expect(assembly.complete('tab 1', naming('1'))).toBeNull();
  });
});
