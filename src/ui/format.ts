// Percentages and dates for display, always through Intl in the user's locale (amounts: core/money).
import type { IsoDate } from '../core/schemas.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

// Making an Intl formatter costs far more than formatting with one, and a list of cards formats
// hundreds of values: one formatter per locale and style.
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function formatPercent(fraction: number, locale: string): string {
  return cached(
    `percent|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(fraction);
}

/**
 * A calendar date. ISO dates name a day, not an instant: formatting them at UTC noon keeps every
 * time zone on the same day.
 */
export function formatDate(iso: IsoDate, locale: string, style: 'medium' | 'full' = 'medium'): string {
  return cached(
    `date|${locale}|${style}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }),
  ).format(new Date(`${iso}T12:00:00Z`));
}

export function formatDateTime(instant: string, locale: string, timeZone: string): string {
  return cached(
    `instant|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(new Date(instant));
}
