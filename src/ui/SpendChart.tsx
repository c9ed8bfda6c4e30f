// Spend over time as a small inline SVG: the recorded spend, the minimum as a line, and the even pace
// that reaches it by the deadline. Drawn by hand: a chart library would outweigh the whole popup.
import type { IsoDate, SpendObservation } from '../core/schemas.ts';
import { formatAmount } from '../core/money.ts';
import { formatDate } from './format.ts';
import { useI18n } from './i18n.tsx';

const W = 240;
const H = 60;
const PAD = 4;
const DAY = 86_400_000;

export interface SpendChartProps {
  observations: readonly SpendObservation[];
  minSpend: number | null;
  currency: string | null;
  /** Where the spend window starts (activation) and ends (deadline), when known. */
  start: IsoDate | null;
  deadline: IsoDate | null;
}

export function SpendChart(props: SpendChartProps) {
  const { t, locale } = useI18n();
  const points = [...props.observations]
    .map((o) => ({ at: Date.parse(o.at), spent: o.spent }))
    .sort((a, b) => a.at - b.at);
  const last = points[points.length - 1];
  if (!last) return null;

  const t0 = Math.min(props.start ? Date.parse(`${props.start}T00:00:00Z`) : last.at, points[0]!.at);
  const t1 = Math.max(
    props.deadline ? Date.parse(`${props.deadline}T00:00:00Z`) + DAY : last.at,
    last.at,
    t0 + DAY,
  );
  const top = Math.max(props.minSpend ?? 0, ...points.map((p) => p.spent)) || 1;
  const x = (at: number) => PAD + ((at - t0) / (t1 - t0)) * (W - 2 * PAD);
  const y = (spent: number) => H - PAD - (spent / top) * (H - 2 * PAD);
  const line = points.map((p) => `${x(p.at).toFixed(1)},${y(p.spent).toFixed(1)}`).join(' ');

  const summary = t('ui_chartSummary', [
    formatAmount(last.spent, props.currency, locale),
    formatDate(new Date(last.at).toISOString().slice(0, 10), locale),
  ]);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} preserveAspectRatio="none">
      <title>{summary}</title>
      {props.minSpend !== null && (
        <line class="chart-goal" x1={PAD} x2={W - PAD} y1={y(props.minSpend)} y2={y(props.minSpend)} />
      )}
      {props.minSpend !== null && props.start && props.deadline && (
        <line class="chart-pace" x1={x(t0)} y1={y(0)} x2={x(t1)} y2={y(props.minSpend)} />
      )}
      <polyline class="chart-spend" points={points.length === 1 ? `${x(t0)},${y(0)} ${line}` : line} />
    </svg>
  );
}
