// The five redemption steps as the billing page shows them right now.
import type { Checklist, StepState } from '../core/checklist.ts';
import { useI18n } from './i18n.tsx';

const STATE_KEY: Record<StepState, string> = {
  done: 'ui_stepDone',
  current: 'ui_stepCurrent',
  todo: 'ui_stepTodo',
  missed: 'ui_stepMissed',
};

const MARK: Record<StepState, string> = { done: '✓', current: '→', todo: '○', missed: '✗' };

export function ChecklistView(props: { checklist: Checklist }) {
  const { t } = useI18n();
  const { steps, current } = props.checklist;
  return (
    <section class="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('popup_redeemingNow')}</h2>
      <ol class="steps">
        {steps.map((step) => (
          <li
            key={step.id}
            class={`step step-${step.state}`}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <span class="step-mark" aria-hidden="true">
              {MARK[step.state]}
            </span>
            <span class="step-body">
              <span class="step-title">{t(step.titleKey)}</span>
              <span class="visually-hidden"> ({t(STATE_KEY[step.state])})</span>
              {step.instructionKey !== null && <span class="step-do">{t(step.instructionKey)}</span>}
              {step.state === 'current' && step.pitfallKeys.length > 0 && (
                <ul class="pitfalls">
                  {step.pitfallKeys.map((k) => (
                    <li key={k}>{t(k)}</li>
                  ))}
                </ul>
              )}
            </span>
          </li>
        ))}
      </ol>
      {current === null && steps.every((s) => s.state === 'done') && (
        <p class="step-done-all">{t('steps_allDone')}</p>
      )}
    </section>
  );
}
