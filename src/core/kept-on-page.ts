// What a billing page shows of the promotions kept for its account: each one's status and whether it waits
// on a minimum spend (for the checklist), and the figures of its note on the promotions list. The worker
// works them out with core/progress, the rule the popup, the reminders and the badge go by, and answers a
// page's snapshot with them: the content script carries no progress rule of its own, so the page and the
// popup cannot disagree on "days left".
import { minimumOf, type KeptStep } from './checklist.ts';
import { dayEndsAt, progressHoldsUntil, progressOfRecord, type Progress } from './progress.ts';
import type { PromotionRecord } from './schemas.ts';

/** One kept promotion, as of the instant it was worked out at. */
export interface KeptView extends KeptStep, Pick<Progress, 'fraction' | 'daysToSpendDeadline' | 'pace'> {
  /** The name its row on the promotions list says. */
  name: string | null;
  /** The code it was redeemed with, when known: the redeem dialog's card finds it by the code typed. */
  code: string | null;
  /** Kept without terms yet: the list shows no note for it. */
  termsNeeded: boolean;
}

export interface KeptOnPage {
  /** In the order of `records`. */
  promotions: KeptView[];
  /**
   * Every view holds until this instant (ms since the epoch), the next day in the advertiser's zone at the
   * latest: a page still open then must ask again, not go on showing yesterday's day counts.
   */
  until: number;
}

/** The views of `records` at `now` (ms since the epoch), days counted in `timeZone`. */
export function keptOnPage(records: readonly PromotionRecord[], now: number, timeZone: string): KeptOnPage {
  const at = new Date(now);
  // With nothing kept, the day alone: an answer says how long it holds, whatever it holds.
  let until = dayEndsAt(now, timeZone);
  const promotions = records.map((record): KeptView => {
    const { status, fraction, daysToSpendDeadline, pace } = progressOfRecord(record, at, timeZone);
    until = Math.min(until, progressHoldsUntil(record, at, timeZone));
    return {
      name: record.name,
      code: record.code,
      termsNeeded: record.termsNeeded,
      status,
      minimum: minimumOf(record),
      fraction,
      daysToSpendDeadline,
      pace,
    };
  });
  return { promotions, until };
}
