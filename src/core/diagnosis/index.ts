// "Why was my code refused / where is my credit?": every cause that fits what was seen, most likely first,
// each with the evidence in plain words and the one thing to do about it.
import { addDays, dateInZone, daysBetween, isValidIsoDate, type IsoDate } from '../dates.ts';
import { localeOf, type Translate } from '../i18n.ts';
import { formatAmount } from '../money.ts';
import { REGION_CURRENCY } from '../terms/lexicon.ts';
import { computeProgress, LONGEST_ARRIVAL_DAYS, type Progress } from '../progress.ts';
import {
  EMPTY_TERMS,
  type CasePromotion,
  type Diagnosis,
  type DiagnosisCase,
  type Lifecycle,
  type PagePromotion,
  type PageSnapshot,
  type PromotionTerms,
  type Reason,
  type ReasonId,
} from '../schemas.ts';
import { checkCode } from './code.ts';
import { readRefusal, type RefusalCause } from './errors.ts';

export interface RedeemHistory {
  /** Codes this advertiser has redeemed before: the format a new code should have, and repeats. */
  redeemedCodes?: string[];
}

/** How the evidence and fixes speak: words from the translator, amounts and dates in its locale. */
interface Voice {
  t: Translate;
  money: (value: number) => string;
  day: (iso: IsoDate) => string;
}

function voiceFor(t: Translate, currency: string | null): Voice {
  const locale = localeOf(t);
  let dates: Intl.DateTimeFormat;
  try {
    dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  } catch {
    dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  }
  const safeCurrency = currency && /^[A-Z]{3}$/.test(currency) ? currency : null;
  return {
    t,
    money: (value) => formatAmount(value, safeCurrency, locale),
    day: (iso) => dates.format(Date.parse(`${iso}T00:00:00Z`)),
  };
}

/** The time zone the case's days are counted in: a case carries an instant, not a zone. */
const CASE_TIME_ZONE = 'UTC';

const FIX_FOR_REFUSAL: Record<RefusalCause, string> = {
  'code-typo': 'diag_fix_codeTypo',
  'code-expired': 'diag_fix_codeExpired',
  'already-redeemed': 'diag_fix_alreadyRedeemed',
  'not-recipient': 'diag_fix_notRecipient',
  'usage-limit': 'diag_fix_usageLimit',
  'not-eligible-new-advertiser': 'diag_fix_newAdvertiser',
  'not-eligible-region': 'diag_fix_region',
  'not-eligible-account-type': 'diag_fix_accountType',
  'payment-setup': 'diag_fix_paymentSetup',
};

const validDate = (d: string | null | undefined): IsoDate | null => (d && isValidIsoDate(d) ? d : null);

/** Dates that look like dates but are not on the calendar (2026-02-30) are dropped rather than trusted. */
function cleanPromotion(p: CasePromotion): CasePromotion {
  return {
    ...p,
    spendDeadline: validDate(p.spendDeadline),
    activateBy: validDate(p.activateBy),
    creditExpiry: validDate(p.creditExpiry),
    activatedOn: validDate(p.activatedOn),
    metOn: validDate(p.metOn),
  };
}

function todayOf(now: string): IsoDate | null {
  return Number.isNaN(Date.parse(now)) ? null : dateInZone(now, CASE_TIME_ZONE);
}

export function diagnose(c: DiagnosisCase, t: Translate, history: RedeemHistory = {}): Diagnosis {
  const snapshot = c.snapshot ?? null;
  const promotion = c.promotion ? cleanPromotion(c.promotion) : null;
  const v = voiceFor(t, promotion?.currency ?? snapshot?.currency ?? null);
  const today = todayOf(c.now);
  const code = c.code ?? snapshot?.redeem?.code ?? null;
  const error = (c.error ?? snapshot?.redeem?.error ?? '').trim() || null;
  const lang = c.lang ?? snapshot?.lang ?? null;

  const found: Reason[] = [];
  if (error !== null || code !== null) {
    found.push(...refusalReasons({ code, error, lang, snapshot, promotion, today, history }, v));
  }
  if (error === null && today !== null) {
    found.push(...creditReasons(promotion, snapshot, c.now, today, v));
  }
  const reasons = rank(found);
  return {
    reasons: reasons.length > 0 ? reasons : [unknownReason(error, code, snapshot, v)],
  };
}

