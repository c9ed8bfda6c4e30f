import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { computeProgress, progressOfRecord, type ProgressInput } from '../../src/core/progress.ts';
import {
  EMPTY_TERMS,
  blankPromotion,
  type Lifecycle,
  type PromotionRecord,
  type PromotionTerms,
} from '../../src/core/schemas.ts';
import { TEST_ZONES } from '../support/zones.ts';

const terms = (t: Partial<PromotionTerms>): PromotionTerms => ({ ...EMPTY_TERMS, ...t });
const spend50 = terms({ amount: 50, currency: 'USD', minSpend: 50, spendWindowDays: 30 });
const input = (i: Partial<ProgressInput>): ProgressInput => ({
  terms: spend50,
  observations: [],
  now: '2026-11-21T12:00:00Z',
  timeZone: 'UTC',
  ...i,
});

describe('computeProgress', () => {
  it('counts what is left, by when, and per day', () => {
    const p = computeProgress(input({ activatedOn: '2026-11-10', spent: 20 }));
    expect(p).toMatchObject({
      status: 'earning',
      fraction: 0.4,
      remaining: 30,
      spendDeadline: '2026-12-10',
      daysToSpendDeadline: 19,
      dailyNeeded: 1.5, // 30 over 20 days, today included
    });
  });

  it('projects the day the minimum is met from the recent pace', () => {
    const p = computeProgress(
      input({
        activatedOn: '2026-11-10',
        observations: [
          { at: '2026-11-10T12:00:00Z', spent: 0 },
          { at: '2026-11-20T12:00:00Z', spent: 20 },
        ],
      }),
    );
    expect(p.projectedMetOn).toBe('2026-12-05'); // 2 a day, 30 left after Nov 20
    expect(p.pace).toBe('on-track');
  });

  it('calls a pace that ends after the deadline at risk', () => {
    const p = computeProgress(
      input({
        activatedOn: '2026-11-10',
        observations: [
          { at: '2026-11-10T12:00:00Z', spent: 0 },
          { at: '2026-11-20T12:00:00Z', spent: 5 },
        ],
      }),
    );
    expect(p.pace).toBe('at-risk');
    expect(p.projectedMetOn! > p.spendDeadline!).toBe(true);
  });

  it('does not project from fewer than two readings', () => {
    const p = computeProgress(
      input({ activatedOn: '2026-11-10', observations: [{ at: '2026-11-20T12:00:00Z', spent: 20 }] }),
    );
    expect(p.projectedMetOn).toBeNull();
    expect(p.spent).toBe(20);
  });

  it('is missed when the deadline passed short of the minimum', () => {
    const p = computeProgress(input({ activatedOn: '2026-10-01', spent: 20 }));
    expect(p.status).toBe('missed');
    expect(p.pace).toBe('cannot-make-it');
    expect(p.dailyNeeded).toBeNull();
  });

  it('waits for credit up to the documented window, and says when that was assumed', () => {
    const during = computeProgress(input({ activatedOn: '2026-11-10', metOn: '2026-11-18', spent: 50 }));
    expect(during).toMatchObject({
      status: 'processing',
      creditDueBy: '2026-11-25',
      arrivalAssumed: true,
      creditOverdue: false,
      remaining: 0,
    });
    const late = computeProgress(
      input({
        terms: { ...spend50, creditArrivalDays: 2 },
        activatedOn: '2026-11-10',
        metOn: '2026-11-18',
        spent: 50,
      }),
    );
    expect(late).toMatchObject({ creditDueBy: '2026-11-20', arrivalAssumed: false, creditOverdue: true });
  });

  it('reads the activation deadline from receipt, and expires an unused code after it', () => {
    const t = terms({ activateWithinDays: 14 });
    const open = computeProgress(input({ terms: t, receivedOn: '2026-11-10' }));
    expect(open).toMatchObject({ status: 'received', activationDeadline: '2026-11-24', daysToActivation: 3 });
    const late = computeProgress(input({ terms: t, receivedOn: '2026-11-01' }));
    expect(late.status).toBe('expired');
  });

  it('dates credit expiry from issue, and calls spent credit used', () => {
    const t = terms({ amount: 50, creditValidityDays: 90 });
    const p = computeProgress(
      input({ terms: t, activatedOn: '2026-11-01', creditIssuedOn: '2026-11-01', unused: 10 }),
    );
    expect(p).toMatchObject({ status: 'available', creditExpiry: '2027-01-30', daysToExpiry: 70 });
    expect(computeProgress(input({ terms: t, creditIssuedOn: '2026-11-01', unused: 0 })).status).toBe('used');
  });

  it('takes a conditional row’s end date as its spend deadline', () => {
    const p = computeProgress(
      input({ terms: terms({ minSpend: 500 }), validUntil: '2026-12-19', spent: 100 }),
    );
    expect(p.spendDeadline).toBe('2026-12-19');
    expect(p.creditExpiry).toBeNull();
  });

  it('makes no projection from readings minutes apart', () => {
    const p = computeProgress(
      input({
        activatedOn: '2026-11-20',
        observations: [
          { at: '2026-11-21T11:50:00Z', spent: 0 },
          { at: '2026-11-21T12:00:00Z', spent: 4 },
        ],
      }),
    );
    expect(p.projectedMetOn).toBeNull();
    expect(p.pace).toBeNull();
    expect(p.remaining).toBe(46);
  });

  it('shows a stall: no projection into the past, no spend since, at risk', () => {
    const observations = [
      { at: '2026-12-01T12:00:00Z', spent: 0 },
      { at: '2026-12-08T12:00:00Z', spent: 12 },
      { at: '2026-12-26T12:00:00Z', spent: 12 },
    ];
    const spend = terms({ amount: 50, minSpend: 50, spendDeadline: '2027-01-05' });
    for (const now of ['2026-12-26T13:00:00Z', '2027-01-05T13:00:00Z']) {
      const p = computeProgress(input({ terms: spend, activatedOn: '2026-12-01', observations, now }));
      expect(p.projectedMetOn).toBeNull();
      expect(p.noSpendSince).toBe('2026-12-08');
      expect(p.pace).toBe('at-risk');
    }
  });

  it('gives no date already past, nor a verdict, when the readings are old', () => {
    const old = (observations: { at: string; spent: number }[], now: string) =>
      computeProgress(
        input({
          terms: terms({ amount: 50, minSpend: 50, spendDeadline: '2027-01-05' }),
          activatedOn: '2026-12-01',
          observations,
          now,
        }),
      );
    // $40 in a week would have met $50 by Dec 10: no reading since Dec 8 says whether it has.
    const fast = old(
      [
        { at: '2026-12-01T12:00:00Z', spent: 0 },
        { at: '2026-12-08T12:00:00Z', spent: 40 },
      ],
      '2026-12-20T12:00:00Z',
    );
    expect(fast).toMatchObject({ projectedMetOn: null, pace: null, noSpendSince: null });
    // Nothing in the last two weeks at all: no recent pace.
    const quiet = old(
      [
        { at: '2026-12-01T12:00:00Z', spent: 0 },
        { at: '2026-12-08T12:00:00Z', spent: 12 },
      ],
      '2026-12-26T12:00:00Z',
    );
    expect(quiet).toMatchObject({ projectedMetOn: null, pace: null, noSpendSince: null });
  });

  it('is not on track at 24 % of the minimum on the last day with no spend coming', () => {
    const p = computeProgress(
      input({
        terms: terms({ amount: 50, minSpend: 50, spendDeadline: '2026-11-21' }),
        activatedOn: '2026-11-01',
        observations: [
          { at: '2026-11-01T12:00:00Z', spent: 0 },
          { at: '2026-11-08T12:00:00Z', spent: 12 },
          { at: '2026-11-21T08:00:00Z', spent: 12 },
        ],
      }),
    );
    expect(p.fraction).toBe(0.24);
    expect(p.daysToSpendDeadline).toBe(0);
    expect(p.pace).toBe('at-risk');
  });

  it('never calls an activated code available before the page shows its credit', () => {
    const unknown = computeProgress(input({ terms: EMPTY_TERMS, activatedOn: '2026-11-21' }));
    expect(unknown.status).toBe('activated');
    const free = computeProgress(
      input({ terms: terms({ amount: 25, minSpend: 0 }), activatedOn: '2026-11-21' }),
    );
    expect(free.status).toBe('activated');
    const shown = computeProgress(
      input({
        terms: terms({ amount: 25, minSpend: 0 }),
        activatedOn: '2026-11-21',
        knownStatus: 'available',
      }),
    );
    expect(shown.status).toBe('available');
  });

  it('maps a kept record', () => {
    const record = blankPromotion({
      id: 'TTADS-NEW50',
      accountId: '1',
      code: 'TTADS-NEW50',
      type: 'conditional',
      status: 'earning',
      pageStatus: 'earning',
      terms: spend50,
      receivedOn: '2026-11-08',
      activatedOn: '2026-11-10',
      observations: [{ at: '2026-11-20T08:00:00Z', spent: 35 }],
      source: 'page',
      createdAt: '2026-11-10T08:00:00Z',
      updatedAt: '2026-11-20T08:00:00Z',
    });
    expect(progressOfRecord(record, '2026-11-21T12:00:00Z', 'UTC')).toMatchObject({
      status: 'earning',
      spent: 35,
      remaining: 15,
      spendDeadline: '2026-12-10',
    });
  });
});

