// A determinate progress bar that screen readers announce with its value in words, not just a number.
import { useI18n } from './i18n.tsx';
import { formatPercent } from './format.ts';

export function ProgressBar(props: { fraction: number; label: string; valueText: string }) {
  const { locale } = useI18n();
  const clamped = Math.min(1, Math.max(0, props.fraction));
  const percent = Math.round(clamped * 100);
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={props.valueText}
      >
        <div class="progress-fill" style={{ width: `${clamped * 100}%` }} />
      </div>
      <span class="progress-percent" aria-hidden="true">
        {formatPercent(clamped, locale)}
      </span>
    </div>
  );
}
