// "in 3 days" with the exact date on hover and on keyboard focus: the tooltip is a real element the
// label points at (aria-describedby), so it is read out too.
import { useId } from 'preact/hooks';
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
  const id = useId();
  return (
    <span
      class={props.days < 0 || props.overdue ? 'days days-past' : 'days'}
      tabIndex={0}
      aria-describedby={id}
    >
      <span class="days-label">{props.label}</span> <strong>{relativeDays(props.days, locale)}</strong>
      <span class="tooltip" role="tooltip" id={id}>
        {formatDate(props.date, locale, 'full')}
      </span>
    </span>
  );
}
