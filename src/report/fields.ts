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

/** The field names the reader's warnings use, as the review names those fields. */
const FIELD_KEYS: Record<string, string> = {
  'Account balance': 'report_f_balanceTotal',
  'Cash balance': 'report_f_balanceCash',
  'Ad credit': 'report_f_balanceCredit',
  'account id': 'report_f_accountId',
  currency: 'report_f_currency',
  Name: 'report_f_name',
  'Credit type': 'report_f_type',
  Status: 'report_f_status',
  Amount: 'report_f_amount',
  'Unused amount': 'report_f_unused',
  'Redeemed date': 'report_f_redeemedOn',
};

/** Why a labelled value was left empty, as the reader says it, and what of it goes in the message. */
const PROBLEM_FORMS: Array<[RegExp, string]> = [
  [/^no value (?:next to|of its own beside) the label$/, 'report_p_noValue'],
  [
    /^(?:several values beside the label|a value on each side of the label)(?: \((.+)\))?$/,
    'report_p_severalValues',
  ],
  [/^the page shows several values \((.+)\)$/, 'report_p_severalValues'],
  [/^a row of labels and a row of values that do not line up$/, 'report_p_misaligned'],
  [
    /^the page lists several accounts and does not say which one is this account$/,
    'report_p_severalAccounts',
  ],
];

/**
 * The forms of the reader's warnings (English sentences, the core's contract) that the review says in the
 * advertiser's language: the form, its message, and how its parts become the message's substitutions.
 */
const WARNING_FORMS: Array<[RegExp, string, (m: RegExpExecArray, t: Translate) => string[]]> = [
  [/^balance: no balance labels found$/, 'report_w_noBalance', () => []],
  [/^balance: no '(.+)' label found$/, 'report_w_noLabel', (m, t) => [field(m[1]!, t)]],
  [
    /^(?:balance: '(.+)'|(account id|currency):) left empty: (.+)$/,
    'report_w_leftEmpty',
    (m, t) => [field(m[1] ?? m[2]!, t), problem(m[3]!, t)],
  ],
  [
    /^balance: account balance (\S+) is not cash (\S+) \+ ad credit (\S+); all three left empty$/,
    'report_w_balanceSum',
    (m) => [m[1]!, m[2]!, m[3]!],
  ],
  [/^promotions table: no table with promotion column headers$/, 'report_w_noTable', () => []],
  [/^promotions table: no '(.+)' column found$/, 'report_w_noColumn', (m, t) => [field(m[1]!, t)]],
  [
    /^promotions table: row (\d+): 'Unused amount' (\S+) is more than the amount (\S+); left empty$/,
    'report_w_unusedOver',
    (m) => [m[1]!, m[2]!, m[3]!],
  ],
  [
    /^promotions table: row (\d+): progress goal (\S+) differs from the usage requirement (\S+);/,
    'report_w_goalDiffers',
    (m) => [m[1]!, m[2]!, m[3]!],
  ],
  [/^currency: several currencies shown \((.+)\)$/, 'report_w_severalCurrencies', (m) => [m[1]!]],
  [/^currency: amounts show a bare "\$", which several currencies use$/, 'report_w_bareDollar', () => []],
  [/^currency: the page shows no account currency$/, 'report_w_noCurrency', () => []],
  [/^no glossary wording matched this page$/, 'report_w_noWording', () => []],
];

const field = (name: string, t: Translate) => (FIELD_KEYS[name] ? t(FIELD_KEYS[name]) : name);
function problem(text: string, t: Translate): string {
  for (const [form, key] of PROBLEM_FORMS) {
    const m = form.exec(text);
    // The values the page showed stay as the reader wrote them, after the reason.
    if (m) return m[1] ? `${t(key)}: ${m[1]}` : t(key);
  }
  return text;
}

/**
 * A warning of the reader in the advertiser's language ("balance: no 'Cash balance' label found" →
 * "Balance: cash: no label for it on the page"); a form the review does not know stays in English, as the
 * reader wrote it, capitalised.
 */
export function localWarning(warning: string, t: Translate): string {
  for (const [form, key, parts] of WARNING_FORMS) {
    const m = form.exec(warning);
    if (m) return t(key, parts(m, t));
  }
  return warning.charAt(0).toLocaleUpperCase() + warning.slice(1);
}
