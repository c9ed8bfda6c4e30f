// Relative periods ("within 30 days", "two weeks", "3 months", "48 hours", "2週間") → days. A month
// counts as 30 days and hours round up to whole days, as the terms' contract says.
import type { Span } from './cues.ts';
import { LEXICONS, type Language } from './lexicon.ts';

export interface FoundPeriod extends Span {
  days: number;
}

const escapeSpaces = (s: string): string => s.replace(/ /g, '[\\s\\u00A0-]+');

interface PeriodReader {
  pattern: RegExp;
  numberWords: Map<string, number>;
  phrases: Map<string, number>;
  weekUnit: RegExp;
  monthUnit: RegExp;
  hourUnit: RegExp;
}

const readers = new Map<string, PeriodReader>();

function reader(langs: readonly Language[]): PeriodReader {
  const key = langs.join(',');
  const cached = readers.get(key);
  if (cached) return cached;
  const numberWords = new Map<string, number>();
  const phrases = new Map<string, number>();
  const alternatives: string[] = [];
  const weekUnits: string[] = [];
  const monthUnits: string[] = [];
  const hourUnits: string[] = [];
  for (const lang of langs) {
    const lex = LEXICONS[lang];
    lex.numbers.forEach((spellings, i) => {
      for (const word of spellings.split('|')) numberWords.set(normalize(word), i + 1);
    });
    for (const [phrase, days] of Object.entries(lex.periodPhrases)) phrases.set(normalize(phrase), days);
    const words = lex.numbers
      .flatMap((s) => s.split('|'))
      .sort((a, b) => b.length - a.length)
      .map(escapeSpaces)
      .join('|');
    // "48-hour window": a hyphen joins a number to its unit too.
    const gap = lang === 'ja' ? '' : '[\\s\\u00A0-]*';
    const before = lang === 'ja' ? '(?<![\\d月])' : '(?<![\\p{L}\\p{N}.,])';
    const after = lang === 'ja' ? '' : '(?![\\p{L}])';
    alternatives.push(
      `${before}(?:\\d{1,3}|${words})${gap}${lex.unitQualifier}(?:${lex.weekUnit}|${lex.monthUnit}|${lex.hourUnit}|${lex.dayUnit})${after}`,
    );
    for (const phrase of Object.keys(lex.periodPhrases)) {
      alternatives.push(`(?<![\\p{L}])${escapeSpaces(phrase)}(?![\\p{L}])`);
    }
    weekUnits.push(lex.weekUnit);
    monthUnits.push(lex.monthUnit);
    hourUnits.push(lex.hourUnit);
  }
  const built: PeriodReader = {
    pattern: new RegExp(alternatives.join('|'), 'giu'),
    numberWords,
    phrases,
    weekUnit: new RegExp(`(?:${weekUnits.join('|')})$`, 'iu'),
    monthUnit: new RegExp(`(?:${monthUnits.join('|')})$`, 'iu'),
    hourUnit: new RegExp(`(?:${hourUnits.join('|')})$`, 'iu'),
  };
  readers.set(key, built);
  return built;
}

function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s\u00A0-]+/g, ' ')
    .trim();
}

export function findPeriods(text: string, langs: readonly Language[]): FoundPeriod[] {
  const r = reader(langs);
  const found: FoundPeriod[] = [];
  for (const m of text.matchAll(r.pattern)) {
    const days = periodDays(m[0], r);
    if (days !== null) found.push({ days, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

function periodDays(phrase: string, r: PeriodReader): number | null {
  const text = normalize(phrase);
  const whole = r.phrases.get(text);
  if (whole !== undefined) return whole;
  const digits = /^\d+/.exec(text)?.[0];
  let n = digits ? Number(digits) : null;
  // Otherwise the number is the longest leading run that spells one ("vinte e um dias" → 21, "二週間" → 2).
  for (let i = text.length - 1; n === null && i > 0; i--)
    n = r.numberWords.get(text.slice(0, i).trim()) ?? null;
  if (n === null || n <= 0) return null;
  if (r.hourUnit.test(text)) return Math.ceil(n / 24);
  if (r.monthUnit.test(text)) return n * 30;
  return r.weekUnit.test(text) ? n * 7 : n;
}
