// Offer text → PromotionTerms. Each number or date found is given a role by the phrase nearest to it
// (spend-words vs credit-words, activate vs arrive vs expire), never by where it sits in the text.
import { addDays, findDates, isValidIsoDate } from '../dates.ts';
import { currencyOf, findAmounts, toMajor, type FoundAmount } from '../money.ts';
import { EMPTY_TERMS, PromotionTerms } from '../schemas.ts';
import { cueMatcher, mentions, nearestRole, type CueMatcher, type Span } from './cues.ts';
import {
  LANGUAGES,
  LEXICONS,
  REGION_CURRENCY,
  type AmountRole,
  type Language,
  type TimeRole,
} from './lexicon.ts';
import { findPeriods } from './periods.ts';
import { regionsIn } from './regions.ts';
import { baseLanguage, clauses, detectLanguage, dropNoiseLines, sentences, spanAt } from './text.ts';

export interface ParseOptions {
  lang?: string | null;
  /** YYYY-MM-DD the offer arrived; turns "activate within 14 days" into a date. */
  received?: string | null;
}

interface Matchers {
  amount: CueMatcher<AmountRole>;
  time: CueMatcher<TimeRole>;
}

const matchers = new Map<string, Matchers>();

function matchersFor(langs: readonly Language[]): Matchers {
  const key = langs.join(',');
  let m = matchers.get(key);
  if (!m) {
    m = {
      amount: cueMatcher(langs, (l) => LEXICONS[l].amount),
      time: cueMatcher(langs, (l) => LEXICONS[l].time),
    };
    matchers.set(key, m);
  }
  return m;
}

/** Never throws: a text it cannot read gives terms that are all unknown. */
export function parseTerms(text: string, opts: ParseOptions = {}): PromotionTerms {
  try {
    const parsed = PromotionTerms.safeParse(read(String(text), opts));
    return parsed.success ? parsed.data : { ...EMPTY_TERMS, regions: [] };
  } catch {
    return { ...EMPTY_TERMS, regions: [] };
  }
}

