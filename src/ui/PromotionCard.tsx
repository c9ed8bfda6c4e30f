// One kept promotion: what it is worth, how far the spend has come, what is due when, and what to do next.
import { useId, useRef, useState } from 'preact/hooks';
import { daysBetween } from '../core/dates.ts';
import { openDeadlines, type Deadline } from '../core/deadlines.ts';
import type { Lifecycle, PromotionRecord } from '../core/schemas.ts';
import { DaysLeft } from './DaysLeft.tsx';
import { formatAmount } from '../core/money.ts';
import { formatDate, formatDateTime, formatPercent } from './format.ts';
import { useI18n } from './i18n.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { supportMessage } from '../core/support.ts';
import {
  nextAction,
  shownStatus,
  tier,
  type Item,
  type NextAction,
  type ShownStatus,
} from '../core/urgency.ts';
import { lazyPart } from './lazy.tsx';

/**
 * The chart only draws what the card says in words: it loads after the popup's first cards (and the
 * popup preloads it with the full read), so they are not held back by it.
 */
export const SpendChart = lazyPart(() => import('./SpendChart.tsx').then((m) => m.SpendChart), {
  quiet: true,
});

export const STATUS_KEY: Record<ShownStatus, string> = {
  received: 'ui_statusReceived',
  activated: 'ui_statusActivated',
  'terms-unknown': 'ui_statusTermsUnknown',
  earning: 'ui_statusEarning',
  processing: 'ui_statusProcessing',
  available: 'ui_statusAvailable',
  used: 'ui_statusUsed',
  expired: 'ui_statusExpired',
  rejected: 'ui_statusRejected',
  missed: 'ui_statusMissed',
};

const NEXT_KEY: Record<NextAction, string> = {
  'paste-terms': 'popup_nextPasteTerms',
  'retry-code': 'popup_nextRetryCode',
  activate: 'popup_nextActivate',
  spend: 'popup_nextSpend',
  'see-credit': 'popup_nextSeeCredit',
  'credit-overdue': 'popup_nextCreditOverdue',
  'wait-credit': 'popup_nextWaitCredit',
  assign: 'popup_nextAssign',
  'use-credit': 'popup_nextUseCredit',
  'ask-support': 'popup_nextAskSupport',
  'all-used': 'popup_nextAllUsed',
  ended: 'popup_nextEnded',
};

/** Steps that happen in Ads Manager: the card offers to open its billing page. */
const IN_ADS_MANAGER: ReadonlySet<NextAction> = new Set([
  'retry-code',
  'activate',
  'spend',
  'see-credit',
  'credit-overdue',
  'wait-credit',
  'assign',
  'use-credit',
  'ask-support',
]);

const DEADLINE_KEY: Record<Deadline['kind'], string> = {
  activation: 'ui_activateBy',
  spend: 'ui_spendDeadline',
  expiry: 'ui_creditExpiry',
};

const EARNING: ReadonlySet<Lifecycle> = new Set(['activated', 'earning']);
/** Once the credit is issued, the card tells the credit, not the spend that earned it. */
const ISSUED: ReadonlySet<Lifecycle> = new Set(['available', 'used']);

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
  const status = shownStatus(item);
  const issued = ISSUED.has(p.status);
  const support = supportMessage(record, p, t);

  return (
    <article class={`card tier-${tier(item)}`} aria-labelledby={titleId}>
      <header class="card-head">
        <h3 id={titleId} class="card-title">
          {record.name ?? record.code ?? t('ui_unnamedPromotion')}
        </h3>
        {amount !== null && <span class="card-amount">{money(amount)}</span>}
        <span class={`chip chip-${p.status}`}>{t(STATUS_KEY[status])}</span>
      </header>
      <p class="card-account">
        <AccountName record={record} />
        {record.code !== null && record.name !== null && ` · ${record.code}`}
      </p>

      {issued && amount !== null && <CreditLeft amount={amount} unused={record.unused} money={money} />}

      {!issued && minSpend !== null && minSpend > 0 && p.fraction !== null && (
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
      {EARNING.has(p.status) &&
        (p.dailyNeeded !== null || p.projectedMetOn !== null || p.noSpendSince !== null) && (
          <p class="card-pace">
            {p.dailyNeeded !== null && <span>{t('ui_dailyNeeded', [money(p.dailyNeeded)])}</span>}
            {p.projectedMetOn !== null && (
              <span>{t('ui_projectedMet', [formatDate(p.projectedMetOn, locale)])}</span>
            )}
            {p.noSpendSince !== null && (
              <span>{t('ui_noSpendSince', [formatDate(p.noSpendSince, locale)])}</span>
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
        <p class="next-text">{t(NEXT_KEY[next])}</p>
        {support !== null && <SupportMessage text={support} />}
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
            IN_ADS_MANAGER.has(next) && (
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
          {tier(item) < 2 && !item.snoozedUntil && (
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

/** Issued credit: how much is left and how much is used, when the page shows it. */
/**
 * The account as its pages name it, with the 19-digit id kept for the screen reader and the tooltip (the
 * id is what support asks for); the id alone when no page has shown the name yet.
 */
function AccountName(props: { record: PromotionRecord }) {
  const { t } = useI18n();
  const { accountId, accountName } = props.record;
  if (!accountName || accountId === null)
    return <>{t('ui_accountLabel', [accountName || accountId || t('ui_accountUnknown')])}</>;
  const full = t('ui_accountNamed', [accountName, accountId]);
  return (
    <span title={full}>
      <span aria-hidden="true">{t('ui_accountLabel', [accountName])}</span>
      <span class="visually-hidden">{full}</span>
    </span>
  );
}

function CreditLeft(props: { amount: number; unused: number | null; money: (v: number) => string }) {
  const { t } = useI18n();
  const { amount, unused, money } = props;
  if (unused === null) return <p class="card-spent">{t('ui_creditIssued', [money(amount)])}</p>;
  const left = Math.min(Math.max(unused, 0), amount);
  const fraction = amount > 0 ? left / amount : 0;
  return (
    <div class="card-progress">
      <ProgressBar
        fraction={fraction}
        label={t('ui_creditLeftLabel')}
        valueText={t('ui_creditLeft', [money(left), money(amount)])}
      />
      <p class="card-spent">
        {t('ui_creditLeft', [money(left), money(amount)])} · {t('ui_creditUsed', [money(amount - left)])}
      </p>
    </div>
  );
}

/** The ready message for TikTok's support, shown in full (the advertiser may edit it) with a copy button. */
function SupportMessage(props: { text: string }) {
  const { t } = useI18n();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setCopied(true);
    } catch {
      // No clipboard access: select the text so Ctrl+C copies it.
      area.current?.select();
    }
  };
  return (
    <div class="support">
      <label for={id}>{t('popup_supportMessage')}</label>
      <textarea id={id} ref={area} readOnly rows={6} value={props.text} />
      <button type="button" onClick={() => void copy()}>
        {t(copied ? 'popup_supportCopied' : 'popup_copySupport')}
      </button>
    </div>
  );
}
