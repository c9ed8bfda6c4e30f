// The deadlines a promotion can still miss, for the popup's cards and the calendar export alike. Kept
// apart from export.ts so that the popup's cards do not bring the CSV, calendar and backup code along.
import type { Progress } from './progress.ts';
import type { IsoDate, Lifecycle } from './schemas.ts';

/** A date a promotion can still be missed by. */
export interface Deadline {
  kind: 'activation' | 'spend' | 'expiry';
  date: IsoDate;
}

// A deadline matters only while the promotion can still reach the step it closes.
const OPEN_FOR: Record<Deadline['kind'], ReadonlySet<Lifecycle>> = {
  activation: new Set(['received']),
  spend: new Set(['received', 'activated', 'earning']),
  expiry: new Set(['received', 'activated', 'earning', 'processing', 'available']),
};

/** The deadlines still ahead of a promotion's current step; the popup and the calendar show the same. */
export function openDeadlines(p: Progress): Deadline[] {
  const dates: Record<Deadline['kind'], IsoDate | null> = {
    activation: p.activationDeadline,
    spend: p.spendDeadline,
    expiry: p.creditExpiry,
  };
  return (['activation', 'spend', 'expiry'] as const).flatMap((kind) => {
    const date = dates[kind];
    return date !== null && OPEN_FOR[kind].has(p.status) ? [{ kind, date }] : [];
  });
}