describe('properties', () => {
  it('progress never goes down as spend goes up', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        (a, b, minSpend) => {
          const at = (spent: number): number =>
            computeProgress(input({ terms: terms({ minSpend }), activatedOn: '2026-11-10', spent }))
              .fraction!;
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(at(low)).toBeLessThanOrEqual(at(high));
          expect(at(high)).toBeGreaterThanOrEqual(0);
          expect(at(high)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  const ZONES = TEST_ZONES;
  // Instants either side of DST changes (and of a change of date line rules) in the zones above.
  const TRANSITIONS = [
    '2026-03-29T01:00:00Z', // Europe: clocks forward
    '2026-10-25T01:00:00Z', // Europe: clocks back
    '2026-03-08T10:00:00Z', // Los Angeles forward
    '2026-11-01T09:00:00Z', // Los Angeles back
    '2026-04-04T15:00:00Z', // Lord Howe back half an hour
    '2026-10-03T15:30:00Z', // Lord Howe forward half an hour
    '2026-04-04T14:45:00Z', // Chatham back
    '2026-09-26T14:45:00Z', // Chatham forward
  ].flatMap((t) => [-60_001, -1, 0, 1, 60_000].map((d) => new Date(Date.parse(t) + d)));

  /** Independent of the code under test: the zone's calendar date as Intl prints it. */
  function localDay(instant: Date, timeZone: string): number {
    const [m, d, y] = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    })
      .format(instant)
      .split('/')
      .map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  }

  it('counts days left in the advertiser’s calendar, never off by one', () => {
    const instant = fc.oneof(
      fc.constantFrom(...TRANSITIONS),
      fc.date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2035-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
    );
    const deadline = fc
      .date({
        min: new Date('2019-01-01T00:00:00Z'),
        max: new Date('2037-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), deadline, (now, timeZone, spendDeadline) => {
        const p = computeProgress(input({ terms: terms({ minSpend: 50, spendDeadline }), now, timeZone }));
        const expected = Date.parse(`${spendDeadline}T00:00:00Z`) / 86_400_000 - localDay(now, timeZone);
        expect(p.daysToSpendDeadline).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('has today change exactly at local midnight across the date line', () => {
    // 10:00 UTC is midnight in Kiritimati (UTC+14) and 22:00 the day before in Etc/GMT+12 (UTC-12).
    const before = computeProgress(input({ now: '2026-11-20T09:59:59Z', timeZone: 'Pacific/Kiritimati' }));
    const after = computeProgress(input({ now: '2026-11-20T10:00:00Z', timeZone: 'Pacific/Kiritimati' }));
    expect([before.today, after.today]).toEqual(['2026-11-20', '2026-11-21']);
    expect(computeProgress(input({ now: '2026-11-20T10:00:00Z', timeZone: 'Etc/GMT+12' })).today).toBe(
      '2026-11-19',
    );
  });
});

describe('progressOfRecord remembers', () => {
  const SEED = 20261207;
  const record = (over: Partial<PromotionRecord>) =>
    blankPromotion({
      id: 'P',
      accountId: '1',
      code: 'P',
      type: 'conditional',
      status: 'earning',
      terms: spend50,
      receivedOn: '2026-11-08',
      activatedOn: '2026-11-10',
      source: 'page',
      createdAt: '2026-11-10T08:00:00Z',
      ...over,
    });
  const fresh = (r: PromotionRecord, now: Date, timeZone: string) =>
    computeProgress({
      terms: r.terms,
      knownStatus: r.status,
      receivedOn: r.receivedOn,
      activatedOn: r.activatedOn,
      metOn: r.metOn,
      creditIssuedOn: r.creditIssuedOn,
      validUntil: r.validUntil,
      observations: r.observations,
      unused: r.unused,
      now,
      timeZone,
    });

  it('gives the same progress as working it out afresh, at any instants in any order (seeded)', () => {
    const START = Date.parse('2026-11-10T00:00:00Z');
    const reading = fc.record({
      at: fc.integer({ min: 0, max: 40 * 24 * 60 }).map((m) => new Date(START + m * 60_000).toISOString()),
      spent: fc.integer({ min: 0, max: 80 }),
    });
    const recordArb = fc.record({
      status: fc.constantFrom<Lifecycle>('received', 'activated', 'earning', 'processing', 'available'),
      observations: fc.array(reading, { maxLength: 12 }),
      minSpend: fc.constantFrom(null, 0, 30, 50, 75),
      spendWindowDays: fc.constantFrom(null, 7, 30),
      creditArrivalDays: fc.constantFrom(null, 1, 3),
      validUntil: fc.constantFrom(null, '2026-11-30', '2026-12-20'),
    });
    // Steps of minutes to days, forward and back: the day turns and readings leave the pace window mid-day.
    const steps = fc.array(
      fc.oneof(
        fc.integer({ min: -90, max: 90 }).map((m) => m * 60_000),
        fc.integer({ min: -3 * 24, max: 3 * 24 }).map((h) => h * 3_600_000),
      ),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(
        recordArb,
        steps,
        fc.constantFrom(...TEST_ZONES),
        fc.integer({ min: 0, max: 40 * 24 }),
        (r, moves, zone, startHour) => {
          const kept = record({
            status: r.status,
            observations: r.observations,
            validUntil: r.validUntil,
            terms: terms({
              amount: 50,
              minSpend: r.minSpend,
              spendWindowDays: r.spendWindowDays,
              creditArrivalDays: r.creditArrivalDays,
            }),
          });
          let at = START + startHour * 3_600_000;
          for (const move of moves) {
            at += move;
            const now = new Date(at);
            for (const timeZone of [zone, 'UTC'])
              expect(progressOfRecord(kept, now, timeZone)).toEqual(fresh(kept, now, timeZone));
          }
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('works a record out again only when its day turns or a reading leaves the pace window', () => {
    const kept = record({
      observations: [
        { at: '2026-11-06T10:00:00Z', spent: 5 },
        { at: '2026-11-15T12:00:00Z', spent: 10 },
        { at: '2026-11-20T12:00:00Z', spent: 20 },
      ],
    });
    const first = progressOfRecord(kept, '2026-11-20T13:00:00Z', 'Asia/Tokyo');
    expect(Object.isFrozen(first)).toBe(true);
    // The same day in Tokyo, the same readings in the window: the same object.
    expect(progressOfRecord(kept, '2026-11-20T14:00:00Z', 'Asia/Tokyo')).toBe(first);
    // 15:00 UTC is midnight in Tokyo.
    const nextDay = progressOfRecord(kept, '2026-11-20T15:00:00Z', 'Asia/Tokyo');
    expect(nextDay).not.toBe(first);
    expect(nextDay.today).toBe('2026-11-21');
    expect(nextDay).toEqual(fresh(kept, new Date('2026-11-20T15:00:00Z'), 'Asia/Tokyo'));
    // Another zone, and another record with the same values, are worked out for themselves.
    expect(progressOfRecord(kept, '2026-11-20T15:00:00Z', 'UTC').today).toBe('2026-11-20');
    expect(progressOfRecord({ ...kept }, '2026-11-20T15:00:00Z', 'Asia/Tokyo')).not.toBe(nextDay);
    // The reading of Nov 6 10:00 leaves the 14-day window at Nov 20 10:00 UTC, mid-day in UTC.
    const before = progressOfRecord(kept, '2026-11-20T09:59:00Z', 'UTC');
    const after = progressOfRecord(kept, '2026-11-20T10:00:01Z', 'UTC');
    expect(after).not.toBe(before);
    expect(after).toEqual(fresh(kept, new Date('2026-11-20T10:00:01Z'), 'UTC'));
  });
});
