// What a page may change in what is kept without the advertiser's say. The content script reports any
// page on the two Ads Manager hosts, and a hostile one can claim any ad account (an `aadvid` in its
// address) and any row: so a page's rows may add promotions and move kept ones forward, but a change that
// would silence reminders the advertiser relies on is held for a confirmation in the popup, and one account
// cannot grow without bound. Pure: the worker applies these inside its write queue.
import { daysBetween, isValidIsoDate } from '../dates.ts';
import { ACCOUNT_BUDGET_BYTES, MAX_ROWS } from '../limits.ts';
import { normalizeCode } from './ids.ts';
import { RANK } from './merge.ts';
import { promoKey } from './keys.ts';
import type { Lifecycle, PromotionRecord } from '../schemas.ts';

const ENDED: ReadonlySet<Lifecycle> = new Set(['used', 'expired', 'rejected', 'missed']);

/**
 * A date moving this far from what was kept is not a page correcting itself: end dates that jump by a
 * year or more (to 2099, say) silence every reminder of the promotion.
 */
export const DATE_JUMP_DAYS = 365;

/** Why a page's change to a kept promotion waits for the advertiser, in words the popup shows. */
export interface HoldReason {
  kind: 'status-back' | 'status-skip' | 'date-jump';
  /** The date that moved (date-jump only). */
  field: DateField | null;
  from: string;
  to: string;
}

export const DATE_FIELDS = ['validUntil', 'spendDeadline', 'creditExpiry', 'activateBy'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

const dateOf = (r: PromotionRecord, field: DateField): string | null =>
  field === 'validUntil' ? r.validUntil : r.terms[field];

/** Whether one of the promotion's own end dates, as kept, has passed by `today`. */
const endPassed = (r: PromotionRecord, today: string) =>
  [r.validUntil, r.terms.spendDeadline, r.terms.creditExpiry].some((d) => d !== null && d < today);

/**
 * What a page's change would do that needs a confirmation: a status going backwards, a jump to an end
 * state over a step the page never showed (processing straight to used or expired, which ends the
 * "credit has not appeared" reminders) while none of the promotion's kept end dates has passed, or an
 * end date moving by DATE_JUMP_DAYS or more. Empty when the change may be applied as it is.
 */
export function holdReasons(before: PromotionRecord, after: PromotionRecord, today: string): HoldReason[] {
  const reasons: HoldReason[] = [];
  const from = before.status;
  const to = after.status;
  if (RANK[to] < RANK[from]) reasons.push({ kind: 'status-back', field: null, from, to });
  else if (ENDED.has(to) && !ENDED.has(from) && RANK[to] - RANK[from] >= 2 && !endPassed(before, today))
    reasons.push({ kind: 'status-skip', field: null, from, to });
  for (const field of DATE_FIELDS) {
    const a = dateOf(before, field);
    const b = dateOf(after, field);
    if (a === null || b === null || a === b || !isValidIsoDate(a) || !isValidIsoDate(b)) continue;
    if (Math.abs(daysBetween(a, b)) >= DATE_JUMP_DAYS)
      reasons.push({ kind: 'date-jump', field, from: a, to: b });
  }
  return reasons;
}

export interface Guarded {
  /** Records to write now. */
  apply: PromotionRecord[];
  /** Changes held for the advertiser: the record as the page would make it, and why. */
  held: Array<{ record: PromotionRecord; reasons: HoldReason[] }>;
  /** New promotions left out because the account is at its bound (rows or bytes). */
  refused: number;
}

// By record: the worker keeps each stored record as one object while it runs, so an account of hundreds of
// promotions is measured once, not on every page that shows a new one.
const sizes = new WeakMap<PromotionRecord, number>();

/** What a record takes in storage: its key and its JSON, as the browser counts them. */
function bytesOf(r: PromotionRecord): number {
  let size = sizes.get(r);
  if (size === undefined) {
    size = promoKey(r.accountId, r.id).length + JSON.stringify(r).length;
    sizes.set(r, size);
  }
  return size;
}

/**
 * The most JSON one promotion can take within the schemas' bounds: 120 readings (~6 KB), 300 regions
 * (~1.5 KB), its texts (~1 KB) and the rest, rounded up.
 */
export const MAX_RECORD_BYTES = 16 * 1024;

/**
 * Splits what a snapshot changed into what may be written, what waits for a confirmation, and new
 * promotions past the account's bounds (MAX_ROWS promotions, ACCOUNT_BUDGET_BYTES of JSON). Updates to
 * promotions already kept always fit the budget's reckoning: only additions are refused, so a full
 * account still follows its promotions.
 */
export function guardChanges(
  kept: readonly PromotionRecord[],
  changed: readonly PromotionRecord[],
  accountId: string | null,
  today: string,
): Guarded {
  const account = kept.filter((r) => r.accountId === accountId);
  const before = new Map(account.map((r) => [r.id, r]));
  let rows = account.length;
  // Counted only once the account could be near its budget: the bounds keep a record under
  // MAX_RECORD_BYTES, so fewer records than the budget holds of those cannot reach it.
  const used = { bytes: null as number | null };
  const added: PromotionRecord[] = [];
  const bytesNow = () => (used.bytes ??= [...account, ...added].reduce((sum, r) => sum + bytesOf(r), 0));
  const result: Guarded = { apply: [], held: [], refused: 0 };
  for (const record of changed) {
    const old = before.get(record.id);
    if (old === undefined) {
      const counted = (rows + 1) * MAX_RECORD_BYTES > ACCOUNT_BUDGET_BYTES;
      const size = counted ? bytesOf(record) : 0;
      if (rows + 1 > MAX_ROWS || (counted && bytesNow() + size > ACCOUNT_BUDGET_BYTES)) {
        result.refused += 1;
        continue;
      }
      rows += 1;
      if (used.bytes !== null) used.bytes += size;
      else added.push(record);
      result.apply.push(record);
      continue;
    }
    const reasons = holdReasons(old, record, today);
    if (reasons.length > 0) result.held.push({ record, reasons });
    else result.apply.push(record);
  }
  return result;
}

/**
 * Promotions one page visit may create from "code accepted" messages the page's own list does not back:
 * a page can print any number of success messages, and each would otherwise mint an activated
 * promotion and a badge count.
 */
export const MAX_UNBACKED_PER_VISIT = 3;

/**
 * Whether a redeem success has evidence beyond the message: the code is kept already, or the page lists
 * exactly one promotion redeemed today (the row the new promotion's terms are read from).
 */
export function successBacked(
  kept: readonly PromotionRecord[],
  accountId: string | null,
  code: string,
  redeemedToday: number,
): boolean {
  const wanted = normalizeCode(code);
  return (
    redeemedToday === 1 ||
    kept.some((r) => r.accountId === accountId && r.code !== null && normalizeCode(r.code) === wanted)
  );
}
