// "Why did my code fail?": the ranked reasons for recent refusals, a by-hand diagnosis, and the checks
// for credit that has not appeared. Reasons come from core diagnosis; this only lays them out.
import { withoutLinks } from '../core/quote.ts';
import { useId, useState } from 'preact/hooks';
import type { Reason, ReasonId, RedeemAttempt } from '../core/schemas.ts';
import { formatDateTime, formatPercent } from './format.ts';
import { useI18n } from './i18n.tsx';
import type { Item } from '../core/urgency.ts';

const REASON_KEY: Record<ReasonId, string> = {
  'code-typo': 'ui_reasonCodeTypo',
  'code-expired': 'ui_reasonCodeExpired',
  'already-redeemed': 'ui_reasonAlreadyRedeemed',
  'not-recipient': 'ui_reasonNotRecipient',
  'usage-limit': 'ui_reasonUsageLimit',
  'not-eligible-new-advertiser': 'ui_reasonNewAdvertiser',
  'not-eligible-region': 'ui_reasonRegion',
  'not-eligible-account-type': 'ui_reasonAccountType',
  'payment-setup': 'ui_reasonPaymentSetup',
  'min-spend-not-met': 'ui_reasonMinSpend',
  'spend-window-missed': 'ui_reasonSpendWindow',
  'processing-delay': 'ui_reasonProcessing',
  'coupon-unassigned': 'ui_reasonUnassigned',
  'campaign-inactive': 'ui_reasonCampaignInactive',
  unknown: 'ui_reasonUnknown',
};

/** How many refused codes the popup keeps in view; older ones are history, not help. */
const RECENT_FAILURES = 5;

export function ReasonList(props: { reasons: readonly Reason[] }) {
  const { t, locale } = useI18n();
  if (props.reasons.length === 0) return <p class="muted">{t('ui_noReasons')}</p>;
  return (
    <ol class="reasons">
      {props.reasons.map((r) => (
        <li key={r.id} class="reason">
          <p class="reason-head">
            <strong>{t(REASON_KEY[r.id])}</strong>{' '}
            <span class="muted">{t('ui_likelihood', [formatPercent(r.likelihood, locale)])}</span>
          </p>
          {r.evidence.length > 0 && (
            <ul class="evidence" aria-label={t('ui_evidence')}>
              {r.evidence.map((e, i) => (
                <li key={i}>{withoutLinks(e, t('ui_linkRemoved'))}</li>
              ))}
            </ul>
          )}
          <p class="fix">
            <span class="fix-label">{t('ui_fix')}</span> {withoutLinks(r.fix, t('ui_linkRemoved'))}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function FailedAttempts(props: { attempts: readonly RedeemAttempt[] }) {
  const { t, locale, timeZone } = useI18n();
  const failed = props.attempts
    .filter((a) => !a.succeeded)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, RECENT_FAILURES);
  return (
    <section aria-labelledby="failed-title">
      <h3 id="failed-title">{t('popup_recentFailures')}</h3>
      {failed.length === 0 ? (
        <p class="muted">{t('popup_noFailures')}</p>
      ) : (
        <ul class="attempts">
          {failed.map((a) => (
            <li key={a.id} class="attempt">
              <p class="attempt-head">
                <code class="code">{a.code}</code>{' '}
                <span class="muted">
                  {formatDateTime(a.at, locale, timeZone)}
                  {a.accountId !== null && ` · ${t('ui_accountLabel', [a.accountId])}`}
                </span>
              </p>
              {a.error !== null && (
                <p class="attempt-error">
                  {t('popup_pageSaid', [withoutLinks(a.error, t('ui_linkRemoved'))])}
                </p>
              )}
              <ReasonList reasons={a.reasons} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DiagnoseForm(props: { diagnose(code: string, error: string): Reason[] }) {
  const { t } = useI18n();
  const codeId = useId();
  const errorId = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [reasons, setReasons] = useState<Reason[] | null>(null);
  return (
    <section aria-labelledby="diagnose-title">
      <h3 id="diagnose-title">{t('popup_diagnoseTitle')}</h3>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          setReasons(props.diagnose(code, error));
        }}
      >
        <div class="field">
          <label for={codeId}>{t('popup_diagnoseCode')}</label>
          {/* Spaces are kept as typed: stray spaces are one of the things the diagnosis looks for. */}
          <input
            id={codeId}
            value={code}
            spellcheck={false}
            autocomplete="off"
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={errorId}>{t('popup_diagnoseError')}</label>
          <textarea id={errorId} rows={2} value={error} onInput={(e) => setError(e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary" disabled={code.trim() === '' && error.trim() === ''}>
          {t('popup_diagnoseRun')}
        </button>
      </form>
      {reasons !== null && (
        <div aria-live="polite">
          <ReasonList reasons={reasons} />
        </div>
      )}
    </section>
  );
}

/** "Credit not applied" for each promotion still waiting for its credit; worked out only when opened. */
export function CreditChecks(props: { items: readonly Item[]; check(item: Item): Reason[] }) {
  const { t } = useI18n();
  const waiting = props.items.filter((i) =>
    ['activated', 'earning', 'processing'].includes(i.progress.status),
  );
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  return (
    <section aria-labelledby="credit-title">
      <h3 id="credit-title">{t('popup_creditChecksTitle')}</h3>
      {waiting.length === 0 ? (
        <p class="muted">{t('popup_creditChecksNone')}</p>
      ) : (
        waiting.map((item) => {
          const key = `${item.record.accountId ?? ''}/${item.record.id}`;
          return (
            <details
              key={key}
              class="check"
              onToggle={(e) => {
                const isOpen = e.currentTarget.open;
                setOpen((prev) => {
                  const next = new Set(prev);
                  if (isOpen) next.add(key);
                  else next.delete(key);
                  return next;
                });
              }}
            >
              <summary>
                {t('popup_creditCheckFor', [
                  item.record.name ?? item.record.code ?? t('ui_unnamedPromotion'),
                ])}
              </summary>
              {open.has(key) && <ReasonList reasons={props.check(item)} />}
            </details>
          );
        })
      )}
    </section>
  );
}
