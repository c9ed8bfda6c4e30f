// How many notifications one wake shows. A page can make any number of promotions due at once (60 rows
// due in two days were 60 notifications): past a few, the rest are counted in one notification that
// opens the popup's list. Each reminder still fires once: the counted ones are recorded as fired too.
import type { Reminder } from '../reminders.ts';

/** Notifications shown one by one per wake; the rest are counted in one. */
export const MAX_NOTIFICATIONS_AT_ONCE = 3;

export interface Grouped {
  /** Not a promotion key: a click on it opens the billing page, as for any reminder. */
  id: string;
  count: number;
}

/** The reminders shown one by one (in the order given) and the one counting the rest, if any. */
export function notificationsToShow(due: readonly Reminder[]): {
  each: Reminder[];
  grouped: Grouped | null;
} {
  const each = due.slice(0, MAX_NOTIFICATIONS_AT_ONCE);
  const rest = due.slice(MAX_NOTIFICATIONS_AT_ONCE);
  if (rest.length === 0) return { each, grouped: null };
  // The id names the reminders it counts, so a wake repeating the same ones replaces it.
  return { each, grouped: { id: `more|${rest[0]!.id}|${rest.length}`, count: rest.length } };
}
