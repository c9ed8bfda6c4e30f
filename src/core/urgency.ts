// Which promotion needs the advertiser first, and what to do about it. Pure, so the order is tested
// without rendering anything. Statuses are read from progress: it moves a promotion on when dates pass.
import type { Progress } from './progress.ts';
import type { Lifecycle, PromotionRecord } from './schemas.ts';

export interface Item {
  record: PromotionRecord;
  progress: Progress;
  /** Until when the user paused this promotion's reminders (ISO instant), while that is still ahead. */
  snoozedUntil?: string | null;
}

const FINISHED: ReadonlySet<Lifecycle> = new Set(['used', 'expired', 'missed']);

/** A refused code is worth another try until its activation deadline passes (typos are the usual cause). */
export function retryable(item: Item): boolean {
  const days = item.progress.daysToActivation;
  return item.progress.status === 'rejected' && (days === null || days >= 0);
}

/** Days until the nearest deadline still ahead (today counts as 0); null when none is known. */
export function nearestDays(progress: Progress): number | null {
  const days = [progress.daysToActivation, progress.daysToSpendDeadline, progress.daysToExpiry].filter(
    (d): d is number => d !== null && d >= 0,
  );
  return days.length ? Math.min(...days) : null;
}

/**
 * 0: something is wrong now (credit overdue, pace cannot or may not reach the minimum, a refused code
 * worth retrying, terms unknown); 1: on track; 2: nothing left to do.
 */
export function tier(item: Item): 0 | 1 | 2 {
  const { record, progress } = item;
  const status = progress.status;
  if (FINISHED.has(status) || (status === 'rejected' && !retryable(item))) return 2;
  if (
    progress.creditOverdue ||
    progress.pace === 'at-risk' ||
    progress.pace === 'cannot-make-it' ||
    status === 'rejected' ||
    record.termsNeeded
  ) {
    return 0;
  }
  return 1;
}

// One collator for every comparison: localeCompare with options builds a new one per call, which is
// most of the sort's time with hundreds of promotions. Pure, so that a bundle that never sorts drops it:
// the content script (which needs isFree) made it on every Ads Manager page, loading the browser's
// collation data there for nothing.
const byName = /* @__PURE__ */ new Intl.Collator(undefined, { numeric: true });

/**
 * Most urgent first: by tier, then the closest deadline (unknown last; overdue credit is already late, so
 * before any deadline), then name for a stable order.
 */
export function byUrgency(items: readonly Item[]): Item[] {
  const keyed = items.map((item) => ({
    item,
    tier: tier(item),
    days: item.progress.creditOverdue ? -1 : (nearestDays(item.progress) ?? Number.POSITIVE_INFINITY),
    name: item.record.name ?? item.record.code ?? '',
  }));
  keyed.sort((a, b) => a.tier - b.tier || a.days - b.days || byName.compare(a.name, b.name));
  return keyed.map((k) => k.item);
}

/** No minimum to earn: free credit, or terms that say the minimum is zero. */
export function isFree(record: PromotionRecord): boolean {
  return record.type === 'free' || (record.terms.minSpend !== null && record.terms.minSpend <= 0);
}

/**
 * The status a card shows: never better than the evidence. An activated code whose minimum is not known
 * (right after redeeming, before the Promotions page was seen, or imported without terms) is "activated,
 * terms unknown", neither available nor earning toward anything yet.
 */
export type ShownStatus = Lifecycle | 'terms-unknown';

export function shownStatus(item: Item): ShownStatus {
  const { record, progress } = item;
  const termsUnknown = record.termsNeeded || (record.terms.minSpend === null && record.type !== 'free');
  return progress.status === 'activated' && termsUnknown ? 'terms-unknown' : progress.status;
}

export type NextAction =
  | 'paste-terms'
  | 'retry-code'
  | 'activate'
  | 'spend'
  | 'see-credit'
  | 'credit-overdue'
  | 'wait-credit'
  | 'assign'
  | 'use-credit'
  | 'ask-support'
  | 'all-used'
  | 'ended';

/**
 * The one thing to do next for a promotion. Every state has one: a missed deadline or overdue credit ends
 * in a message for TikTok's support, a finished promotion says so.
 */
export function nextAction(item: Item): NextAction {
  const { record, progress } = item;
  switch (progress.status) {
    case 'rejected':
      return retryable(item) ? 'retry-code' : 'ended';
    case 'missed':
      return 'ask-support';
    case 'used':
      return 'all-used';
    case 'expired':
      return 'ended';
    default:
  }
  if (record.termsNeeded) return 'paste-terms';
  switch (progress.status) {
    case 'received':
      return 'activate';
    case 'activated':
    case 'earning':
      // Free credit has nothing to spend toward: what is left is to see it arrive on the page.
      return isFree(record) ? 'see-credit' : 'spend';
    case 'processing':
      return progress.creditOverdue ? 'credit-overdue' : 'wait-credit';
    case 'available':
      return record.type === 'assignable' && record.assigned === false ? 'assign' : 'use-credit';
  }
}

/** Whether the next step comes with a ready message for TikTok's support. */
export const needsSupport = (next: NextAction): boolean =>
  next === 'ask-support' || next === 'credit-overdue';
