// Offer text → PromotionTerms. Each number or date found is given a role by the phrase nearest to it
// (spend-words vs credit-words, activate vs arrive vs expire), never by where it sits in the text.
import { currencyOf, findAmounts, type FoundAmount } from '../amount-text.ts';
import { findDateRanges } from '../date-text.ts';
import { addDays, isValidIsoDate } from '../dates.ts';
import { toMajor } from '../money.ts';
import { EMPTY_TERMS, PromotionTerms } from '../schemas.ts';
import {
  cueMatcher,
  mentions,
  mentionsAt,
  nearestRole,
  type Cue,
  type CueMatcher,
  type Span,
} from './cues.ts';
import {
  AMOUNT_ROLES,
  LANGUAGES,
  LEXICONS,
  BARE_SIGN_CURRENCIES,
  REGION_CURRENCY,
  type AmountRole,
  type Language,
  type TimeRole,
} from './lexicon.ts';
import { findPeriods } from './periods.ts';
import { regionsIn } from './regions.ts';
import { baseLanguage, detectLanguage, dropNoiseLines, sentencesAndClauses, spanAt } from './text.ts';

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
  // A range counts as one date, its last day: "spend €200 between 15 December and 15 January" ends then.
  const dates = findDateRanges(text, locale);
  const periods = withoutOverlaps(findPeriods(text, langs), dates);
  const cues = { amount: amountCues.find(text), time: timeCues.find(text) };
  // Phrases are kept whole too: "between activation and January 31" is not two clauses.
  const { sentences: sentenceSpans, clauses: clauseSpans } = sentencesAndClauses(text, [
    amounts,
    dates,
    periods,
    cues.amount,
    cues.time,
  ]);

  // `kind` (amounts, or periods and dates) is sorted and disjoint and holds the target at `at`: its window
  // ends at the mentions of the same kind on either side, so each one is looked at once per target, never all of them.
  const roleOf = <R extends string>(
    found: readonly Cue<R>[],
    kind: readonly Span[],
    at: number,
  ): R | null => {
    const target = kind[at]!;
    const prev = kind[at - 1];
    const next = kind[at + 1];
    for (const spans of [clauseSpans, sentenceSpans]) {
      const outer = spanAt(spans, target.start);
      if (!outer) continue;
      const window = {
        start: prev && prev.end > outer.start ? Math.min(prev.end, target.start) : outer.start,
        end: next && next.start < outer.end ? Math.max(next.start, target.end) : outer.end,
      };
      const role = nearestRole(found, target, window);
      if (role) return role;
    }
    return null;
  };

  // The first amount of each role is the one that counts: a long text stops looking once it has both.
  const byAmountRole = new Map<AmountRole, FoundAmount>();
  for (let i = 0; i < amounts.length && byAmountRole.size < AMOUNT_ROLES.length; i++) {
    const role = roleOf(cues.amount, amounts, i);
    const a = amounts[i]!;
    if (role && !byAmountRole.has(role) && a.amount.minor > 0) byAmountRole.set(role, a);
  }
  const times: Array<Span & ({ days: number } | { iso: string })> = [...periods, ...dates].sort(
    (x, y) => x.start - y.start,
  );
  const periodDays = new Map<TimeRole, number>();
  const namedDates = new Map<TimeRole, string>();
  times.forEach((t, i) => {
    const role = roleOf(cues.time, times, i);
    if (!role) return;
    if ('days' in t) {
      if (!periodDays.has(role)) periodDays.set(role, t.days);
    } else if (!namedDates.has(role)) namedDates.set(role, t.iso);
  });

  const masked = maskCurrency(text, amounts, langs);
  // The sentences that say where the offer applies: those holding a region word.
  const regionWords = mentionsAt(text, langs, 'regionSentence');
  let w = 0;
  const regions = sentenceSpans
    .filter((s) => {
      while (w < regionWords.length && regionWords[w]! < s.start) w++;
      return w < regionWords.length && regionWords[w]! < s.end;
    })
    .flatMap((s) => regionsIn(masked.slice(s.start, s.end)));
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

/** The periods that are not part of a date ("15 days" inside nothing, but not "15" of "15 December"). */
function withoutOverlaps<T extends Span>(spans: readonly T[], dates: readonly Span[]): T[] {
  let d = 0;
  return spans.filter((p) => {
    while (d < dates.length && dates[d]!.end <= p.start) d++;
    return !(d < dates.length && overlaps(p, dates[d]!));
  });
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
  const local = new Set(
    regions.map((r) => {
      const own = REGION_CURRENCY[r];
      return own !== undefined && BARE_SIGN_CURRENCIES.has(own) ? own : null;
    }),
  );
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

/** "US dollars", "US$50", "日本円" name a currency, not a place: blanked out, offsets kept. */
function maskCurrency(text: string, amounts: readonly Span[], langs: readonly Language[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const a of amounts) {
    pieces.push(text.slice(at, a.start), ' '.repeat(a.end - a.start));
    at = a.end;
  }
  pieces.push(text.slice(at));
  let masked = pieces.join('');
  for (const l of langs) {
    for (const name of Object.keys(LEXICONS[l].currencyNames)) {
      masked = masked.replace(new RegExp(`(?<![\\p{L}])(?:${name})(?![\\p{L}])`, 'giu'), (m) =>
        ' '.repeat(m.length),
      );
    }
  }
  return masked.replace(/\b[A-Z]{3}\b/g, (m) => ' '.repeat(m.length));
}
