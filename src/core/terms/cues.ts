// Turns the phrase tables into matchers, and decides what a number is about from the nearest phrase.
import { LEXICONS, type Language, type Lexicon } from './lexicon.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Cue<R extends string> extends Span {
  role: R;
}

// Japanese runs words together, so its phrases match anywhere; elsewhere a phrase is whole words.
function bounded(source: string, lang: Language): string {
  return lang === 'ja' ? `(?:${source})` : `${WORD_START}(?:${source})${WORD_END}`;
}

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}])';

/**
 * One alternation over phrases (given longest first), the word boundaries written once around all the
 * phrases that need them rather than around each: the search tests them once per position, not once
 * per phrase, which is most of the time a long text takes.
 */
function alternation(phrases: ReadonlyArray<{ source: string; lang: Language }>): string {
  const words = phrases.filter((p) => p.lang !== 'ja').map((p) => `(?:${p.source})`);
  const runOn = phrases.filter((p) => p.lang === 'ja').map((p) => `(?:${p.source})`);
  const parts = [];
  if (words.length) parts.push(`${WORD_START}(?:${words.join('|')})${WORD_END}`);
  if (runOn.length) parts.push(runOn.join('|'));
  return parts.join('|');
}

export interface CueMatcher<R extends string> {
  /** Every phrase in the text, in order and without overlaps. */
  find(text: string): Cue<R>[];
}

/** One regular expression over every phrase of every role; longer phrases are tried first. */
export function cueMatcher<R extends string>(
  langs: readonly Language[],
  table: (lang: Language) => Partial<Record<R, string[]>>,
): CueMatcher<R> {
  const phrases: Array<{ role: R; source: string; lang: Language; test: RegExp }> = [];
  for (const lang of langs) {
    for (const [role, list] of Object.entries(table(lang)) as Array<[R, string[]]>) {
      for (const p of list) {
        phrases.push({ role, source: p, lang, test: new RegExp(`^${bounded(p, lang)}$`, 'iu') });
      }
    }
  }
  phrases.sort((a, b) => b.source.length - a.source.length);
  const all = phrases.length ? new RegExp(alternation(phrases), 'giu') : null;
  // The same few words recur all through a long text: which phrase a wording belongs to is asked once.
  const roleOfWording = new Map<string, R | null>();
  return {
    find(text) {
      if (!all) return [];
      const cues: Cue<R>[] = [];
      for (const m of text.matchAll(all)) {
        if (m[0] === '') continue;
        const wording = m[0].toLowerCase();
        let role = roleOfWording.get(wording);
        if (role === undefined) {
          role = phrases.find((p) => p.test.test(m[0]))?.role ?? null;
          roleOfWording.set(wording, role);
        }
        if (role) cues.push({ role, start: m.index, end: m.index + m[0].length });
      }
      return cues;
    },
  };
}

type PhraseList = {
  [K in keyof Lexicon]: Lexicon[K] extends string[] ? K : never;
}[keyof Lexicon];

const phraseLists = new Map<string, RegExp | null>();

function listPattern(langs: readonly Language[], list: PhraseList): RegExp | null {
  const key = `${langs.join(',')}:${list}`;
  let re = phraseLists.get(key);
  if (re === undefined) {
    const phrases = langs.flatMap((lang) => LEXICONS[lang][list].map((source) => ({ source, lang })));
    re = phrases.length ? new RegExp(alternation(phrases), 'giu') : null;
    phraseLists.set(key, re);
  }
  return re;
}

/** True when any phrase of the list occurs in the text. */
export function mentions(text: string, langs: readonly Language[], list: PhraseList): boolean {
  const re = listPattern(langs, list);
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}

/** Where the phrases of the list start in the text, in order: one search, however many sentences ask. */
export function mentionsAt(text: string, langs: readonly Language[], list: PhraseList): number[] {
  const re = listPattern(langs, list);
  return re ? [...text.matchAll(re)].map((m) => m.index) : [];
}

/** Index of the first span in sorted, disjoint `spans` that starts at or after `at`. */
export function firstFrom(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The role of the phrase closest to `target` inside `window`, or null, from the text's `cues` (sorted,
 * disjoint). Only the nearest phrase on each side can win, so each target costs two binary searches
 * however long the text. A phrase before the target wins a tie: offers usually put the verb first
 * ("spend $50", "activate within 14 days").
 */
export function nearestRole<R extends string>(cues: readonly Cue<R>[], target: Span, window: Span): R | null {
  const after = firstFrom(cues, target.end);
  // A phrase that takes in the target ("in the last 90 days") says what it is outright.
  let before = after - 1;
  while (before >= 0 && cues[before]!.end > target.start) {
    const cue = cues[before]!;
    if (cue.start <= target.start && cue.end >= target.end) return cue.role;
    before--;
  }
  const prev = before >= 0 && cues[before]!.start >= window.start ? cues[before]! : null;
  const next = after < cues.length && cues[after]!.end <= window.end ? cues[after]! : null;
  if (!prev) return next?.role ?? null;
  if (!next) return prev.role;
  return next.start - target.end + 0.5 < target.start - prev.end ? next.role : prev.role;
}
