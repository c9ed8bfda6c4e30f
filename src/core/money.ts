// Amounts as values: exact minor units, the currency's decimals, and amounts written for the advertiser.
// Finding and reading amounts in a page's or an offer's text is ./amount-text.ts: the popup's first
// cards format amounts and never read one, so this module stays the small part they load.
import { safeLocale } from './locale.ts';

/** An exact amount: value = minor / 10**exponent, so sums of minor units never drift. */
export interface Amount {
  minor: number;
  exponent: number;
  currency: string | null;
}

// Intl says two decimals for these, but TikTok Ads Manager shows none.
const MINOR_DIGIT_OVERRIDES: Record<string, number> = { IDR: 0, VND: 0 };

// Keyed by the code as asked, so the amounts of a page ask one lookup each, not an upper-casing first.
const minorDigitsCache = new Map<string, number>();

export function minorDigits(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits !== undefined) return digits;
  const code = currency.toUpperCase();
  digits = MINOR_DIGIT_OVERRIDES[code];
  if (digits === undefined) {
    digits = 2;
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      // Not a currency Intl knows: two decimals is what most of the world uses.
    }
  }
  minorDigitsCache.set(currency, digits);
  return digits;
}

/**
 * The amount in major units, as near as a double gets. For up to 22 decimals minor and 10^exponent are
 * both exact doubles, so one division rounds the exact quotient once: the double parsing the decimal
 * text would give, without building the text (the reader converts several amounts per row).
 */
export function toMajor(a: Amount): number {
  const power = POWERS_OF_TEN[a.exponent];
  return power !== undefined ? a.minor / power : Number(`${a.minor}e-${a.exponent}`);
}

/** An amount in major units; null for none, and for digits too long to be a number. */
export function major(a: Amount | null | undefined): number | null {
  const v = a ? toMajor(a) : null;
  return v !== null && Number.isFinite(v) ? v : null;
}

/** 10^0 … 10^22: the powers of ten a double holds exactly. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

const formatters = new Map<string, Intl.NumberFormat>();

// Building a NumberFormat costs far more than formatting with one; a popup formats thousands of amounts.
export function formatAmount(value: number, currency: string | null, locale: string): string {
  const loc = safeLocale(locale);
  const key = `${loc}|${currency ?? ''}`;
  let format = formatters.get(key);
  if (!format) {
    const digits = currency ? minorDigits(currency) : 0;
    format = currency
      ? new Intl.NumberFormat(loc, {
          style: 'currency',
          currency,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        })
      : new Intl.NumberFormat(loc, { maximumFractionDigits: 2 });
    formatters.set(key, format);
  }
  return format.format(value);
}
