// Every shape that is stored, messaged or printed is defined here once; types are inferred from it.
// The PageSnapshot, PromotionTerms and diagnosis shapes are contracts (docs/ARCHITECTURE.md): change them only with an issue.
// zod/mini: the same validators as zod's chained API, but tree-shakable, so a page carries only the
// checks its shapes use (the popup's full read takes every record through these; its first paint carries
// none of them, src/popup/head.ts).
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { isKnownTimeZone, isValidIsoDate } from './dates.ts';
import {
  MAX_AMOUNT,
  MAX_CODE,
  MAX_DAYS,
  MAX_EVIDENCE,
  MAX_HEARD,
  MAX_ID,
  MAX_LINE,
  MAX_MESSAGE,
  MAX_NAME,
  MAX_PROGRESS_TEXTS,
  MAX_REASONS,
  MAX_REGIONS,
  MAX_ROWS,
  MAX_URL,
  MAX_WARNINGS,
} from './limits.ts';
import { MAX_OBSERVATIONS } from './store/observations.ts';

// zod 4 compiles validators with `new Function` unless told not to; extension CSPs and web-ext forbid eval.
// zod/mini leaves messages to the caller: the English ones are what set-aside records and imports show.
z.config({ jitless: true, ...en() });

// A real calendar day: the shape alone let "2026-02-30" through, and every day count built on it threw.
export const IsoDate = z.string().check(z.refine(isValidIsoDate, 'expected a real YYYY-MM-DD date'));
export type IsoDate = z.infer<typeof IsoDate>;

/** Any ISO 8601 instant with an explicit offset or Z (what `Date#toISOString` writes). */
export const IsoInstant = z.string().check(
  z.maxLength(40),
  z.refine((s) => !Number.isNaN(Date.parse(s)) && /T/.test(s), 'expected an ISO date-time'),
);

/** Bounded text (src/core/limits.ts says why each bound is what it is). */
const text = (max: number) => z.string().check(z.maxLength(max));
/** A finite amount of money in major units, within MAX_AMOUNT either way. */
const Amount = z.number().check(z.gte(-MAX_AMOUNT), z.lte(MAX_AMOUNT));
/** A count of days an offer gives, 0 to MAX_DAYS. */
const Days = z.int().check(z.gte(0), z.lte(MAX_DAYS));
/** An ad account id as kept; null when the page did not say. */
const AccountId = z.nullable(text(MAX_ID));

export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code'));

// ---------------------------------------------------------------- page snapshot (contract)

export const PageView = z.enum(['payment', 'promotions', 'other']);
export type PageView = z.infer<typeof PageView>;

export const CreditType = z.enum(['free', 'assignable', 'conditional', 'unknown']);
export type CreditType = z.infer<typeof CreditType>;

/** Status of a promotion as the page's own tag (or tab) shows it. */
export const PageStatus = z.enum([
  'earning',
  'processing',
  'available',
  'used',
  'expired',
  'invalid',
  'unknown',
]);
export type PageStatus = z.infer<typeof PageStatus>;

export const PagePromotion = z.object({
  name: z.nullable(text(MAX_NAME)),
  type: CreditType,
  status: PageStatus,
  amount: z.nullable(Amount),
  minSpend: z.nullable(Amount),
  spent: z.nullable(Amount),
  unused: z.nullable(Amount),
  redeemedOn: z.nullable(IsoDate),
  validFrom: z.nullable(IsoDate),
  validUntil: z.nullable(IsoDate),
  assigned: z.nullable(z.boolean()),
});
export type PagePromotion = z.infer<typeof PagePromotion>;

export const Balance = z.object({
  total: z.nullable(Amount),
  cash: z.nullable(Amount),
  credit: z.nullable(Amount),
});
export type Balance = z.infer<typeof Balance>;

export const RedeemDialog = z.object({
  open: z.boolean(),
  code: z.nullable(text(MAX_CODE)),
  error: z.nullable(text(MAX_MESSAGE)),
  succeeded: z.boolean(),
});
export type RedeemDialog = z.infer<typeof RedeemDialog>;

