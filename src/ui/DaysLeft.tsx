// "in 3 days" with the exact date on hover and on keyboard focus: the tooltip is a real element the
// label points at (aria-describedby), so it is read out too.
import { useId } from 'preact/hooks';
import type { IsoDate } from '../core/schemas.ts';
import { formatDate } from './format.ts';
import { useI18n } from './i18n.tsx';

export function relativeDays(days: number, locale: string): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
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