// ---------------------------------------------------------------- a refused code

interface Attempt {
  code: string | null;
  error: string | null;
  lang: string | null;
  snapshot: PageSnapshot | null;
  promotion: CasePromotion | null;
  today: IsoDate | null;
  history: RedeemHistory;
}

function refusalReasons(a: Attempt, v: Voice): Reason[] {
  const { t } = v;
  const reasons: Reason[] = [];
  const refusal = a.error ? readRefusal(a.error, a.lang) : null;
  if (refusal && a.error) {
    reasons.push({
      id: refusal.cause,
      likelihood: refusal.exact ? 0.9 : 0.75,
      evidence: [t(refusal.exact ? 'diag_ev_pageSaid' : 'diag_ev_pageSaidLike', [a.error])],
      fix: t(FIX_FOR_REFUSAL[refusal.cause]),
    });
  }

  if (a.code !== null) {
    const previous = a.history.redeemedCodes ?? [];
    const check = checkCode(a.code, previous);
    // A typo makes a code unknown; a refusal that names another cause makes a typo less likely.
    const scale = !refusal || refusal.cause === 'code-typo' ? 1 : 0.5;
    if (check.findings.length > 0) {
      // What was seen in the code leads the page's "invalid", so its concrete fix is the one shown.
      const pageSaysTypo = refusal?.cause === 'code-typo' ? (refusal.exact ? 0.9 : 0.75) + 0.03 : 0;
      reasons.push({
        id: 'code-typo',
        likelihood: Math.max(pageSaysTypo, ...check.findings.map((f) => f.weight * scale)),
        evidence: check.findings.map((f) => t(f.key, f.substitutions)),
        fix:
          check.corrected === null
            ? t('diag_fix_checkCharacters', [check.ambiguous.join(', ')])
            : t('diag_fix_typeCode', [check.corrected]),
      });
    }
    const normal = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
    if (previous.some((p) => normal(p) === normal(a.code!))) {
      reasons.push({
        id: 'already-redeemed',
        likelihood: 0.8,
        evidence: [t('diag_ev_redeemedBefore')],
        fix: t('diag_fix_alreadyRedeemed'),
      });
    }
  }

  const p = a.promotion;
  if (p && a.today !== null) {
    if (p.activateBy && p.activateBy < a.today && !p.activatedOn) {
      reasons.push({
        id: 'code-expired',
        likelihood: 0.85,
        evidence: [t('diag_ev_activateByPassed', [v.day(p.activateBy), v.day(a.today)])],
        fix: t('diag_fix_codeExpired'),
      });
    }
    if (p.creditExpiry && p.creditExpiry < a.today) {
      reasons.push({
        id: 'code-expired',
        likelihood: 0.6,
        evidence: [t('diag_ev_offerEnded', [v.day(p.creditExpiry)])],
        fix: t('diag_fix_codeExpired'),
      });
    }
  }
  if (p?.onePerAdvertiser && p.amount !== null) {
    const same = a.snapshot?.promotions.find((row) => row.amount === p.amount && row.redeemedOn);
    if (same?.redeemedOn) {
      reasons.push({
        id: 'already-redeemed',
        likelihood: 0.5,
        evidence: [t('diag_ev_sameOfferOnAccount', [v.money(p.amount), v.day(same.redeemedOn)])],
        fix: t('diag_fix_alreadyRedeemed'),
      });
    }
  }
  reasons.push(...eligibilityReasons(p, a.snapshot, refusal === null ? 0.6 : 0.5, v));
  return reasons;
}

// A currency at home in the regions of the one region table tells where an account is billed.
const HOME_OF_CURRENCY: Record<string, string[]> = {};
for (const [region, currency] of Object.entries(REGION_CURRENCY))
  (HOME_OF_CURRENCY[currency] ??= []).push(region);

