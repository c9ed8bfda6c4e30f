// What the popup's first script paints from: the worker's summary and the settings, checked without zod.
// zod and the schemas would be half of the first script (11 KB gzipped of the popup's 25) and building
// every schema is work before the first card, so the summary is checked here against the same bounds
// and the full schema checks it again in the part loaded after the first paint (./full.ts). The check is
// at least as strict as the schema (test/unit/popup-head.test.ts throws corrupted values at both), so a
// summary the schema would refuse is never painted: the popup then says "Loading…" and reads everything.
// The field lists are typed against the schemas' own types, so a field added there fails the build here
// until it is checked.
import { dateInZone, isKnownTimeZone, isValidIsoDate, zoneOf } from '../core/dates.ts';
import { MAX_AMOUNT, MAX_CODE, MAX_DAYS, MAX_ID, MAX_NAME, MAX_REGIONS } from '../core/limits.ts';
import type {
  CreditType,
  Lifecycle,
  PageStatus,
  PromotionRecord,
  PromotionTerms,
  Settings,
  SpendObservation,
} from '../core/schemas.ts';
import { SUMMARY_SIZE } from '../core/store/keys.ts';
import type { Summary } from '../core/store/layout.ts';
import { MAX_OBSERVATIONS } from '../core/store/observations.ts';

type Check = (value: unknown) => boolean;

const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const text =
  (max: number, min = 0): Check =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max;
const matching =
  (pattern: RegExp): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v);
const boolean: Check = (v) => typeof v === 'boolean';
const between =
  (min: number, max: number, whole = false): Check =>
  (v) =>
    typeof v === 'number' && v >= min && v <= max && (!whole || Number.isSafeInteger(v));
const isoDate: Check = (v) => typeof v === 'string' && isValidIsoDate(v);
const instant: Check = (v) =>
  typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)) && v.includes('T');
const oneOf =
  <T extends string>(values: Record<T, true>): Check =>
  (v) =>
    typeof v === 'string' && Object.hasOwn(values, v);
const list =
  (check: Check, max: number): Check =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return false;
    // Index by index, not every(): every() skips an array's holes, which the schema reads as undefined.
    for (let i = 0; i < v.length; i++) if (!check(v[i])) return false;
    return true;
  };
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const recordOf =
  (check: Check): Check =>
  (v) =>
    isObject(v) && Object.values(v).every(check);
/** Every field of T, each with its check: the type makes the list complete. */
const shape =
  <T>(fields: { [K in keyof Required<T>]: Check }): Check =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([key, check]) => (check as Check)(v[key]));

const amount = between(-MAX_AMOUNT, MAX_AMOUNT);
const days = between(0, MAX_DAYS, true);
const currency = matching(/^[A-Z]{3}$/);
const accountId = nullable(text(MAX_ID));

const LIFECYCLE: Record<Lifecycle, true> = {
  received: true,
  activated: true,
  earning: true,
  processing: true,
  available: true,
  used: true,
  expired: true,
  rejected: true,
  missed: true,
};
const CREDIT_TYPE: Record<CreditType, true> = {
  free: true,
  assignable: true,
  conditional: true,
  unknown: true,
};
const PAGE_STATUS: Record<PageStatus, true> = {
  earning: true,
  processing: true,
  available: true,
  used: true,
  expired: true,
  invalid: true,
  unknown: true,
};
const SOURCE: Record<PromotionRecord['source'], true> = { page: true, manual: true };

const terms = shape<PromotionTerms>({
  amount: nullable(amount),
  currency: nullable(currency),
  minSpend: nullable(amount),
  spendWindowDays: nullable(days),
  spendDeadline: nullable(isoDate),
  activateWithinDays: nullable(days),
  activateBy: nullable(isoDate),
  creditValidityDays: nullable(days),
  creditExpiry: nullable(isoDate),
  creditArrivalDays: nullable(days),
  newAdvertisersOnly: nullable(boolean),
  onePerAdvertiser: nullable(boolean),
  excludesTax: nullable(boolean),
  regions: list(matching(/^[A-Z]{2}$/), MAX_REGIONS),
});

const observation = shape<SpendObservation>({ at: instant, spent: between(0, MAX_AMOUNT) });

const promotion = shape<PromotionRecord>({
  id: text(MAX_NAME, 1),
  accountId,
  accountName: optional(nullable(text(MAX_NAME))),
  name: nullable(text(MAX_NAME)),
  code: nullable(text(MAX_CODE)),
  type: oneOf(CREDIT_TYPE),
  status: oneOf(LIFECYCLE),
  pageStatus: nullable(oneOf(PAGE_STATUS)),
  terms,
  termsNeeded: boolean,
  receivedOn: nullable(isoDate),
  activatedOn: nullable(isoDate),
  metOn: nullable(isoDate),
  creditIssuedOn: nullable(isoDate),
  validFrom: nullable(isoDate),
  validUntil: nullable(isoDate),
  assigned: nullable(boolean),
  unused: nullable(amount),
  observations: list(observation, MAX_OBSERVATIONS),
  source: oneOf(SOURCE),
  createdAt: instant,
  updatedAt: instant,
});

/** Whether `value` can be painted as a Summary: false for anything the layout's schema refuses. */
export const isSummary = shape<Summary>({
  day: isoDate,
  promotions: list(promotion, SUMMARY_SIZE),
  snoozed: recordOf(instant),
}) as (value: unknown) => value is Summary;

const clockTime = matching(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Whether `value` is a Settings the schema accepts (the first paint goes by its time zone). */
export const isSettings = shape<Settings>({
  reminderDays: list(between(0, 90, true), 10),
  quietHours: nullable(shape<NonNullable<Settings['quietHours']>>({ start: clockTime, end: clockTime })),
  timeZone: nullable((v) => typeof v === 'string' && isKnownTimeZone(v)),
}) as (value: unknown) => value is Settings;

/** The summary's cards, with the zone their days are counted in. */
export interface Head {
  summary: Summary;
  timeZone: string;
}

/**
 * The summary worth painting first, or null: when it is missing or does not pass the check, when settings
 * are stored but do not pass theirs (the zone they name would be in doubt), when it is of another day than
 * today in that zone (urgency moves as days pass), or when it has no promotion (an empty head would flash
 * "no promotions yet" if the summary lagged behind). The full read shows what is kept in every such case.
 */
export function headOf(
  raw: { summary: unknown; settings: unknown },
  now: Date,
  systemZone: string,
): Head | null {
  const { summary, settings } = raw;
  if (!isSummary(summary) || summary.promotions.length === 0) return null;
  if (settings !== undefined && !isSettings(settings)) return null;
  const timeZone = zoneOf(settings ?? { timeZone: null }, systemZone);
  return summary.day === dateInZone(now, timeZone) ? { summary, timeZone } : null;
}
