// The message an advertiser sends TikTok's support when a promotion went wrong: the deadline passed short of
// the minimum, or the minimum was met and the credit did not come. Everything support asks for first (code,
// ad account, dates, amounts) is in it, in the advertiser's language; what the extension does not know is
// left out rather than guessed.
import { formatDay } from './format.ts';
import { localeOf, type Translate } from './i18n.ts';
import { formatAmount } from './money.ts';
import type { Progress } from './progress.ts';
import type { PromotionRecord } from './schemas.ts';

export type SupportCase = 'missed' | 'credit-overdue';

/** Which case a promotion is, if any: the support message is offered only for these. */
export function supportCase(progress: Progress): SupportCase | null {
  if (progress.status === 'missed') return 'missed';
  return progress.creditOverdue ? 'credit-overdue' : null;
}

export function supportMessage(record: PromotionRecord, progress: Progress, t: Translate): string | null {
  const which = supportCase(progress);
  if (which === null) return null;
  const locale = localeOf(t);
  const money = (v: number) => formatAmount(v, record.terms.currency, locale);
  const day = (iso: string) => formatDay(iso, locale);
  const { amount, minSpend } = record.terms;
  const lines: Array<string | false> = [
    t('support_greeting'),
    '',
    t(which === 'missed' ? 'support_askMissed' : 'support_askOverdue'),
    '',
    record.name !== null && t('support_promotion', [record.name]),
    record.code !== null && t('support_code', [record.code]),
    t('support_account', [record.accountId ?? t('support_unknown')]),
    record.activatedOn !== null && t('support_redeemedOn', [day(record.activatedOn)]),
    amount !== null &&
      minSpend !== null &&
      minSpend > 0 &&
      t('support_offer', [money(amount), money(minSpend)]),
    progress.spendDeadline !== null && t('support_spendDeadline', [day(progress.spendDeadline)]),
    which === 'missed' && progress.spent !== null && t('support_spent', [money(progress.spent)]),
    progress.metOn !== null && t('support_metOn', [day(progress.metOn)]),
    which === 'credit-overdue' &&
      progress.creditDueBy !== null &&
      t('support_creditDueBy', [day(progress.creditDueBy)]),
    '',
    t('support_thanks'),
  ];
  return lines.filter((line): line is string => line !== false).join('\n');
}