function eligibilityReasons(
  p: CasePromotion | null,
  snapshot: PageSnapshot | null,
  weight: number,
  v: Voice,
): Reason[] {
  const { t } = v;
  const reasons: Reason[] = [];
  const accountCurrency = snapshot?.currency ?? null;
  if (p && accountCurrency) {
    const homes = HOME_OF_CURRENCY[accountCurrency];
    const outsideRegions =
      p.regions.length > 0 && homes !== undefined && !homes.some((r) => p.regions.includes(r));
    const otherCurrency = p.currency !== null && p.currency !== accountCurrency;
    if (outsideRegions || otherCurrency) {
      const evidence: string[] = [];
      if (p.regions.length > 0) {
        evidence.push(t('diag_ev_offerRegions', [p.regions.join(', ')]));
      }
      evidence.push(
        otherCurrency
          ? t('diag_ev_currencyDiffers', [p.currency!, accountCurrency])
          : t('diag_ev_accountCurrency', [accountCurrency]),
      );
      reasons.push({
        id: 'not-eligible-region',
        likelihood: outsideRegions && otherCurrency ? weight + 0.2 : weight,
        evidence,
        fix: t('diag_fix_region'),
      });
    }
  }
  if (p?.newAdvertisersOnly && snapshot) {
    const history = accountHistory(snapshot);
    if (history.length > 0) {
      reasons.push({
        id: 'not-eligible-new-advertiser',
        likelihood: weight,
        evidence: [t('diag_ev_offerForNewAdvertisers'), ...history.map((h) => t(h.key, h.subs))],
        fix: t('diag_fix_newAdvertiser'),
      });
    }
  }
  return reasons;

  function accountHistory(s: PageSnapshot): Array<{ key: string; subs: string[] }> {
    const seen: Array<{ key: string; subs: string[] }> = [];
    const cash = s.balance?.cash ?? null;
    if (cash !== null && cash > 0) seen.push({ key: 'diag_ev_accountHasBalance', subs: [v.money(cash)] });
    const earlier = s.promotions.filter((row) => row.redeemedOn !== null).length;
    if (earlier > 0) seen.push({ key: 'diag_ev_accountHasPromotions', subs: [String(earlier)] });
    return seen;
  }
}

// ---------------------------------------------------------------- credit missing or unused

interface Subject {
  terms: PromotionTerms;
  status: Lifecycle | null;
  activatedOn: IsoDate | null;
  metOn: IsoDate | null;
  spent: number | null;
  row: PagePromotion | null;
  /** The account's cash plus credit balance as the page shows it; 0 means ads have nothing to spend. */
  accountFunds: number | null;
}

/** A page row carries only the amount and the minimum of its offer's terms. */
function termsOfRow(row: PagePromotion): PromotionTerms {
  return { ...EMPTY_TERMS, amount: row.amount, minSpend: row.minSpend };
}

const STATUS_OF_PAGE: Record<PagePromotion['status'], Lifecycle | null> = {
  earning: 'earning',
  processing: 'processing',
  available: 'available',
  used: 'used',
  expired: 'expired',
  invalid: 'rejected',
  unknown: null,
};

/** The page row that is this promotion: same amount, and where known the same minimum, date and kind. */
function matchingRow(p: CasePromotion, rows: PagePromotion[]): PagePromotion | null {
  const score = (row: PagePromotion): number => {
    if (p.amount !== null && row.amount !== null && p.amount !== row.amount) return -1;
    if (p.minSpend !== null && row.minSpend !== null && p.minSpend !== row.minSpend) return -1;
    let s = row.amount !== null && row.amount === p.amount ? 2 : 0;
    if (p.activatedOn && row.redeemedOn === p.activatedOn) s += 2;
    if (p.minSpend === null ? row.type !== 'conditional' : row.type === 'conditional') s += 1;
    return s;
  };
  let best: PagePromotion | null = null;
  let bestScore = 0;
  for (const row of rows) {
    const s = score(row);
    if (s > bestScore) [best, bestScore] = [row, s];
  }
  return best;
}

