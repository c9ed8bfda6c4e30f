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
 * A search for phrases (given longest first): one alternation, the word boundaries written once around
 * all the phrases that need them rather than around each, so the search tests them once per position, not
 * once per phrase. When every phrase must start a word (no Japanese), the start is checked only where a
 * phrase matched: a pattern that begins with a look-behind is tried at every position of the text, one
 * that begins with the phrases skips ahead to where one can begin, in half the time on a long text.
 */
interface PhraseSearch {
  re: RegExp;
  /** Whether a match counts only where no letter or digit comes before it (WORD_START, checked here). */
  wordStart: boolean;
}

function phraseSearch(phrases: ReadonlyArray<{ source: string; lang: Language }>): PhraseSearch | null {
  const words = phrases.filter((p) => p.lang !== 'ja').map((p) => `(?:${p.source})`);
  const runOn = phrases.filter((p) => p.lang === 'ja').map((p) => `(?:${p.source})`);
  if (!runOn.length)
    return words.length
      ? { re: new RegExp(`(?:${words.join('|')})${WORD_END}`, 'giu'), wordStart: true }
      : null;
  const parts = [];
  if (words.length) parts.push(`${WORD_START}(?:${words.join('|')})${WORD_END}`);
  parts.push(runOn.join('|'));
  return { re: new RegExp(parts.join('|'), 'giu'), wordStart: false };
}

const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;

/**
 * Calls `take` with each match in the text, in order, as matchAll would give them, until it returns true.
 * A match the word start refuses is searched again one character on, as the look-behind would have made
 * the search do.
 */
function eachMatch(text: string, search: PhraseSearch, take: (m: RegExpExecArray) => boolean | void): void {
  const { re, wordStart } = search;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (wordStart && LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    if (take(m) === true) return;
    // matchAll's step past an empty match: one character, a surrogate pair whole.
    if (m[0] === '') re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
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
  const all = phraseSearch(phrases);
  // The same few words recur all through a long text: which phrase a wording belongs to is asked once.
  const roleOfWording = new Map<string, R | null>();
  return {
    find(text) {
      if (!all) return [];
      const cues: Cue<R>[] = [];
      eachMatch(text, all, (m) => {
        if (m[0] === '') return;
        const wording = m[0].toLowerCase();
        let role = roleOfWording.get(wording);
        if (role === undefined) {
          role = phrases.find((p) => p.test.test(m[0]))?.role ?? null;
          roleOfWording.set(wording, role);
        }
        if (role) cues.push({ role, start: m.index, end: m.index + m[0].length });
      });
      return cues;
    },
  };
}

type PhraseList = {
  [K in keyof Lexicon]: Lexicon[K] extends string[] ? K : never;
}[keyof Lexicon];

const phraseLists = new Map<string, PhraseSearch | null>();

function listSearch(langs: readonly Language[], list: PhraseList): PhraseSearch | null {
  const key = `${langs.join(',')}:${list}`;
  let search = phraseLists.get(key);
  if (search === undefined) {
    search = phraseSearch(langs.flatMap((lang) => LEXICONS[lang][list].map((source) => ({ source, lang }))));
    phraseLists.set(key, search);
  }
  return search;
}

/** True when any phrase of the list occurs in the text. */
export function mentions(text: string, langs: readonly Language[], list: PhraseList): boolean {
  const search = listSearch(langs, list);
  let found = false;
  if (search) eachMatch(text, search, () => (found = true));
  return found;
}

/** Where the phrases of the list start in the text, in order: one search, however many sentences ask. */
export function mentionsAt(text: string, langs: readonly Language[], list: PhraseList): number[] {
  const search = listSearch(langs, list);
  const at: number[] = [];
  if (search) eachMatch(text, search, (m) => void at.push(m.index));
  return at;
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
