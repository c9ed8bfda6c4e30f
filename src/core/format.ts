// Calendar dates for people, through Intl in their locale. In core because reminders and support messages
// print dates too; the UIs use the same function, so a date reads the same in a notification and a card.
import type { IsoDate } from './dates.ts';

// Making an Intl formatter costs far more than formatting with one: one per locale and style.
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date. ISO dates name a day, not an instant: formatting them at UTC noon keeps every time
 * zone on the same day.
 */
export function formatDay(iso: IsoDate, locale: string, style: 'medium' | 'full' = 'medium'): string {
  const key = `${locale}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format.format(new Date(`${iso}T12:00:00Z`));
}
