// Percentages and dates for display, always through Intl in the user's locale (amounts: core/money).
import type { IsoDate } from '../core/schemas.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/**
 * A calendar date. ISO dates name a day, not an instant: formatting them at UTC noon keeps every
 * time zone on the same day.
 */
export function formatDate(iso: IsoDate, locale: string, style: 'medium' | 'full' = 'medium'): string {
  const key = `d|${locale}|${style}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f.format(new Date(`${iso}T12:00:00Z`));
}

export function formatDateTime(instant: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
}
