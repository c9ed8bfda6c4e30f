// The add/edit form's values as typed, and the zod schema that turns them into a promotion draft or into
// one message key per invalid field. Amounts are read the way the user's locale writes them.
import type { PromotionDraft } from '../core/messages.ts';
import * as z from 'zod/mini';
import { parseAmount } from '../core/amount-text.ts';
import { isValidIsoDate } from '../core/dates.ts';
import { toMajor } from '../core/money.ts';
import { IsoDate, PromotionTerms, type PromotionRecord } from '../core/schemas.ts';

/**
 * The most of a pasted offer the form reads: an offer's terms fit in a few thousand characters, and a
 * larger paste (a whole mailbox, a web page) would keep the popup busy for nothing. The parser itself is
 * linear, so the limit only bounds the wait; the form says when it applies.
 */
export const OFFER_READ_LIMIT = 20_000;

/** How long typing must pause before the offer is read again, so keystrokes never wait on a reading. */
export const OFFER_READ_DELAY_MS = 300;

/** The part of a pasted offer the form reads, and whether the limit cut it. */
export function offerToRead(text: string): { text: string; capped: boolean } {
  return text.length > OFFER_READ_LIMIT
    ? { text: text.slice(0, OFFER_READ_LIMIT), capped: true }
    : { text, capped: false };
}

/** Term fields the user can correct after the offer text is read; the rest are kept from the reading. */
export const TERM_FIELDS = [
  'amount',
  'currency',
  'minSpend',
  'spendWindowDays',
  'spendDeadline',
  'activateBy',
  'creditValidityDays',
  'creditExpiry',
] as const;
export type TermField = (typeof TERM_FIELDS)[number];

export const IDENTITY_FIELDS = ['code', 'accountId', 'receivedOn', 'name'] as const;
export type FormField = (typeof IDENTITY_FIELDS)[number] | TermField;
export type FormValues = Record<FormField, string>;

export type { PromotionDraft };

export function valuesFrom(record: PromotionRecord | null, today: IsoDate): FormValues {
  const terms = record?.terms;
  const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    code: str(record?.code),
    accountId: str(record?.accountId),
    receivedOn: record ? str(record.receivedOn) : today,
    name: str(record?.name),
    amount: str(terms?.amount),
    currency: str(terms?.currency),
    minSpend: str(terms?.minSpend),
    spendWindowDays: str(terms?.spendWindowDays),
    spendDeadline: str(terms?.spendDeadline),
    activateBy: str(terms?.activateBy),
    creditValidityDays: str(terms?.creditValidityDays),
    creditExpiry: str(terms?.creditExpiry),
  };
}

/** The editable term fields as the form shows them, from terms read out of an offer's text. */
export function termValues(terms: PromotionTerms): Record<TermField, string> {
  const out = {} as Record<TermField, string>;
  for (const f of TERM_FIELDS) out[f] = terms[f] === null ? '' : String(terms[f]);
  return out;
}

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

const blankToNull = (s: string) => (s === '' ? null : s);
const text = () => z.string().check(z.trim());
const optionalText = () => z.pipe(text(), z.transform(blankToNull));

function amount(locale: string) {
  const read = (s: string) => {
    const a = parseAmount(s, locale);
    return a && a.currency === null ? toMajor(a) : null;
  };
  return z.pipe(
    text().check(z.refine((s) => s === '' || (read(s) ?? -1) >= 0, { error: 'popup_errAmount' })),
    z.transform((s: string) => (s === '' ? null : read(s))),
  );
}

const days = () =>
  z.pipe(
    text().check(
      z.refine((s) => s === '' || (/^\d{1,4}$/.test(s) && Number(s) >= 1 && Number(s) <= 3650), {
        error: 'popup_errDays',
      }),
    ),
    z.transform((s: string) => (s === '' ? null : Number(s))),
  );

const date = () =>
  z.pipe(
    text().check(z.refine((s) => s === '' || isValidIsoDate(s), { error: 'popup_errDate' })),
    z.transform(blankToNull),
  );

/**
 * `isNew`: code, account and received date identify a new promotion and are required; an existing one
 * keeps its identity (it is the key the worker stores it under).
 */
export function formSchema(locale: string, isNew: boolean, base: PromotionTerms) {
  const fields = z
    .object({
      code: isNew ? text().check(z.regex(/^\S+$/, { error: 'popup_errCode' })) : optionalText(),
      accountId: isNew ? text().check(z.regex(/^\d{4,32}$/, { error: 'popup_errAccount' })) : optionalText(),
      receivedOn: isNew ? text().check(z.refine(isValidIsoDate, { error: 'popup_errReceived' })) : date(),
      name: optionalText(),
      amount: amount(locale),
      currency: z.pipe(
        text().check(
          z.toUpperCase(),
          z.refine((s) => s === '' || CURRENCIES.has(s), { error: 'popup_errCurrency' }),
        ),
        z.transform(blankToNull),
      ),
      minSpend: amount(locale),
      spendWindowDays: days(),
      spendDeadline: date(),
      activateBy: date(),
      creditValidityDays: days(),
      creditExpiry: date(),
    })
    .check(
      z.superRefine((v, ctx) => {
        const received = v.receivedOn;
        if (received && v.spendDeadline && v.spendDeadline < received) {
          ctx.addIssue({ code: 'custom', path: ['spendDeadline'], message: 'popup_errBeforeReceived' });
        }
        if (received && v.activateBy && v.activateBy < received) {
          ctx.addIssue({ code: 'custom', path: ['activateBy'], message: 'popup_errBeforeReceived' });
        }
      }),
    );
  type Fields = z.output<typeof fields>;
  return z.pipe(
    z.pipe(
      fields,
      z.transform((v: Fields): PromotionDraft => ({
        code: v.code === '' ? null : v.code,
        accountId: v.accountId === '' ? null : v.accountId,
        receivedOn: v.receivedOn === '' ? null : v.receivedOn,
        name: v.name,
        terms: {
          ...base,
          amount: v.amount,
          currency: v.currency,
          minSpend: v.minSpend,
          spendWindowDays: v.spendWindowDays,
          spendDeadline: v.spendDeadline,
          activateBy: v.activateBy,
          creditValidityDays: v.creditValidityDays,
          creditExpiry: v.creditExpiry,
        },
      })),
    ),
    z.object({
      code: z.nullable(z.string()),
      accountId: z.nullable(z.string()),
      receivedOn: z.nullable(IsoDate),
      name: z.nullable(z.string()),
      terms: PromotionTerms,
    }),
  );
}

export type FormErrors = Partial<Record<FormField, string>>;

export type Validated = { ok: true; draft: PromotionDraft } | { ok: false; errors: FormErrors };

/** Every field checked at once, so each error can sit beside its field; the first issue per field wins. */
export function validateForm(
  values: FormValues,
  locale: string,
  isNew: boolean,
  base: PromotionTerms,
): Validated {
  const result = formSchema(locale, isNew, base).safeParse(values);
  if (result.success) return { ok: true, draft: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as FormField | undefined;
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
