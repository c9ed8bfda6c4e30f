// Every shape that is stored, messaged or printed is defined here once; types are inferred from it.
// The PageSnapshot, PromotionTerms and diagnosis shapes are contracts (DESIGN.md): change them only with an issue.
import { z } from 'zod';

// zod 4 compiles validators with `new Function` unless told not to; extension CSPs and web-ext forbid eval.
z.config({ jitless: true });

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
export type IsoDate = z.infer<typeof IsoDate>;

/** Any ISO 8601 instant with an explicit offset or Z (what `Date#toISOString` writes). */
export const IsoInstant = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)) && /T/.test(s), 'expected an ISO date-time');

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code');

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
  name: z.string().nullable(),
  type: CreditType,
  status: PageStatus,
  amount: z.number().nullable(),
  minSpend: z.number().nullable(),
  spent: z.number().nullable(),
  unused: z.number().nullable(),
  redeemedOn: IsoDate.nullable(),
  validFrom: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  assigned: z.boolean().nullable(),
});
export type PagePromotion = z.infer<typeof PagePromotion>;

export const Balance = z.object({
  total: z.number().nullable(),
  cash: z.number().nullable(),
  credit: z.number().nullable(),
});
export type Balance = z.infer<typeof Balance>;

export const RedeemDialog = z.object({
  open: z.boolean(),
  code: z.string().nullable(),
  error: z.string().nullable(),
  succeeded: z.boolean(),
});
export type RedeemDialog = z.infer<typeof RedeemDialog>;

export const PageSnapshot = z.object({
  view: PageView,
  url: z.string().nullable(),
  lang: z.string().nullable(),
  accountId: z.string().nullable(),
  currency: CurrencyCode.nullable(),
  balance: Balance.nullable(),
  promotions: z.array(PagePromotion),
  redeem: RedeemDialog.nullable(),
  warnings: z.array(z.string()),
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;

// ---------------------------------------------------------------- promotion terms (contract)

export const PromotionTerms = z.object({
  amount: z.number().nullable(),
  currency: CurrencyCode.nullable(),
  minSpend: z.number().nullable(),
  spendWindowDays: z.number().int().nullable(),
  spendDeadline: IsoDate.nullable(),
  activateWithinDays: z.number().int().nullable(),
  activateBy: IsoDate.nullable(),
  creditValidityDays: z.number().int().nullable(),
  creditExpiry: IsoDate.nullable(),
  creditArrivalDays: z.number().int().nullable(),
  newAdvertisersOnly: z.boolean().nullable(),
  onePerAdvertiser: z.boolean().nullable(),
  excludesTax: z.boolean().nullable(),
  regions: z.array(z.string().regex(/^[A-Z]{2}$/)),
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

/** DESIGN.md lifecycle: received → activated → earning → processing → available → used | expired; rejected, missed. */
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
export const CasePromotion = PromotionTerms.extend({
  activatedOn: IsoDate.nullable().optional(),
  metOn: IsoDate.nullable().optional(),
  spent: z.number().nullable().optional(),
  status: Lifecycle.nullable().optional(),
});
export type CasePromotion = z.infer<typeof CasePromotion>;

export const DiagnosisCase = z.object({
  code: z.string().nullable().optional(),
  error: z.string().nullable().optional(),
  lang: z.string().nullable().optional(),
  snapshot: PageSnapshot.nullable().optional(),
  promotion: CasePromotion.nullable().optional(),
  now: IsoInstant,
});
export type DiagnosisCase = z.infer<typeof DiagnosisCase>;

export const Reason = z.object({
  id: ReasonId,
  likelihood: z.number().min(0).max(1),
  evidence: z.array(z.string()),
  fix: z.string(),
});
export type Reason = z.infer<typeof Reason>;

export const Diagnosis = z.object({ reasons: z.array(Reason) });
export type Diagnosis = z.infer<typeof Diagnosis>;

// ---------------------------------------------------------------- what the extension keeps

/** One reading of how much has been spent toward a promotion's minimum, and when. */
export const SpendObservation = z.object({ at: IsoInstant, spent: z.number().nonnegative() });
export type SpendObservation = z.infer<typeof SpendObservation>;

/** A promotion the extension keeps for one ad account: its terms, what the page showed, and its progress. */
export const PromotionRecord = z.object({
  /** Stable key within the account: derived from the code when known, else from the page's name and dates. */
  id: z.string().min(1),
  accountId: z.string().nullable(),
  name: z.string().nullable(),
  code: z.string().nullable(),
  type: CreditType,
  status: Lifecycle,
  /** The status tag the page last showed, kept apart from our own lifecycle reading. */
  pageStatus: PageStatus.nullable(),
  terms: PromotionTerms,
  /** True when neither the page nor the user has given the offer's terms yet: the popup asks for them. */
  termsNeeded: z.boolean(),
  receivedOn: IsoDate.nullable(),
  activatedOn: IsoDate.nullable(),
  /** The day the minimum spend was first seen met. */
  metOn: IsoDate.nullable(),
  creditIssuedOn: IsoDate.nullable(),
  validFrom: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  assigned: z.boolean().nullable(),
  unused: z.number().nullable(),
  observations: z.array(SpendObservation),
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
  id: z.string().min(1),
  accountId: z.string().nullable(),
  code: z.string(),
  error: z.string().nullable(),
  succeeded: z.boolean(),
  lang: z.string().nullable(),
  at: IsoInstant,
  reasons: z.array(Reason),
});
export type RedeemAttempt = z.infer<typeof RedeemAttempt>;

/** "HH:MM" in the user's time zone. */
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const Settings = z.object({
  /** Days before a deadline or expiry at which to remind. */
  reminderDays: z.array(z.number().int().min(0).max(90)).max(10),
  /** No notifications between start and end (may wrap past midnight); null for none. */
  quietHours: z.object({ start: ClockTime, end: ClockTime }).nullable(),
  /** IANA zone for days-left; null follows the system. */
  timeZone: z.string().nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  reminderDays: [7, 3, 1],
  quietHours: null,
  timeZone: null,
}) as Settings;
