import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packAnswer, packMessage, packRows, unpackMessage, unpackRows } from '../../src/core/wire.ts';
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