function read(raw: string, opts: ParseOptions): PromotionTerms {
  const lang = baseLanguage(opts.lang) ?? detectLanguage(raw);
  // Separators and date order follow the full tag when given ("es-MX" writes 2,000 where "es" writes 2.000).
  const locale = lang && baseLanguage(opts.lang) === lang ? (opts.lang ?? lang) : lang;
  // English phrases turn up in every language's offers ("coupon", "TikTok Ads"); unknown text gets every table.
  const langs: Language[] = lang ? [...new Set<Language>([lang, 'en'])] : [...LANGUAGES];
  const text = dropNoiseLines(raw, langs);
  const { amount: amountCues, time: timeCues } = matchersFor(langs);

  const amounts = findAmounts(text, locale);
  const dates = findDates(text, locale);
  const periods = findPeriods(text, langs).filter((p) => !dates.some((d) => overlaps(p, d)));
  const keep = [...amounts, ...dates];
  const sentenceSpans = sentences(text, keep);
  const clauseSpans = clauses(text, keep);

  const roleOf = <R extends string>(
    matcher: CueMatcher<R>,
    target: Span,
    neighbours: readonly Span[],
  ): R | null => {
    for (const spans of [clauseSpans, sentenceSpans]) {
      const outer = spanAt(spans, target.start);
      if (!outer) continue;
      const role = nearestRole(matcher, text, target, between(target, neighbours, outer));
      if (role) return role;
    }
    return null;
  };

  const byAmountRole = new Map<AmountRole, FoundAmount>();
  for (const a of amounts) {
    const role = roleOf(amountCues, a, amounts);
    if (role && !byAmountRole.has(role) && a.amount.minor > 0) byAmountRole.set(role, a);
  }
  const times = [...periods, ...dates].sort((x, y) => x.start - y.start);
  const periodDays = new Map<TimeRole, number>();
  for (const p of periods) {
    const role = roleOf(timeCues, p, times);
    if (role && !periodDays.has(role)) periodDays.set(role, p.days);
  }
  const namedDates = new Map<TimeRole, string>();
  for (const d of dates) {
    const role = roleOf(timeCues, d, times);
    if (role && !namedDates.has(role)) namedDates.set(role, d.iso);
  }

  const regions = sentenceSpans
    .map((s) => text.slice(s.start, s.end))
    .filter((s) => mentions(s, langs, 'regionSentence'))
    .flatMap((s) => regionsIn(maskCurrency(s, locale, langs)));
  const uniqueRegions = [...new Set(regions)];

  const credit = byAmountRole.get('credit')?.amount ?? null;
  const spend = byAmountRole.get('spend')?.amount ?? null;
  const activateWithinDays = periodDays.get('activate') ?? null;
  const received = opts.received && isValidIsoDate(opts.received) ? opts.received : null;

  return {
    amount: credit ? toMajor(credit) : null,
    currency:
      credit || spend
        ? (credit?.currency ?? spend?.currency ?? statedCurrency(text, locale, langs, uniqueRegions))
        : null,
    minSpend: spend ? toMajor(spend) : null,
    spendWindowDays: periodDays.get('spend') ?? null,
    spendDeadline: namedDates.get('spend') ?? null,
    activateWithinDays,
    activateBy:
      namedDates.get('activate') ??
      (received && activateWithinDays !== null ? addDays(received, activateWithinDays) : null),
    creditValidityDays: periodDays.get('validity') ?? null,
    creditExpiry: namedDates.get('validity') ?? null,
    creditArrivalDays: periodDays.get('arrival') ?? null,
    newAdvertisersOnly: mentions(text, langs, 'openToExisting')
      ? false
      : mentions(text, langs, 'newAdvertisersOnly')
        ? true
        : null,
    onePerAdvertiser: mentions(text, langs, 'onePerAdvertiser') ? true : null,
    excludesTax: mentions(text, langs, 'excludesTax')
      ? true
      : mentions(text, langs, 'includesTax')
        ? false
        : null,
    regions: uniqueRegions,
  };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The part of `outer` around `target` that no other mention of the same kind interrupts. */
function between(target: Span, neighbours: readonly Span[], outer: Span): Span {
  let start = outer.start;
  let end = outer.end;
  for (const n of neighbours) {
    if (n === target || overlaps(n, target)) continue;
    if (n.end <= target.start && n.end > start) start = n.end;
    if (n.start >= target.end && n.start < end) end = n.start;
  }
  return { start, end };
}

/** A bare "$" or "¥": the currency the text states elsewhere, else the one currency of the offer's regions. */
function statedCurrency(
  text: string,
  lang: string | null,
  langs: readonly Language[],
  regions: readonly string[],
): string | null {
  const named = currencyOf(text, lang) ?? currencyByName(text, langs);
  if (named) return named;
  const local = new Set(regions.map((r) => REGION_CURRENCY[r] ?? null));
  const [only] = local;
  return local.size === 1 && only ? only : null;
}

function currencyByName(text: string, langs: readonly Language[]): string | null {
  for (const l of langs) {
    for (const [name, code] of Object.entries(LEXICONS[l].currencyNames)) {
      if (new RegExp(`(?<![\\p{L}])(?:${name})(?![\\p{L}])`, 'iu').test(text)) return code;
    }
  }
  return null;
}

/** "US dollars", "US$50", "日本円" name a currency, not a place. */
function maskCurrency(sentence: string, lang: string | null, langs: readonly Language[]): string {
  let masked = sentence;
  for (const a of findAmounts(sentence, lang)) {
    masked = masked.slice(0, a.start) + ' '.repeat(a.end - a.start) + masked.slice(a.end);
  }
  for (const l of langs) {
    for (const name of Object.keys(LEXICONS[l].currencyNames)) {
      masked = masked.replace(new RegExp(`(?<![\\p{L}])(?:${name})(?![\\p{L}])`, 'giu'), (m) =>
        ' '.repeat(m.length),
      );
    }
  }
  return masked.replace(/\b[A-Z]{3}\b/g, (m) => ' '.repeat(m.length));
}
