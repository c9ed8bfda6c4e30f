// The storage.local layout (schema version 4) and the zod shapes of what it keeps besides promotions.
//
//   schemaVersion            number — the layout version the migrations brought storage to
//   promo:<account>:<id>     PromotionRecord — one key per promotion, so a write touches only the promotions
//                            it changed (small writes, less quota pressure) and one broken record is
//                            quarantined alone; <account> is the ad account id, "-" when unknown
//   attempts                 RedeemAttempt[] — newest last, capped at MAX_ATTEMPTS
//   balances                 { [accountId]: BalanceEntry } — the last balance each account's page showed
//   settings                 Settings
//   reminders                ReminderState — which reminders fired, and snoozes (survives restarts)
//   lastSnapshot             LatestSnapshot — the most recent page snapshot, for the popup's checklist
//   quarantine:<id>          QuarantinedItem — a value that failed validation, with its raw value (or, past
//                            MAX_SET_ASIDE_CHARS of JSON, the start of it and its size)
//   held:<promo key>         HeldChange — a page's change to a kept promotion that waits for the advertiser's
//                            confirmation in the popup (core/store/guard.ts says which changes wait)
//   summary                  Summary — the SUMMARY_SIZE most urgent promotions, copied from their keys: the
//                            popup paints its first cards from this one small key, then reads everything
//                            (reading 500 promotions takes the browser hundreds of ms). Derived, so never
//                            quarantined: the worker rewrites it with every change to promotions, snoozes or
//                            settings, in the same write, and on every wake; readers that find it missing,
//                            invalid or from another day read everything instead
//   overlayCollapsed         { [accountId | "-"]: true } — the on-page panel folded per ad account
//   demo:clockOffsetMs       number — the demo build's clock offset (src/platform/clock.ts)
//
// Each key's rules (validation, clear, backup, restore, summary) are declared in ./registry.ts.
//
// Pure: the platform store reads and writes these keys; migrations and tests build them.
import * as z from 'zod/mini';
import { Balance, CurrencyCode, IsoDate, IsoInstant, PageSnapshot, PromotionRecord } from '../schemas.ts';
import { MAX_ID, MAX_URL } from '../limits.ts';
import { DATE_FIELDS } from './guard.ts';
import { SUMMARY_SIZE } from './keys.ts';

export const SCHEMA_VERSION = 4;
export const MAX_ATTEMPTS = 200;

export {
  HELD_PREFIX,
  KEY,
  SUMMARY_SIZE,
  heldKey,
  PROMO_PREFIX,
  QUARANTINE_PREFIX,
  accountOfKey,
  promoKey,
  promoPrefix,
  quarantineKey,
} from './keys.ts';

export const BalanceEntry = z.object({
  balance: Balance,
  currency: z.nullable(CurrencyCode),
  at: IsoInstant,
});
export type BalanceEntry = z.infer<typeof BalanceEntry>;
export const Balances = z.record(z.string(), BalanceEntry);
export type Balances = z.infer<typeof Balances>;

/** Longest browser error text kept for a refused notification: enough to recognise it, bounded in storage. */
export const MAX_REFUSAL_ERROR = 300;

/** Notifications the browser refused to show: those reminders stay unfired and are tried again. */
export const NotificationRefusals = z.object({
  /** Refusals since the extension was installed (or its data cleared). */
  count: z.int().check(z.positive()),
  /** The browser's words for the last refusal. */
  lastError: z.string().check(z.maxLength(MAX_REFUSAL_ERROR)),
  at: IsoInstant,
});
export type NotificationRefusals = z.infer<typeof NotificationRefusals>;

export const ReminderState = z.object({
  /** Reminder id → instant the browser accepted its notification. An id is never shown twice. */
  fired: z.record(z.string(), IsoInstant),
  /** promoKey → instant until which that promotion's reminders wait. */
  snoozed: z.record(z.string(), IsoInstant),
  refused: z.optional(NotificationRefusals),
});
export type ReminderState = z.infer<typeof ReminderState>;
export const EMPTY_REMINDER_STATE: ReminderState = Object.freeze({ fired: {}, snoozed: {} }) as ReminderState;

export const LatestSnapshot = z.object({
  tabId: z.nullable(z.int()),
  at: IsoInstant,
  snapshot: PageSnapshot,
});
export type LatestSnapshot = z.infer<typeof LatestSnapshot>;

/**
 * The most JSON of a bad value that is set aside whole. A larger one (a 6 MB corrupt record) could not be
 * copied next to itself in a full storage area: the start of its JSON is kept, with its size, and the
 * options page says it cannot be restored.
 */
export const MAX_SET_ASIDE_CHARS = 64 * 1024;

/** A stored value that failed validation, set aside with its raw value (the options page lists them). */
export const QuarantinedItem = z.object({
  id: z.string().check(z.minLength(1)),
  /** The key it was stored under, where a restore puts it back. */
  key: z.string(),
  /** zod's issues, one line. */
  reason: z.string(),
  at: IsoInstant,
  raw: z.unknown(),
  /** Set when `raw` is only the first MAX_SET_ASIDE_CHARS of the value's JSON: its whole length. */
  size: z.optional(z.int().check(z.positive())),
});
export type QuarantinedItem = z.infer<typeof QuarantinedItem>;

export const Summary = z.object({
  /** The day the ranking was made, in the zone days are counted in: urgency moves as days pass. */
  day: IsoDate,
  /** Most urgent first. */
  promotions: z.array(PromotionRecord).check(z.maxLength(SUMMARY_SIZE)),
  /** ReminderState.snoozed, for these promotions only. */
  snoozed: z.record(z.string(), IsoInstant),
});
export type Summary = z.infer<typeof Summary>;

/** A page's change to a kept promotion, held until the advertiser applies or dismisses it. */
export const HeldChange = z.object({
  /** promoKey of the promotion it would change. */
  key: z.string().check(z.maxLength(2 * MAX_ID + 400)),
  /** The promotion as the page would make it. */
  record: PromotionRecord,
  reasons: z
    .array(
      z.object({
        kind: z.enum(['status-back', 'status-skip', 'date-jump']),
        field: z.nullable(z.enum(DATE_FIELDS)),
        from: z.string().check(z.maxLength(MAX_ID)),
        to: z.string().check(z.maxLength(MAX_ID)),
      }),
    )
    .check(z.maxLength(8)),
  /** The page that asked for it. */
  url: z.nullable(z.string().check(z.maxLength(MAX_URL))),
  at: IsoInstant,
});
export type HeldChange = z.infer<typeof HeldChange>;

/**
 * A bad value as it is set aside: whole when its JSON fits MAX_SET_ASIDE_CHARS, else the start of its
 * JSON and its full length (`size`), which can be looked at but not restored.
 */
export function setAside(
  entry: { key: string; reason: string; raw: unknown },
  id: string,
  at: string,
): QuarantinedItem {
  const item: QuarantinedItem = { id, key: entry.key, reason: entry.reason, at, raw: entry.raw };
  const json = JSON.stringify(entry.raw) ?? '';
  if (json.length <= MAX_SET_ASIDE_CHARS) return item;
  return { ...item, raw: json.slice(0, MAX_SET_ASIDE_CHARS), size: json.length };
}
