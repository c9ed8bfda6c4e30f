// One kept promotion: what it is worth, how far the spend has come, what is due when, and what to do next.
import { useId } from 'preact/hooks';
import { daysBetween } from '../core/dates.ts';
import { openDeadlines, type Deadline } from '../core/deadlines.ts';
import type { Lifecycle } from '../core/schemas.ts';
import { DaysLeft } from './DaysLeft.tsx';
import { formatAmount } from '../core/money.ts';
import { formatDate, formatDateTime, formatPercent } from './format.ts';
import { useI18n } from './i18n.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { nextAction, tier, type Item, type NextAction } from '../core/urgency.ts';
import { SpendChart } from './SpendChart.tsx';

export const STATUS_KEY: Record<Lifecycle, string> = {
  received: 'ui_statusReceived',
  activated: 'ui_statusActivated',
  earning: 'ui_statusEarning',
  processing: 'ui_statusProcessing',
  available: 'ui_statusAvailable',
  used: 'ui_statusUsed',
  expired: 'ui_statusExpired',
  rejected: 'ui_statusRejected',
  missed: 'ui_statusMissed',
};

const NEXT_KEY: Record<Exclude<NextAction, null>, string> = {
  'paste-terms': 'popup_nextPasteTerms',
  'retry-code': 'popup_nextRetryCode',
  activate: 'popup_nextActivate',
  spend: 'popup_nextSpend',
  'credit-overdue': 'popup_nextCreditOverdue',
  'wait-credit': 'popup_nextWaitCredit',
  assign: 'popup_nextAssign',
  'use-credit': 'popup_nextUseCredit',
};

const DEADLINE_KEY: Record<Deadline['kind'], string> = {
  activation: 'ui_activateBy',
  spend: 'ui_spendDeadline',
  expiry: 'ui_creditExpiry',
};

const EARNING: ReadonlySet<Lifecycle> = new Set(['activated', 'earning']);

export interface CardActions {
  openBilling(accountId: string | null): void;
  edit(item: Item): void;
  /** Pause this promotion's reminders for a day. */
  snooze(item: Item): void;
}

export function PromotionCard(props: { item: Item; actions: CardActions }) {
  const { t, locale, timeZone } = useI18n();
  const titleId = useId();
  const { item, actions } = props;
  const { record, progress: p } = item;
  const { currency, amount, minSpend } = record.terms;
  const money = (v: number) => formatAmount(v, currency, locale);
  const next = nextAction(item);
  const spent = p.spent ?? 0;

  return (
    <article class={`card tier-${tier(item)}`} aria-labelledby={titleId}>
      <header class="card-head">
        <h3 id={titleId} class="card-title">
          {record.name ?? record.code ?? t('ui_unnamedPromotion')}
        </h3>
        {amount !== null && <span class="card-amount">{money(amount)}</span>}
        <span class={`chip chip-${p.status}`}>{t(STATUS_KEY[p.status])}</span>
      </header>
      <p class="card-account">
        {t('ui_accountLabel', [record.accountId ?? t('ui_accountUnknown')])}
        {record.code !== null && record.name !== null && ` · ${record.code}`}
      </p>

      {minSpend !== null && p.fraction !== null && (
        <div class="card-progress">
          <ProgressBar
            fraction={p.fraction}
            label={t('ui_progressLabel')}
            valueText={t('ui_progressValue', [
              money(spent),
              money(minSpend),
              formatPercent(p.fraction, locale),
            ])}
          />
          <p class="card-spent">{t('ui_spentOf', [money(spent), money(minSpend)])}</p>
        </div>
      )}

      <div class="card-dates">
        {openDeadlines(p).map((d) => (
          <DaysLeft
            key={d.kind}
            label={t(DEADLINE_KEY[d.kind])}
            days={daysBetween(p.today, d.date)}
            date={d.date}
          />
        ))}
        {p.creditDueBy !== null && p.status === 'processing' && (
          <span class={p.creditOverdue ? 'days days-past' : 'days'}>
            {t(p.creditOverdue ? 'ui_creditOverdueSince' : 'ui_creditDueBy', [
              formatDate(p.creditDueBy, locale),
            ])}
          </span>
        )}
      </div>

      {/* Pace matters only while spend still counts toward the minimum. */}
      {EARNING.has(p.status) && (p.dailyNeeded !== null || p.projectedMetOn !== null) && (
        <p class="card-pace">
          {p.dailyNeeded !== null && <span>{t('ui_dailyNeeded', [money(p.dailyNeeded)])}</span>}
          {p.projectedMetOn !== null && (
            <span>{t('ui_projectedMet', [formatDate(p.projectedMetOn, locale)])}</span>
          )}
          {p.pace === 'at-risk' && <strong class="warn">{t('ui_paceAtRisk')}</strong>}
          {p.pace === 'cannot-make-it' && <strong class="warn">{t('ui_paceCannot')}</strong>}
        </p>
      )}

      {record.observations.length > 0 && (
        <SpendChart
          observations={record.observations}
          minSpend={minSpend}
          currency={currency}
          start={record.activatedOn}
          deadline={p.spendDeadline}
          today={p.today}
        />
      )}

      <div class="card-next">
        {next !== null && <p class="next-text">{t(NEXT_KEY[next])}</p>}
        <div class="actions">
          {next === 'paste-terms' ? (
            <button
              type="button"
              class="primary"
              aria-describedby={titleId}
              onClick={() => actions.edit(item)}
            >
              {t('popup_pasteTerms')}
            </button>
          ) : (
            next !== null && (
              <button
                type="button"
                class="primary"
                aria-describedby={titleId}
                onClick={() => actions.openBilling(record.accountId)}
              >
                {t('popup_openBilling')}
              </button>
            )
          )}
          {next !== 'paste-terms' && (
            <button type="button" aria-describedby={titleId} onClick={() => actions.edit(item)}>
              {t('popup_edit')}
            </button>
          )}
          {next !== null && !item.snoozedUntil && (
            <button type="button" aria-describedby={titleId} onClick={() => actions.snooze(item)}>
              {t('popup_snooze')}
            </button>
          )}
        </div>
        {item.snoozedUntil && (
          <p class="muted">
            {t('popup_snoozedUntil', [formatDateTime(item.snoozedUntil, locale, timeZone)])}
          </p>
        )}
      </div>
    </article>
  );
}
