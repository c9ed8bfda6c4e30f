// What the worker answers a billing page with (core/kept-on-page.ts), and how long it holds: the day's end
// in the advertiser's zone, checked against instants worked out by hand from each zone's published rules.
import { describe, expect, it } from 'vitest';
import { keptOnPage } from '../../src/core/kept-on-page.ts';
import { dayEndsAt, progressOfRecord } from '../../src/core/progress.ts';
import { EMPTY_TERMS, blankPromotion, type PromotionRecord } from '../../src/core/schemas.ts';

const DAY = 86_400_000;

const earning = (over: Partial<PromotionRecord> = {}): PromotionRecord =>
  blankPromotion({
    id: 'p1',
    accountId: '111',
    name: 'Spend 50 Get 50',
    type: 'conditional',
    status: 'earning',
    terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', minSpend: 50, spendWindowDays: 30 },
    activatedOn: '2026-11-01',
    source: 'page',
    createdAt: '2026-11-01T00:00:00.000Z',
    ...over,
  });

describe('the day a page is answered for', () => {
  // [zone, now, the first instant of the next day there]
  const cases: Array<[string, string, string]> = [
    ['UTC', '2026-11-24T12:00:00Z', '2026-11-25T00:00:00Z'],
    // 17:30 in India (UTC+5:30).
    ['Asia/Kolkata', '2026-11-24T12:00:00Z', '2026-11-24T18:30:00Z'],
    // 01:45 on the 25th in the Chatham Islands (UTC+13:45 in their summer).
    ['Pacific/Chatham', '2026-11-24T12:00:00Z', '2026-11-25T10:15:00Z'],
    // 08:30 in Newfoundland (UTC-3:30 in winter).
    ['America/St_Johns', '2026-11-24T12:00:00Z', '2026-11-25T03:30:00Z'],
    // 23:00 at Lord Howe (UTC+11 in its half-hour summer time).
    ['Australia/Lord_Howe', '2026-11-24T12:00:00Z', '2026-11-24T13:00:00Z'],
    // New York springs forward at 02:00 on 8 March 2026: a 23-hour day, ending at 04:00 UTC (EDT).
    ['America/New_York', '2026-03-08T06:00:00Z', '2026-03-09T04:00:00Z'],
    // London falls back at 02:00 BST on 25 October 2026: a 25-hour day, ending at midnight GMT.
    ['Europe/London', '2026-10-24T23:30:00Z', '2026-10-26T00:00:00Z'],
    // One millisecond before midnight, the day still ends at midnight.
    ['Asia/Tokyo', '2026-11-24T14:59:59.999Z', '2026-11-24T15:00:00Z'],
  ];
  for (const [zone, now, end] of cases)
    it(`ends at ${end} in ${zone} (at ${now})`, () => {
      expect(dayEndsAt(Date.parse(now), zone)).toBe(Date.parse(end));
    });
});

describe('what a billing page is answered with', () => {
  it('with nothing kept, holds for the rest of the day', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(keptOnPage([], now, 'Asia/Kolkata')).toEqual({
      promotions: [],
      until: Date.parse('2026-11-24T18:30:00Z'),
    });
  });

  it('holds only until the oldest recent reading leaves the pace’s window, when the pace came from it', () => {
    // Readings on the 10th (08:00), 20th (09:00) and 24th: on 4 December at 08:00 the window (two weeks)
    // starts on 20 November at 08:00, so the 20th's reading is the first recent one, and it leaves the
    // window a moment after 09:00. At noon on the 24th it is far from leaving: the day ends first.
    const record = earning({
      observations: [
        { at: '2026-11-10T08:00:00.000Z', spent: 5 },
        { at: '2026-11-20T09:00:00.000Z', spent: 10 },
        { at: '2026-11-24T11:00:00.000Z', spent: 20 },
      ],
    });
    const at = (iso: string) => keptOnPage([record], Date.parse(iso), 'UTC');
    expect(at('2026-11-24T12:00:00Z').until).toBe(Date.parse('2026-11-25T00:00:00Z'));
    const lastDay = at('2026-12-04T08:00:00Z');
    expect(lastDay.until).toBe(Date.parse('2026-11-20T09:00:00Z') + 14 * DAY + 1);
    const p = progressOfRecord(record, new Date(lastDay.until - 1), 'UTC');
    expect(lastDay.promotions[0]).toMatchObject({ pace: p.pace, fraction: p.fraction });
  });

  it('holds for the day when the minimum is met (no pace to age)', () => {
    const record = earning({
      observations: [
        { at: '2026-11-20T09:00:00.000Z', spent: 10 },
        { at: '2026-11-24T11:00:00.000Z', spent: 60 },
      ],
    });
    const answer = keptOnPage([record], Date.parse('2026-12-04T08:00:00Z'), 'UTC');
    expect(answer.until).toBe(Date.parse('2026-12-05T00:00:00Z'));
    expect(answer.promotions[0]).toMatchObject({ status: 'processing', fraction: 1, minimum: 'yes' });
  });

  it('says each promotion’s minimum as the checklist weighs it', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    const free = earning({ id: 'f', type: 'free', terms: { ...EMPTY_TERMS, minSpend: null } });
    const unknown = earning({ id: 'u', type: 'unknown', terms: { ...EMPTY_TERMS }, termsNeeded: true });
    const views = keptOnPage([earning(), free, unknown], now, 'UTC').promotions;
    expect(views.map((v) => v.minimum)).toEqual(['yes', 'no', 'maybe']);
    expect(views.map((v) => v.termsNeeded)).toEqual([false, false, true]);
  });
});