function creditReasons(
  promotion: CasePromotion | null,
  snapshot: PageSnapshot | null,
  now: string,
  today: IsoDate,
  v: Voice,
): Reason[] {
  const rows = snapshot?.promotions ?? [];
  const balance = snapshot?.balance ?? null;
  const accountFunds = balance?.total ?? (balance ? (balance.cash ?? 0) + (balance.credit ?? 0) : null);
  if (promotion) {
    const row = matchingRow(promotion, rows);
    return reasonsFor(
      {
        terms: promotion,
        status: promotion.status ?? null,
        activatedOn: promotion.activatedOn ?? row?.redeemedOn ?? null,
        metOn: promotion.metOn ?? null,
        spent: promotion.spent ?? row?.spent ?? null,
        row,
        accountFunds,
      },
      now,
      today,
      v,
      1,
    );
  }
  // No promotion named: every row on the page is a candidate, each a little less certain.
  return rows.flatMap((row) =>
    reasonsFor(
      {
        terms: termsOfRow(row),
        status: STATUS_OF_PAGE[row.status],
        activatedOn: row.redeemedOn,
        metOn: null,
        spent: row.spent,
        row,
        accountFunds,
      },
      now,
      today,
      v,
      0.85,
    ),
  );
}

function reasonsFor(s: Subject, now: string, today: IsoDate, v: Voice, certainty: number): Reason[] {
  const { t } = v;
  const progress = computeProgress({
    terms: s.terms,
    knownStatus: s.status,
    activatedOn: s.activatedOn,
    metOn: s.metOn,
    spent: s.spent,
    validUntil: validDate(s.row?.validUntil),
    unused: s.row?.unused ?? null,
    observations: [],
    now,
    timeZone: CASE_TIME_ZONE,
  });
  const reasons: Reason[] = [];
  const say = (id: ReasonId, likelihood: number, evidence: string[], fix: string): void => {
    reasons.push({ id, likelihood: likelihood * certainty, evidence, fix });
  };
  const name = s.row?.name ? [t('diag_ev_promotionNamed', [s.row.name])] : [];
  const minSpend = s.terms.minSpend;

  switch (progress.status) {
    case 'missed':
      say(
        'spend-window-missed',
        0.9,
        [
          ...name,
          ...spentSoFar(progress, minSpend, v),
          t('diag_ev_deadlinePassed', [v.day(progress.spendDeadline ?? today)]),
        ],
        t('diag_fix_windowMissed'),
      );
      break;
    case 'received':
    case 'activated':
    case 'earning':
      if (minSpend !== null && minSpend > 0) say(...minSpendNotMet(progress, minSpend, name, v));
      if ((progress.spent ?? 0) === 0 && progress.status !== 'received') {
        say('campaign-inactive', 0.5, [...name, t('diag_ev_noSpendYet')], t('diag_fix_startCampaign'));
        if (s.accountFunds === 0) {
          say('payment-setup', 0.35, [t('diag_ev_noFunds')], t('diag_fix_paymentSetup'));
        }
      }
      break;
    case 'processing':
      say(...processing(progress, s, today, name, v));
      break;
    case 'available':
      reasons.push(...unusedCredit(s, name, v, certainty));
      break;
    case 'expired':
      if (progress.creditExpiry) {
        say(
          'code-expired',
          0.6,
          [...name, t('diag_ev_creditExpired', [v.day(progress.creditExpiry)])],
          t('diag_fix_codeExpired'),
        );
      } else if (progress.activationDeadline) {
        say(
          'code-expired',
          0.7,
          [t('diag_ev_activateByPassed', [v.day(progress.activationDeadline), v.day(today)])],
          t('diag_fix_codeExpired'),
        );
      }
      break;
    default:
      break;
  }
  return reasons;
}

function spentSoFar(progress: Progress, minSpend: number | null, v: Voice): string[] {
  return progress.spent !== null && minSpend !== null
    ? [v.t('diag_ev_spentOfMinimum', [v.money(progress.spent), v.money(minSpend)])]
    : [];
}

function minSpendNotMet(
  progress: Progress,
  minSpend: number,
  name: string[],
  v: Voice,
): [ReasonId, number, string[], string] {
  const { t } = v;
  const evidence = [...name, ...spentSoFar(progress, minSpend, v)];
  const remaining = progress.remaining ?? minSpend;
  const deadline = progress.spendDeadline;
  if (deadline !== null && progress.daysToSpendDeadline !== null) {
    evidence.push(t('diag_ev_deadlineAhead', [v.day(deadline), progress.daysToSpendDeadline]));
  }
  if (progress.pace === 'at-risk' && progress.projectedMetOn) {
    evidence.push(t('diag_ev_paceTooSlow', [v.day(progress.projectedMetOn)]));
  }
  const fix =
    deadline !== null && progress.dailyNeeded !== null
      ? t('diag_fix_spendByDeadline', [v.money(remaining), v.day(deadline), v.money(progress.dailyNeeded)])
      : t('diag_fix_spendRemaining', [v.money(remaining)]);
  return ['min-spend-not-met', 0.85, evidence, fix];
}

