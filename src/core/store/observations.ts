// Spend observations: one reading per change of `spent`, plus the latest day the same amount was seen again
// (a stall must show as readings, or it looks like no news), kept small for promotions watched for months.
// Recent readings stay dense (the pace in core/progress looks at the last two weeks); older ones keep the
// day's last reading, which is all a chart of a spend window needs; the first reading is always kept
// because it is where the spend started.
import { inTimeOrder } from '../progress.ts';
import type { SpendObservation } from '../schemas.ts';

export const MAX_OBSERVATIONS = 120;
export const DENSE_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Adds a reading when the spend changed since the last one. An unchanged amount on a later day is a
 * reading too, since it is what shows the spend stalled; a run of one amount keeps its first reading and
 * its latest, so a page visited every day for a month adds one reading, not thirty.
 */
export function observe(
  observations: readonly SpendObservation[],
  at: string,
  spent: number,
): SpendObservation[] {
  const last = observations[observations.length - 1];
  if (last !== undefined && last.spent === spent) {
    if (at.slice(0, 10) <= last.at.slice(0, 10)) return [...observations];
    const before = observations[observations.length - 2];
    const run = before !== undefined && before.spent === spent ? observations.slice(0, -1) : observations;
    return downsample([...run, { at, spent }]);
  }
  return downsample([...observations, { at, spent }]);
}

export function downsample(observations: readonly SpendObservation[]): SpendObservation[] {
  const sorted = inTimeOrder(observations);
  const newest = sorted[sorted.length - 1];
  if (newest === undefined) return [];
  const denseFrom = Date.parse(newest.at) - DENSE_DAYS * DAY_MS;
  const kept = sorted.filter((o, i) => {
    if (i === 0 || Date.parse(o.at) >= denseFrom) return true;
    const next = sorted[i + 1];
    return next === undefined || next.at.slice(0, 10) !== o.at.slice(0, 10);
  });
  if (kept.length <= MAX_OBSERVATIONS) return kept;
  return [kept[0]!, ...kept.slice(kept.length - (MAX_OBSERVATIONS - 1))];
}
