// The summary key (src/core/store/layout.ts): the promotions the popup paints first, ranked the way the
// popup ranks them (src/core/urgency.ts), built by the worker in the same write as the change it follows.
import { dateInZone, zoneOf } from '../core/dates.ts';
import { progressTable, type ProgressOf } from '../core/progress.ts';
import { KEY, promoKey, SUMMARY_SIZE, type Summary } from '../core/store/layout.ts';
import { feedsSummary } from '../core/store/registry.ts';
import { sameStored } from '../core/store/same.ts';
import type { Changes, FollowUp, Kept } from '../platform/store.ts';
import { byUrgency } from '../core/urgency.ts';

export function summaryOf(
  kept: Pick<Kept, 'promotions' | 'reminders'>,
  at: number,
  timeZone: string,
  progressOf: ProgressOf = progressTable(kept.promotions, new Date(at), timeZone),
): Summary {
  const items = kept.promotions.map((record) => ({ record, progress: progressOf(record) }));
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
  progressOf?: ProgressOf,
): Changes {
  let summary: Summary;
  try {
    summary = summaryOf(kept, at, timeZone, progressOf);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { set: {}, remove: stored === undefined ? [] : [KEY.summary] };
  }
  return sameStored(summary, stored)
    ? { set: {}, remove: [] }
    : { set: { [KEY.summary]: summary }, remove: [] };
}

export const mergeChanges = (a: Changes, b: Changes): Changes => ({
  set: { ...a.set, ...b.set },
  remove: [...a.remove, ...b.remove],
});

/**
 * The follow-up of every change to what the summary is made of (the store registry's `feedsSummary`): the
 * summary of storage as the change leaves it, in the same write, so the summary never shows a promotion as
 * it no longer is, nor one already deleted. `derived` gets that storage and the progress worked out for it:
 * the reminders and the badge that follow the change use the same.
 */
export function summaryFollowUp(
  at: number,
  systemZone: string,
  derived?: (state: Derived) => void,
): FollowUp {
  return {
    when: feedsSummary,
    reads: ['promotions', 'reminders', 'settings'],
    keys: [KEY.summary],
    changes(after, raw) {
      const state = deriveState(after, at, systemZone);
      derived?.(state);
      return summaryChanges(after, raw[KEY.summary], at, state.zone, state.progressOf);
    },
  };
}

/** Storage as the summary, the reminders and the badge see it at one instant, with each promotion's progress. */
export interface Derived {
  kept: Pick<Kept, 'promotions' | 'reminders' | 'settings'>;
  at: number;
  zone: string;
  progressOf: ProgressOf;
}

export function deriveState(
  kept: Pick<Kept, 'promotions' | 'reminders' | 'settings'>,
  at: number,
  systemZone: string,
): Derived {
  const zone = zoneOf(kept.settings, systemZone);
  let progressOf: ProgressOf;
  try {
    progressOf = progressTable(kept.promotions, new Date(at), zone);
  } catch (error) {
    // A zone the browser does not know: each reader meets the same RangeError and handles it its way.
    if (!(error instanceof RangeError)) throw error;
    progressOf = () => {
      throw error;
    };
  }
  return { kept, at, zone, progressOf };
}
