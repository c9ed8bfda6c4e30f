import { describe, expect, it } from 'vitest';
import { summaryChanges, summaryFollowUp, summaryOf } from '../../src/background/summary.ts';
import { ok } from '../../src/core/result.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { createFakeBrowser } from '../fake-browser.ts';
import { progressOfRecord } from '../../src/core/progress.ts';
import { DEFAULT_SETTINGS, type PromotionRecord } from '../../src/core/schemas.ts';
import { EMPTY_REMINDER_STATE, KEY, promoKey, Summary, SUMMARY_SIZE } from '../../src/core/store/layout.ts';
import { keptFrom, transaction, type Changes } from '../../src/platform/store.ts';
import { FIRST_PAINT } from '../../src/ui/PromotionList.tsx';
import { byUrgency } from '../../src/core/urgency.ts';
import { NOW, earning, record } from './ui-records.tsx';

const AT = NOW.getTime();
const keyOf = (r: PromotionRecord) => promoKey(r.accountId, r.id);
const stored = (records: PromotionRecord[]) => Object.fromEntries(records.map((r) => [keyOf(r), r]));
const kept = (records: PromotionRecord[], snoozed: Record<string, string> = {}) => ({
  promotions: records,
  reminders: { ...EMPTY_REMINDER_STATE, snoozed },
});
/** What the browser hands back: keys sorted, undefined members gone. */
const asStored = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    ),
  );

const many = () => [
  ...Array.from({ length: 10 }, (_, i) => earning({ name: `On track ${i}` })),
  record({ name: 'Overdue credit', status: 'processing', metOn: '2026-11-10' }),
  record({ name: 'Used', status: 'used' }),
  record({ name: 'Terms needed', termsNeeded: true }),
];

describe('summaryOf', () => {
  it('keeps the promotions the popup paints first, in its order', () => {
    const records = many();
    const summary = summaryOf(kept(records), AT, 'UTC');
    const popupOrder = byUrgency(
      records.map((r) => ({ record: r, progress: progressOfRecord(r, NOW, 'UTC') })),
    );
    expect(summary.promotions).toEqual(popupOrder.slice(0, SUMMARY_SIZE).map((i) => i.record));
    expect(summary.promotions.map((r) => r.name).slice(0, 2)).toEqual(['Overdue credit', 'Terms needed']);
    expect(Summary.safeParse(summary).success).toBe(true);
  });

  it('covers the first paint, and the schema holds it to its size', () => {
    expect(SUMMARY_SIZE).toBeGreaterThanOrEqual(FIRST_PAINT);
    const tooMany = { day: '2026-11-24', promotions: many(), snoozed: {} };
    expect(Summary.safeParse(tooMany).success).toBe(false);
  });

  it('carries the snoozes of its own promotions only', () => {
    const [first, ...rest] = many();
    const last = rest.find((r) => r.status === 'used')!;
    const summary = summaryOf(
      kept([first!, ...rest], {
        [keyOf(first!)]: '2026-11-25T12:00:00.000Z',
        [keyOf(last)]: '2026-11-25T12:00:00.000Z',
      }),
      AT,
      'UTC',
    );
    expect(summary.snoozed).toEqual({ [keyOf(first!)]: '2026-11-25T12:00:00.000Z' });
  });

  it('dates its ranking in the zone days are counted in', () => {
    const late = Date.parse('2026-11-24T23:30:00Z');
    expect(summaryOf(kept([]), late, 'UTC').day).toBe('2026-11-24');
    expect(summaryOf(kept([]), late, 'Asia/Tokyo').day).toBe('2026-11-25');
  });
});

describe('summaryChanges', () => {
  const none = { set: {}, remove: [] };

  it('writes nothing when the stored summary says the same, as the browser stores it', () => {
    const records = many();
    const summary = summaryOf(kept(records), AT, 'UTC');
    expect(summaryChanges(kept(records), asStored(summary), AT, 'UTC')).toEqual(none);
  });

  it('writes the new summary when a promotion, the day or the stored value differs', () => {
    const records = many();
    const summary = asStored(summaryOf(kept(records), AT, 'UTC'));
    const written = (changes: { set: Record<string, unknown> }) => changes.set[KEY.summary] as Summary;
    const renamed = records.map((r) => (r.name === 'Overdue credit' ? { ...r, name: 'Renamed' } : r));
    expect(written(summaryChanges(kept(renamed), summary, AT, 'UTC')).promotions[0]?.name).toBe('Renamed');
    expect(written(summaryChanges(kept(records), summary, AT + 86_400_000, 'UTC')).day).toBe('2026-11-25');
    expect(written(summaryChanges(kept(records), 'junk', AT, 'UTC'))).toEqual(
      summaryOf(kept(records), AT, 'UTC'),
    );
  });

  it('removes the stale summary when none can be made, rather than failing the write', () => {
    expect(summaryChanges(kept(many()), 'stale', AT, 'Not/AZone')).toEqual({
      set: {},
      remove: [KEY.summary],
    });
    expect(summaryChanges(kept(many()), undefined, AT, 'Not/AZone')).toEqual(none);
  });
});

// The summary's follow-up as a store transaction runs it: storage seeded with `raw`, a plan that makes
// `changes`, and what storage holds after the one write.
async function withSummary(raw: Record<string, unknown>, changes: Changes, systemZone = 'UTC') {
  const fake = createFakeBrowser({ now: AT });
  setBrowser(fake.browser);
  Object.assign(fake.storage, raw);
  const writes: string[][] = [];
  fake.browser.storage.onChanged.addListener((c) => void writes.push(Object.keys(c)));
  const result = await transaction([], () => ok({ changes, value: null }), summaryFollowUp(AT, systemZone));
  expect(result.ok).toBe(true);
  return { storage: fake.storage, writes };
}

describe('the summary follow-up of a transaction', () => {
  it('leaves changes that touch nothing ranked as they are', async () => {
    const { storage, writes } = await withSummary(stored(many()), {
      set: { [KEY.attempts]: [] },
      remove: [],
    });
    expect(storage).not.toHaveProperty(KEY.summary);
    expect(writes).toEqual([[KEY.attempts]]);
  });

  it('adds the summary of storage as the changes leave it, in the same write', async () => {
    const records = many();
    const overdue = records.find((r) => r.name === 'Overdue credit')!;
    const added = record({ name: 'Rejected, retry', status: 'rejected', receivedOn: '2026-11-20' });
    const raw = { ...stored(records), [KEY.settings]: DEFAULT_SETTINGS };
    const { storage, writes } = await withSummary(raw, {
      set: { [keyOf(added)]: added },
      remove: [keyOf(overdue)],
    });
    expect(storage).not.toHaveProperty(keyOf(overdue));
    expect(writes[0]!.sort()).toEqual([keyOf(added), KEY.summary].sort());
    const after = keptFrom({ ...raw, [keyOf(added)]: added, [keyOf(overdue)]: undefined });
    expect(storage[KEY.summary]).toEqual(asStored(summaryOf(after, AT, 'UTC')));
    expect((storage[KEY.summary] as Summary).promotions.map((r) => r.name)).not.toContain('Overdue credit');
  });

  it('ranks in the zone the changes set', async () => {
    const raw = { ...stored(many()), [KEY.settings]: DEFAULT_SETTINGS };
    const settings = { ...DEFAULT_SETTINGS, timeZone: 'Pacific/Kiritimati' };
    const { storage } = await withSummary(raw, { set: { [KEY.settings]: settings }, remove: [] });
    expect((storage[KEY.summary] as Summary).day).toBe('2026-11-25');
  });
});