function processing(
  progress: Progress,
  s: Subject,
  today: IsoDate,
  name: string[],
  v: Voice,
): [ReasonId, number, string[], string] {
  const { t } = v;
  const arrivalDays = s.terms.creditArrivalDays ?? LONGEST_ARRIVAL_DAYS;
  const evidence = [...name, ...spentSoFar(progress, s.terms.minSpend, v)];
  evidence.push(
    t(s.terms.creditArrivalDays === null ? 'diag_ev_arrivalAssumed' : 'diag_ev_arrivalTerms', [arrivalDays]),
  );
  // Without the day the minimum was met, it was met today at the latest: the latest the credit can be due.
  const dueBy = progress.creditDueBy ?? addDays(today, arrivalDays);
  if (daysBetween(today, dueBy) < 0) {
    evidence.push(t('diag_ev_creditOverdue', [v.day(dueBy)]));
    return ['processing-delay', 0.7, evidence, t('diag_fix_creditOverdue')];
  }
  if (progress.metOn) evidence.push(t('diag_ev_metOn', [v.day(progress.metOn)]));
  return ['processing-delay', 0.85, evidence, t('diag_fix_processingWait', [v.day(dueBy)])];
}

function unusedCredit(s: Subject, name: string[], v: Voice, certainty: number): Reason[] {
  const { t } = v;
  const row = s.row;
  if (row?.type === 'assignable' && row.assigned === false) {
    const amount = row.unused ?? row.amount;
    return [
      {
        id: 'coupon-unassigned',
        likelihood: 0.9 * certainty,
        evidence: [...name, t('diag_ev_notAssigned', [amount === null ? '' : v.money(amount)])],
        fix: t('diag_fix_assign'),
      },
    ];
  }
  const unused = row?.unused ?? null;
  const amount = row?.amount ?? s.terms.amount;
  if (unused !== null && unused > 0 && (amount === null || unused >= amount)) {
    return [
      {
        id: 'campaign-inactive',
        likelihood: 0.6 * certainty,
        evidence: [...name, t('diag_ev_creditUntouched', [v.money(unused)])],
        fix: t('diag_fix_startCampaign'),
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------- ranking

/** One reason per id: the strongest finding leads, the others add their evidence and a little weight. */
function rank(found: Reason[]): Reason[] {
  const byId = new Map<ReasonId, Reason[]>();
  for (const r of found) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const merged = [...byId.values()].map((group) => {
    const sorted = [...group].sort((a, b) => b.likelihood - a.likelihood);
    const lead = sorted[0]!;
    return {
      id: lead.id,
      likelihood: Math.min(0.99, lead.likelihood + 0.03 * (sorted.length - 1)),
      evidence: [...new Set(sorted.flatMap((r) => r.evidence))],
      fix: lead.fix,
    };
  });
  merged.sort((a, b) => b.likelihood - a.likelihood);
  // Distinct likelihoods, so the order is told by the numbers alone.
  let previous = 1;
  return merged.map((r) => {
    const likelihood = Math.max(0.01, Math.min(round(r.likelihood), round(previous - 0.01)));
    previous = likelihood;
    return { ...r, likelihood };
  });
}

const round = (x: number): number => Math.round(x * 100) / 100;

function unknownReason(
  error: string | null,
  code: string | null,
  snapshot: PageSnapshot | null,
  v: Voice,
): Reason {
  const { t } = v;
  return {
    id: 'unknown',
    likelihood: 0.3,
    evidence: [error ? t('diag_ev_unrecognisedMessage', [error]) : t('diag_ev_nothingExplains')],
    fix: t('diag_fix_unknown', [
      code?.trim() || t('diag_theCode'),
      snapshot?.accountId ?? t('diag_yourAccountId'),
    ]),
  };
}
