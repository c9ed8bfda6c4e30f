// The summary key (src/core/store/layout.ts): the promotions the popup paints first, ranked the way the
// popup ranks them (src/core/urgency.ts), built by the worker inside its write queue.
import { dateInZone } from '../core/dates.ts';
import { progressOfRecord } from '../core/progress.ts';
import type { Settings } from '../core/schemas.ts';
import { KEY, PROMO_PREFIX, promoKey, SUMMARY_SIZE, type Summary } from '../core/store/layout.ts';
import { keptFrom, type Changes, type Kept, type RawItems } from '../platform/store.ts';
import { byUrgency } from '../core/urgency.ts';

export function summaryOf(
  kept: Pick<Kept, 'promotions' | 'reminders'>,
  at: number,
  timeZone: string,
): Summary {
  const now = new Date(at);
  const items = kept.promotions.map((record) => ({
    record,
    progress: progressOfRecord(record, now, timeZone),
  }));
  const promotions = byUrgency(items)
    .slice(0, SUMMARY_SIZE)
    .map((item) => item.record);
  const snoozed: Record<string, string> = {};
  for (const r of promotions) {
    const key = promoKey(r.accountId, r.id);
    const until = kept.reminders.snoozed[key];
    if (until !== undefined) snoozed[key] = until;
  }
  return { day: dateInZone(at, timeZone), promotions, snoozed };
}

/**
 * What brings the stored summary (`stored`, raw) in line with `kept`: nothing when it already says the same,
 * since a wake or a write that changes nothing ranked must not write, or every open page would read
 * everything again. A summary that cannot be made (a time zone the browser does not know, say) must not
 * cost the write it goes with: the stale one is removed, and readers read everything.
 */
export function summaryChanges(
  kept: Pick<Kept, 'promotions' | 'reminders'>,
  stored: unknown,
  at: number,
  timeZone: string,
): Changes {
  let summary: Summary;
  try {
    summary = summaryOf(kept, at, timeZone);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { set: {}, remove: stored === undefined ? [] : [KEY.summary] };
  }
  return sameJson(summary, stored)
    ? { set: {}, remove: [] }
    : { set: { [KEY.summary]: summary }, remove: [] };
}

/** Equal as stored: the browser sorts an object's keys and drops undefined members. */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (o: object) =>
    Object.entries(o)
      .flatMap(([key, value]) => (value === undefined ? [] : [key]))
      .sort();
  const [ka, kb] = [keys(a), keys(b)];
  const [va, vb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return ka.length === kb.length && ka.every((key, i) => key === kb[i] && sameJson(va[key], vb[key]));
}

export const mergeChanges = (a: Changes, b: Changes): Changes => ({
  set: { ...a.set, ...b.set },
  remove: [...a.remove, ...b.remove],
});

const RANKED = (key: string) => key.startsWith(PROMO_PREFIX) || key === KEY.reminders || key === KEY.settings;

/**
 * `changes` with, when they touch what the summary is made of, the summary of storage as they leave it, in
 * the same set: the summary never shows a promotion as it no longer is, nor one already deleted.
 */
export function withSummary(
  raw: RawItems,
  changes: Changes,
  at: number,
  zoneOf: (settings: Settings) => string,
): Changes {
  if (!Object.keys(changes.set).concat(changes.remove).some(RANKED)) return changes;
  const after: RawItems = { ...raw, ...changes.set };
  for (const key of changes.remove) delete after[key];
  const kept = keptFrom(after);
  return mergeChanges(changes, summaryChanges(kept, raw[KEY.summary], at, zoneOf(kept.settings)));
}
