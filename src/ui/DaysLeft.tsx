// "in 3 days · Dec 9, 2026": how near, and the date itself in plain sight (a date only on hover is one
// a phone, a screen reader or a glance at the popup never gets).
import type { IsoDate } from '../core/schemas.ts';
import { formatDate } from './format.ts';
import { useI18n } from './i18n.tsx';

const formats = new Map<string, Intl.RelativeTimeFormat>();

/** "tomorrow", "in 3 days", "2 days ago": plural rules and words from Intl, not from our messages. */
export function relativeDays(days: number, locale: string): string {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formats.set(locale, f);
  }
  return f.format(days, 'day');
}

export function DaysLeft(props: { label: string; days: number; date: IsoDate; overdue?: boolean }) {
  const { locale } = useI18n();
  return (
    <span class={props.days < 0 || props.overdue ? 'days days-past' : 'days'}>
      <span class="days-label">{props.label}</span> <strong>{relativeDays(props.days, locale)}</strong>
      <span class="days-date"> · {formatDate(props.date, locale)}</span>
    </span>
  );
}