export const PageSnapshot = z.object({
  view: PageView,
  url: z.nullable(text(MAX_URL)),
  lang: z.nullable(text(MAX_ID)),
  accountId: AccountId,
  /**
   * The account's name as the page's header shows it beside the id; null when it shows none. Optional so
   * that snapshots written before it was read (diagnosis cases, kept latest snapshots) stay valid.
   */
  accountName: z.optional(z.nullable(text(MAX_NAME))),
  currency: z.nullable(CurrencyCode),
  balance: z.nullable(Balance),
  promotions: z.array(PagePromotion).check(z.maxLength(MAX_ROWS)),
  redeem: z.nullable(RedeemDialog),
  warnings: z.array(text(MAX_MESSAGE)).check(z.maxLength(MAX_WARNINGS)),
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;

/**
 * A promotion row as the content script reads it: what the row is (name, credit type, status,
 * assignment), said in the page's words, and its numbers and dates as the texts the row shows. The worker
 * reads the values from those texts (core/page/row-values.ts) and so makes the row a PagePromotion: the
 * page's thread never reads an amount or a date of a row. A text is '' when its column shows nothing, and
 * null when the table has no such column.
 */
export const SeenPromotion = z.object({
  name: PagePromotion.shape.name,
  type: CreditType,
  status: PageStatus,
  assigned: PagePromotion.shape.assigned,
  amount: z.nullable(text(MAX_MESSAGE)),
  unused: z.nullable(text(MAX_MESSAGE)),
  requirement: z.nullable(text(MAX_MESSAGE)),
  validDates: z.nullable(text(MAX_MESSAGE)),
  redeemed: z.nullable(text(MAX_MESSAGE)),
  /** The row's texts that may be a progress display "X / Y" (one slash, not first), in reading order. */
  progress: z.array(text(MAX_MESSAGE)).check(z.maxLength(MAX_PROGRESS_TEXTS)),
});
export type SeenPromotion = z.infer<typeof SeenPromotion>;

/**
 * The redeem dialog as the content script reads it: a refusal the markup marks (an alert, the field's
 * error) is its `error`; one it does not mark is known only by its wording, which the worker holds
 * (core/diagnosis/refusals.json), so the texts that may be it are `heard`, in the order they are looked at.
 */
export const SeenRedeem = z.extend(RedeemDialog, {
  heard: z.array(text(MAX_MESSAGE)).check(z.maxLength(MAX_HEARD)),
});
export type SeenRedeem = z.infer<typeof SeenRedeem>;

/** A page as the content script sends it: a PageSnapshot whose rows and refusal are still texts. */
export const SeenPage = z.extend(PageSnapshot, {
  promotions: z.array(SeenPromotion).check(z.maxLength(MAX_ROWS)),
  redeem: z.nullable(SeenRedeem),
});
export type SeenPage = z.infer<typeof SeenPage>;

// ---------------------------------------------------------------- promotion terms (contract)

export const PromotionTerms = z.object({
  amount: z.nullable(Amount),
  currency: z.nullable(CurrencyCode),
  minSpend: z.nullable(Amount),
  spendWindowDays: z.nullable(Days),
  spendDeadline: z.nullable(IsoDate),
  activateWithinDays: z.nullable(Days),
  activateBy: z.nullable(IsoDate),
  creditValidityDays: z.nullable(Days),
  creditExpiry: z.nullable(IsoDate),
  creditArrivalDays: z.nullable(Days),
  newAdvertisersOnly: z.nullable(z.boolean()),
  onePerAdvertiser: z.nullable(z.boolean()),
  excludesTax: z.nullable(z.boolean()),
  regions: z.array(z.string().check(z.regex(/^[A-Z]{2}$/))).check(z.maxLength(MAX_REGIONS)),
});
export type PromotionTerms = z.infer<typeof PromotionTerms>;

export const EMPTY_TERMS: PromotionTerms = Object.freeze({
  amount: null,
  currency: null,
  minSpend: null,
  spendWindowDays: null,
  spendDeadline: null,
  activateWithinDays: null,
  activateBy: null,
  creditValidityDays: null,
  creditExpiry: null,
  creditArrivalDays: null,
  newAdvertisersOnly: null,
  onePerAdvertiser: null,
  excludesTax: null,
  regions: [],
}) as PromotionTerms;

// ---------------------------------------------------------------- lifecycle

/** The lifecycle (docs/ARCHITECTURE.md): received → activated → earning → processing → available → used | expired; rejected, missed. */
export const Lifecycle = z.enum([
  'received',
  'activated',
  'earning',
  'processing',
  'available',
  'used',
  'expired',
  'rejected',
  'missed',
]);
export type Lifecycle = z.infer<typeof Lifecycle>;

// ---------------------------------------------------------------- diagnosis (contract)

export const ReasonId = z.enum([
  'code-typo',
  'code-expired',
  'already-redeemed',
  'not-recipient',
  'usage-limit',
  'not-eligible-new-advertiser',
  'not-eligible-region',
  'not-eligible-account-type',
  'payment-setup',
  'min-spend-not-met',
  'spend-window-missed',
  'processing-delay',
  'coupon-unassigned',
  'campaign-inactive',
  'unknown',
]);
export type ReasonId = z.infer<typeof ReasonId>;

/** The promotion a diagnosis case may carry: its terms plus what is known of its progress. */
export const CasePromotion = z.extend(PromotionTerms, {
  activatedOn: z.optional(z.nullable(IsoDate)),
  metOn: z.optional(z.nullable(IsoDate)),
  spent: z.optional(z.nullable(z.number())),
  status: z.optional(z.nullable(Lifecycle)),
});
export type CasePromotion = z.infer<typeof CasePromotion>;

export const DiagnosisCase = z.object({
  code: z.optional(z.nullable(text(MAX_CODE))),
  error: z.optional(z.nullable(text(MAX_MESSAGE))),
  lang: z.optional(z.nullable(z.string())),
  snapshot: z.optional(z.nullable(PageSnapshot)),
  promotion: z.optional(z.nullable(CasePromotion)),
  now: IsoInstant,
});
export type DiagnosisCase = z.infer<typeof DiagnosisCase>;

export const Reason = z.object({
  id: ReasonId,
  likelihood: z.number().check(z.gte(0), z.lte(1)),
  evidence: z.array(z.string()),
  fix: z.string(),
});
export type Reason = z.infer<typeof Reason>;

export const Diagnosis = z.object({ reasons: z.array(Reason) });
export type Diagnosis = z.infer<typeof Diagnosis>;

// ---------------------------------------------------------------- what the extension keeps

/** One reading of how much has been spent toward a promotion's minimum, and when. */
export const SpendObservation = z.object({ at: IsoInstant, spent: Amount.check(z.gte(0)) });
export type SpendObservation = z.infer<typeof SpendObservation>;

/** A promotion the extension keeps for one ad account: its terms, what the page showed, and its progress. */
export const PromotionRecord = z.object({
  /** Stable key within the account: derived from the code when known, else from the page's name and dates. */
  id: z.string().check(z.minLength(1), z.maxLength(MAX_NAME)),
  accountId: AccountId,
  /** The account's name as its pages last showed it; absent on records kept before it was read. */
  accountName: z.optional(z.nullable(text(MAX_NAME))),
  name: z.nullable(text(MAX_NAME)),
  code: z.nullable(text(MAX_CODE)),
  type: CreditType,
  status: Lifecycle,
  /** The status tag the page last showed, kept apart from our own lifecycle reading. */
  pageStatus: z.nullable(PageStatus),
  terms: PromotionTerms,
  /** True when neither the page nor the user has given the offer's terms yet: the popup asks for them. */
  termsNeeded: z.boolean(),
  receivedOn: z.nullable(IsoDate),
  activatedOn: z.nullable(IsoDate),
  /** The day the minimum spend was first seen met. */
  metOn: z.nullable(IsoDate),
  creditIssuedOn: z.nullable(IsoDate),
  validFrom: z.nullable(IsoDate),
  validUntil: z.nullable(IsoDate),
  assigned: z.nullable(z.boolean()),
  unused: z.nullable(Amount),
  observations: z.array(SpendObservation).check(z.maxLength(MAX_OBSERVATIONS)),
  source: z.enum(['page', 'manual']),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type PromotionRecord = z.infer<typeof PromotionRecord>;

/** A promotion that knows only what `fields` say: no dates, amounts, readings or page status yet. */
export function blankPromotion(
  fields: Pick<PromotionRecord, 'id' | 'accountId' | 'source' | 'createdAt'> & Partial<PromotionRecord>,
): PromotionRecord {
  return {
    name: null,
    code: null,
    type: 'unknown',
    status: 'received',
    pageStatus: null,
    terms: EMPTY_TERMS,
    termsNeeded: false,
    receivedOn: null,
    activatedOn: null,
    metOn: null,
    creditIssuedOn: null,
    validFrom: null,
    validUntil: null,
    assigned: null,
    unused: null,
    observations: [],
    updatedAt: fields.createdAt,
    ...fields,
  };
}

/** A code typed into the redeem dialog and what the page answered. */
export const RedeemAttempt = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(MAX_ID)),
  accountId: AccountId,
  code: text(MAX_CODE),
  error: z.nullable(text(MAX_MESSAGE)),
  succeeded: z.boolean(),
  lang: z.nullable(text(MAX_ID)),
  at: IsoInstant,
  // A diagnosis as kept: our wording quotes page text, so its lines are bounded here (the worker clips
  // them, core/limits.ts clipReasons), not in the diagnosis contract.
  reasons: z
    .array(
      z.extend(Reason, {
        evidence: z.array(text(MAX_LINE)).check(z.maxLength(MAX_EVIDENCE)),
        fix: text(MAX_LINE),
      }),
    )
    .check(z.maxLength(MAX_REASONS)),
});
export type RedeemAttempt = z.infer<typeof RedeemAttempt>;

/** "HH:MM" in the user's time zone. */
const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'));

export const Settings = z.object({
  /** Days before a deadline or expiry at which to remind. */
  reminderDays: z.array(z.int().check(z.gte(0), z.lte(90))).check(z.maxLength(10)),
  /** No notifications between start and end (may wrap past midnight); null for none. */
  quietHours: z.nullable(z.object({ start: ClockTime, end: ClockTime })),
  /** IANA zone for days-left; null follows the system. */
  timeZone: z.nullable(z.string().check(z.refine(isKnownTimeZone, 'expected a time zone the browser knows'))),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  reminderDays: [7, 3, 1],
  quietHours: null,
  timeZone: null,
}) as Settings;

// ---------------------------------------------------------------- backup file (core/export reads and writes it)

export const BACKUP_FORMAT = 'ad-credit-guide-backup';

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: IsoInstant,
  promotions: z.array(PromotionRecord),
  attempts: z.array(RedeemAttempt),
  settings: Settings,
});
export type Backup = z.infer<typeof Backup>;
