// Changes a page asked for that would silence a kept promotion's reminders (core/store/guard.ts): each
// waits here until the advertiser applies it or keeps what was kept. Page text is shown as text.
import { useState } from 'preact/hooks';
import type { HeldChange } from '../core/store/layout.ts';
import type { Lifecycle } from '../core/schemas.ts';
import { useI18n } from './i18n.tsx';
import { STATUS_KEY } from './PromotionCard.tsx';

export function HeldChanges(props: {
  held: readonly HeldChange[];
  /** Resolves to null once answered, else to a message for the user. */
  answer(change: HeldChange, apply: boolean): Promise<string | null>;
}) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  if (props.held.length === 0) return null;
  const status = (s: string) => t(STATUS_KEY[s as Lifecycle] ?? s);
  return (
    <section class="held" aria-labelledby="held-title">
      <h2 id="held-title">{t('popup_heldTitle')}</h2>
      {failure !== null && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
      <ul>
        {props.held.map((h) => (
          <li key={h.key}>
            <p>
              <strong>{h.record.name ?? h.record.code ?? h.record.id}</strong>{' '}
              <span class="muted">{t('ui_accountLabel', [h.record.accountId ?? '—'])}</span>
            </p>
            <ul class="evidence">
              {h.reasons.map((r, i) => (
                <li key={i}>
                  {r.kind === 'date-jump'
                    ? t('popup_heldDate', [r.from, r.to])
                    : t('popup_heldStatus', [status(r.from), status(r.to)])}
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => void props.answer(h, true).then(setFailure)}>
              {t('popup_heldApply')}
            </button>{' '}
            <button
              type="button"
              class="primary"
              onClick={() => void props.answer(h, false).then(setFailure)}
            >
              {t('popup_heldKeep')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
