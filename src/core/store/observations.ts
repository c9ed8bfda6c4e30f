// Spend observations: one reading per change of `spent`, kept small for promotions watched for months.
// Recent readings stay dense (the pace in core/progress looks at the last two weeks); older ones keep the
// day's last reading, which is all a chart of a spend window needs; the first reading is always kept
// because it is where the spend started.
import type { SpendObservation } from '../schemas.ts';

export const MAX_OBSERVATIONS = 120;
export const DENSE_DAYS = 14;
const DAY_MS = 86_400_000;

/** Adds a reading when the spend changed since the last one, then downsamples. */
export function observe(
  observations: readonly SpendObservation[],
  at: string,
  spent: number,
): SpendObservation[] {
  const last = observations[observations.length - 1];
  if (last !== undefined && last.spent === spent) return [...observations];
  return downsample([...observations, { at, spent }]);
}

export function downsample(observations: readonly SpendObservation[]): SpendObservation[] {
  const sorted = [...observations].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
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
