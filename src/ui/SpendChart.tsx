// Spend over time as a small inline SVG with its axes (the spend window's dates along the bottom, $0 and
// the minimum up the side), the minimum as a line, the even pace that reaches it by the deadline, and
// today; a legend says which line is which, and the chart's text equivalent says the same in words.
// Drawn by hand: a chart library would outweigh the whole popup.
import type { IsoDate, SpendObservation } from '../core/schemas.ts';
import { formatAmount } from '../core/money.ts';
import { formatDate } from './format.ts';
import { useI18n } from './i18n.tsx';

const W = 240;
const H = 84;
/** Room for the amounts at the left and the dates at the bottom. */
const LEFT = 34;
const RIGHT = 6;
const TOP = 6;
const BOTTOM = 14;
const DAY = 86_400_000;

export interface SpendChartProps {
  observations: readonly SpendObservation[];
  minSpend: number | null;
  currency: string | null;
  /** Where the spend window starts (activation) and ends (deadline), when known. */
  start: IsoDate | null;
  deadline: IsoDate | null;
  /** Today in the advertiser's calendar: marked when it falls inside the chart. */
  today: IsoDate;
}

const dayStart = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);
const isoOf = (at: number) => new Date(at).toISOString().slice(0, 10);

export function SpendChart(props: SpendChartProps) {
  const { t, locale } = useI18n();
  const points = [...props.observations]
    .map((o) => ({ at: Date.parse(o.at), spent: o.spent }))
    .sort((a, b) => a.at - b.at);
  const last = points[points.length - 1];
  if (!last) return null;

  const t0 = Math.min(props.start ? dayStart(props.start) : last.at, points[0]!.at);
  const t1 = Math.max(props.deadline ? dayStart(props.deadline) + DAY : last.at, last.at, t0 + DAY);
  const top = Math.max(props.minSpend ?? 0, ...points.map((p) => p.spent)) || 1;
  const x = (at: number) => LEFT + ((at - t0) / (t1 - t0)) * (W - LEFT - RIGHT);
  const y = (spent: number) => H - BOTTOM - (spent / top) * (H - TOP - BOTTOM);
  const line = points.map((p) => `${x(p.at).toFixed(1)},${y(p.spent).toFixed(1)}`).join(' ');
  const money = (v: number) => formatAmount(v, props.currency, locale);
  // Noon of today: the middle of its day on a time axis of whole days.
  const todayAt = dayStart(props.today) + DAY / 2;
  const showToday = todayAt >= t0 && todayAt <= t1;
  const pace = props.minSpend !== null && props.start !== null && props.deadline !== null;

  const summary = t('ui_chartSummary', [money(last.spent), formatDate(isoOf(last.at), locale)]);
  return (
    <figure class="chart-figure">
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        <g class="chart-axes" aria-hidden="true">
          <line x1={LEFT} x2={LEFT} y1={TOP} y2={H - BOTTOM} />
          <line x1={LEFT} x2={W - RIGHT} y1={H - BOTTOM} y2={H - BOTTOM} />
          <text class="chart-tick" x={LEFT - 3} y={y(0)} text-anchor="end" dominant-baseline="middle">
            {money(0)}
          </text>
          <text class="chart-tick" x={LEFT - 3} y={y(top)} text-anchor="end" dominant-baseline="middle">
            {money(top)}
          </text>
          <text class="chart-tick" x={LEFT} y={H - 2} text-anchor="start">
            {formatDate(isoOf(t0), locale)}
          </text>
          <text class="chart-tick" x={W - RIGHT} y={H - 2} text-anchor="end">
            {formatDate(isoOf(t1 - 1), locale)}
          </text>
        </g>
        {props.minSpend !== null && (
          <line class="chart-goal" x1={LEFT} x2={W - RIGHT} y1={y(props.minSpend)} y2={y(props.minSpend)} />
        )}
        {pace && <line class="chart-pace" x1={x(t0)} y1={y(0)} x2={x(t1)} y2={y(props.minSpend!)} />}
        {showToday && <line class="chart-today" x1={x(todayAt)} x2={x(todayAt)} y1={TOP} y2={H - BOTTOM} />}
        <polyline class="chart-spend" points={points.length === 1 ? `${x(t0)},${y(0)} ${line}` : line} />
      </svg>
      <figcaption>
        <ul class="chart-legend">
          <li class="legend-spend">{t('ui_chartSpent')}</li>
          {props.minSpend !== null && (
            <li class="legend-goal">{t('ui_chartGoal', [money(props.minSpend)])}</li>
          )}
          {pace && <li class="legend-pace">{t('ui_chartPace')}</li>}
          {showToday && <li class="legend-today">{t('ui_chartToday')}</li>}
        </ul>
      </figcaption>
    </figure>
  );
}
