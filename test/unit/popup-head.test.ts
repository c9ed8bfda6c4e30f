// The first script's check of the summary and settings (src/popup/head.ts) against the schemas it stands
// in for: whatever the check lets through, the schema accepts too, for values corrupted anywhere; and the
// day a summary is of, told in the advertiser's zone, in several zones around their midnight.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../src/background/summary.ts';
import { DEFAULT_SETTINGS, Settings } from '../../src/core/schemas.ts';
import { EMPTY_REMINDER_STATE, Summary } from '../../src/core/store/layout.ts';
import { headOf, isSettings, isSummary } from '../../src/popup/head.ts';
import { NOW, earning, record } from './ui-records.tsx';

/** Fixed in CI; FC_SEED=<n> replays a failure (fast-check prints the seed it used). */
const SEED = Number(process.env.FC_SEED ?? 19_2026);

const summary = summaryOf(
  {
    promotions: [
      earning({ name: 'Earning', accountName: 'Shop' }),
      record({ status: 'available', unused: 20, creditIssuedOn: '2026-11-20', pageStatus: 'available' }),
      record({ status: 'received', termsNeeded: true, code: null, accountId: null }),
      record({ status: 'processing', metOn: '2026-11-12', terms: { regions: ['US', 'CA'] } }),
    ],
    reminders: {
      ...EMPTY_REMINDER_STATE,
      snoozed: { 'promo:7000000000001:promo-1': '2026-11-25T12:00:00.000Z' },
    },
  },
  NOW.getTime(),
  'UTC',
);

/** Every path to a value inside `value`, objects' keys and arrays' indexes alike. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

/** A copy of `value` with what is at `path` replaced (or removed, for REMOVE). */
const REMOVE = Symbol('remove');
function replaced(value: unknown, path: ReadonlyArray<string | number>, by: unknown): unknown {
  if (path.length === 0) return by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path;
  const next = replaced(copy[head!], rest, by);
  if (next === REMOVE) delete copy[head!];
  else copy[head!] = next;
  return copy;
}

/** Values near every bound a field of the schemas has, of every JSON type, and a few that are not JSON. */
const CORRUPTIONS: unknown[] = [
  REMOVE,
  null,
  undefined,
  true,
  0,
  -0,
  -1,
  1.5,
  90,
  91,
  3660,
  3661,
  1e12,
  1e12 + 1,
  -1e12,
  -1e12 - 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  '',
  'x',
  'x'.repeat(41),
  'x'.repeat(101),
  'x'.repeat(301),
  'USD',
  'usd',
  'US',
  'U1',
  '2026-11-24',
  '2026-02-30',
  '2026-11-24T10:00:00.000Z',
  '2026-11-24 10:00',
  'T',
  '07:30',
  '24:00',
  'UTC',
  'Mars/Olympus_Mons',
  'earning',
  'used',
  'invalid',
  'free',
  'page',
  'bogus',
  [],
  ['US'],
  ['us'],
  [7],
  Array.from({ length: 9 }, () => ({})),
  {},
  { at: '2026-11-24T10:00:00.000Z', spent: 5 },
  { at: '2026-11-24T10:00:00.000Z', spent: -5 },
  { start: '22:00', end: '07:00' },
];

/** Corrupts `valid` at 1 to 3 places, each a path into it and a value from CORRUPTIONS. */
const corrupted = (valid: unknown) => {
  const paths = pathsOf(valid);
  const change = fc.record({ at: fc.nat(paths.length - 1), by: fc.nat(CORRUPTIONS.length - 1) });
  return fc
    .array(change, { minLength: 1, maxLength: 3 })
    .map((changes) => changes.reduce<unknown>((v, c) => replaced(v, paths[c.at]!, CORRUPTIONS[c.by]), valid));
};

describe('the first paint check', () => {
  it('accepts what the worker writes', () => {
    expect(Summary.safeParse(summary).success).toBe(true);
    expect(isSummary(summary)).toBe(true);
    expect(isSettings(DEFAULT_SETTINGS)).toBe(true);
    expect(
      isSettings({
        reminderDays: [30, 0],
        quietHours: { start: '22:00', end: '07:00' },
        timeZone: 'Asia/Tokyo',
      }),
    ).toBe(true);
  });

  it(`lets through no summary its schema refuses, wherever it is corrupted (seed ${SEED})`, () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(corrupted(summary), (value) => {
        const schema = Summary.safeParse(value).success;
        if (isSummary(value)) {
          accepted++;
          expect(schema).toBe(true);
        } else refused++;
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // Both outcomes happened: a check refusing everything would pass the property, and paint nothing.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it(`lets through no settings their schema refuses (seed ${SEED})`, () => {
    const settings = {
      reminderDays: [7, 3, 1],
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Europe/Paris',
    };
    let accepted = 0;
    fc.assert(
      fc.property(corrupted(settings), (value) => {
        if (!isSettings(value)) return;
        accepted++;
        expect(Settings.safeParse(value).success).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });
});

describe('headOf', () => {
  const raw = (day: string, timeZone: string | null) => ({
    summary: { ...summary, day },
    settings: { ...DEFAULT_SETTINGS, timeZone },
  });

  // Each zone's last minute of 2026-11-24 and first of the 25th, as UTC instants worked out by hand from
  // the zone's offset that day (Auckland +13 in its summer, Los Angeles −8, Kolkata +5:30).
  it.each([
    ['Pacific/Auckland', '2026-11-24T10:59:00Z', '2026-11-24T11:00:00Z'],
    ['America/Los_Angeles', '2026-11-25T07:59:00Z', '2026-11-25T08:00:00Z'],
    ['Asia/Kolkata', '2026-11-24T18:29:00Z', '2026-11-24T18:30:00Z'],
    ['UTC', '2026-11-24T23:59:00Z', '2026-11-25T00:00:00Z'],
  ])("paints a summary until its day ends in the advertiser's zone, %s", (zone, lastMinute, nextDay) => {
    expect(headOf(raw('2026-11-24', zone), new Date(lastMinute), 'UTC')?.timeZone).toBe(zone);
    expect(headOf(raw('2026-11-24', zone), new Date(nextDay), 'UTC')).toBeNull();
    expect(headOf(raw('2026-11-25', zone), new Date(nextDay), 'UTC')?.summary.day).toBe('2026-11-25');
  });

  it("goes by the system's zone when the settings name none, or are not stored", () => {
    const night = new Date('2026-11-25T07:59:00Z');
    expect(headOf(raw('2026-11-24', null), night, 'America/Los_Angeles')?.timeZone).toBe(
      'America/Los_Angeles',
    );
    expect(headOf(raw('2026-11-24', null), night, 'UTC')).toBeNull();
    const { summary: s } = raw('2026-11-24', null);
    expect(headOf({ summary: s, settings: undefined }, night, 'America/Los_Angeles')).not.toBeNull();
  });
});
