// What the review page lists: every value of the snapshot, field by field, with the advertiser's words for it.
import type { Translate } from '../core/i18n.ts';
import type { PageSnapshot } from '../core/schemas.ts';

export interface ReadField {
  /** Where in the snapshot, as a report's corrections name it: "balance.total", "promotions.2.amount". */
  id: string;
  label: string;
  value: string | number | boolean | null;
}

const PROMOTION_FIELDS = [
  'name',
  'type',
  'status',
  'amount',
  'minSpend',
  'spent',
  'unused',
  'redeemedOn',
  'validFrom',
  'validUntil',
  'assigned',
] as const;

export function readFields(s: PageSnapshot, t: Translate): ReadField[] {
  const fields: ReadField[] = [
    { id: 'view', label: t('report_f_view'), value: s.view },
    { id: 'accountId', label: t('report_f_accountId'), value: s.accountId },
    { id: 'currency', label: t('report_f_currency'), value: s.currency },
  ];
  if (s.balance)
    fields.push(
      { id: 'balance.total', label: t('report_f_balanceTotal'), value: s.balance.total },
      { id: 'balance.cash', label: t('report_f_balanceCash'), value: s.balance.cash },
      { id: 'balance.credit', label: t('report_f_balanceCredit'), value: s.balance.credit },
    );
  s.promotions.forEach((p, i) => {
    for (const key of PROMOTION_FIELDS)
      fields.push({
        id: `promotions.${i}.${key}`,
        label: t('report_f_promotion', [String(i + 1), t(`report_f_${key}`)]),
        value: p[key],
      });
  });
  if (s.redeem)
    fields.push(
      { id: 'redeem.open', label: t('report_f_redeemOpen'), value: s.redeem.open },
      { id: 'redeem.code', label: t('report_f_redeemCode'), value: s.redeem.code },
      { id: 'redeem.error', label: t('report_f_redeemError'), value: s.redeem.error },
      { id: 'redeem.succeeded', label: t('report_f_redeemSucceeded'), value: s.redeem.succeeded },
    );
  return fields;
}

/** "balance: no 'Cash balance' label found" → "Balance: no 'Cash balance' label found". */
export function plainWarning(warning: string): string {
  return warning.charAt(0).toLocaleUpperCase() + warning.slice(1);
}
