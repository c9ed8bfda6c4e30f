// Percentages and dates for display, always through Intl in the user's locale (amounts: core/money).

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

/** A calendar date: the same function reminders and support messages print dates with. */
export { formatDay as formatDate } from '../core/format.ts';

export function formatDateTime(instant: string, locale: string, timeZone: string): string {
  return cached(
    `instant|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(new Date(instant));
}
