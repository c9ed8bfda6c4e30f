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
  return lang === 'ja' ? `(?:${source})` : `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}])`;
}

export interface CueMatcher<R extends string> {
  find(text: string, from: number, to: number): Cue<R>[];
}

/** One regular expression over every phrase of every role; longer phrases are tried first. */
export function cueMatcher<R extends string>(
  langs: readonly Language[],
  table: (lang: Language) => Partial<Record<R, string[]>>,
): CueMatcher<R> {
  const phrases: Array<{ role: R; source: string; test: RegExp }> = [];
  for (const lang of langs) {
    for (const [role, list] of Object.entries(table(lang)) as Array<[R, string[]]>) {
      for (const p of list) {
        const source = bounded(p, lang);
        phrases.push({ role, source, test: new RegExp(`^${source}$`, 'iu') });
      }
    }
  }
  phrases.sort((a, b) => b.source.length - a.source.length);
  const all = phrases.length ? new RegExp(phrases.map((p) => p.source).join('|'), 'giu') : null;
  return {
    find(text, from, to) {
      if (!all) return [];
      const slice = text.slice(from, to);
      const cues: Cue<R>[] = [];
      for (const m of slice.matchAll(all)) {
        if (m[0] === '') continue;
        const phrase = phrases.find((p) => p.test.test(m[0]));
        if (phrase)
          cues.push({ role: phrase.role, start: from + m.index, end: from + m.index + m[0].length });
      }
      return cues;
    },
  };
}

type PhraseList = {
  [K in keyof Lexicon]: Lexicon[K] extends string[] ? K : never;
}[keyof Lexicon];

const phraseLists = new Map<string, RegExp | null>();

/** True when any phrase of the list occurs in the text. */
export function mentions(text: string, langs: readonly Language[], list: PhraseList): boolean {
  const key = `${langs.join(',')}:${list}`;
  let re = phraseLists.get(key);
  if (re === undefined) {
    const sources = langs.flatMap((lang) => LEXICONS[lang][list].map((p) => bounded(p, lang)));
    re = sources.length ? new RegExp(sources.join('|'), 'iu') : null;
    phraseLists.set(key, re);
  }
  return re !== null && re.test(text);
}

/**
 * The role of the phrase closest to `target` inside `window`, or null. A phrase before the target wins a tie:
 * offers usually put the verb first ("spend $50", "activate within 14 days").
 */
export function nearestRole<R extends string>(
  matcher: CueMatcher<R>,
  text: string,
  target: Span,
  window: Span,
): R | null {
  let best: { role: R; distance: number } | null = null;
  for (const cue of matcher.find(text, window.start, window.end)) {
    let distance: number;
    if (cue.end <= target.start) distance = target.start - cue.end;
    else if (cue.start >= target.end) distance = cue.start - target.end + 0.5;
    else continue;
    if (!best || distance < best.distance) best = { role: cue.role, distance };
  }
  return best?.role ?? null;
}
