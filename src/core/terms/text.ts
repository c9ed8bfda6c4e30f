// Shapes an offer's raw text for reading: which language, which lines are noise, where sentences end.
import type { Span } from './cues.ts';
import { LANGUAGES, LEXICONS, type Language } from './lexicon.ts';

const KANA_OR_KANJI = /[\u3040-\u30ff\u4e00-\u9fff]/gu;
// Letters only Vietnamese uses among the eight languages.
const VIETNAMESE = /[ăằắẳẵặơờớởỡợưừứửữựđạảấầẩẫậẹẻẽếềểễệỉịọỏốồổỗộụủỷỹỵ]/giu;

export function baseLanguage(lang: string | null | undefined): Language | null {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : null;
}

/** The offer's language from its script, else from the most common words; null when nothing points anywhere. */
export function detectLanguage(text: string): Language | null {
  const sample = text.slice(0, 20_000);
  if ((sample.match(KANA_OR_KANJI)?.length ?? 0) >= 4) return 'ja';
  if ((sample.match(VIETNAMESE)?.length ?? 0) >= 4) return 'vi';
  const counts = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1);
  let best: { lang: Language; score: number } | null = null;
  for (const lang of LANGUAGES) {
    const score = LEXICONS[lang].stopwords.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0);
    if (score > 0 && (!best || score > best.score)) best = { lang, score };
  }
  return best?.lang ?? null;
}

/** The text without lines that are never terms (greetings, sign-offs, footers, support hours). */
export function dropNoiseLines(text: string, langs: readonly Language[]): string {
  const noise = langs.flatMap((l) => LEXICONS[l].noiseLines).map((p) => new RegExp(p, 'iu'));
  return text
    .split(/\r?\n/)
    .filter((line) => !noise.some((re) => re.test(line.trim())))
    .join('\n');
}

const SENTENCE_END = /\n+|[。！？!?]+|\.(?=\s+[\p{Lu}¡¿"“«(•·・\-*])|[.!?](?=\s*$)/gu;
const CLAUSE_END = /[,;:、，；：()（）]/gu;
// "Activate the code by 15/12 and spend R$ 250": a conjunction starts a new statement, and what follows
// it is about something else. (Ranges, amounts and periods are kept whole: "between … and …".)
const CONJUNCTION = /(?<=\s)(?:and|then|y|luego|e|depois|et|puis|und|dann|dan|lalu|kemudian|và|rồi)(?=\s)/giu;

export interface Pieces {
  sentences: Span[];
  /** Sentences cut again at commas, colons and conjunctions. */
  clauses: Span[];
}

/**
 * Sentence and clause spans, never cutting through a span of `keep` (a date like "Dec. 15", an amount, a
 * phrase). `keep` comes as the finder's lists, each in text order: they are walked alongside the cuts, so a
 * long text with many amounts costs one pass, with nothing merged or sorted; the sentence ends are searched
 * for once and serve both cuts.
 */
export function sentencesAndClauses(text: string, keep: ReadonlyArray<readonly Span[]>): Pieces {
  const ends = cutsOf(text, SENTENCE_END);
  const clauseCuts = mergeCuts([ends, cutsOf(text, CLAUSE_END), cutsOf(text, CONJUNCTION)]);
  return { sentences: split(text, ends, keep), clauses: split(text, clauseCuts, keep) };
}

function cutsOf(text: string, boundary: RegExp): Span[] {
  const cuts: Span[] = [];
  boundary.lastIndex = 0;
  // exec on the one compiled pattern: matchAll copies it first. No boundary matches empty text.
  for (let m = boundary.exec(text); m; m = boundary.exec(text))
    cuts.push({ start: m.index, end: m.index + m[0].length });
  return cuts;
}

/** Lists each in text order → one list in text order (on a tie, the earlier list's cut first). */
function mergeCuts(lists: ReadonlyArray<readonly Span[]>): Span[] {
  const merged: Span[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let l = 0; l < lists.length; l++) {
      const cut = lists[l]![at[l]!];
      if (cut && (pick < 0 || cut.start < lists[pick]![at[pick]!]!.start)) pick = l;
    }
    if (pick < 0) return merged;
    merged.push(lists[pick]![at[pick]!++]!);
  }
}

/** Sorted by start, as every finder gives them; sorted here only if not. */
function inOrder(spans: readonly Span[]): readonly Span[] {
  for (let i = 1; i < spans.length; i++)
    if (spans[i]!.start < spans[i - 1]!.start) return [...spans].sort((a, b) => a.start - b.start);
  return spans;
}

/**
 * The text cut at every one of `cuts` (in text order) that starts outside all of `keep`. Each list of `keep`
 * has its own cursor and the furthest end of its spans begun so far: a cut inside any of them is skipped.
 */
function split(text: string, cuts: readonly Span[], keep: ReadonlyArray<readonly Span[]>): Span[] {
  const lists = keep.map(inOrder);
  const next = lists.map(() => 0);
  const keptUntil = lists.map(() => -1);
  const spans: Span[] = [];
  let start = 0;
  for (const cut of cuts) {
    if (cut.start < start) continue;
    let inside = false;
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l]!;
      let k = next[l]!;
      let until = keptUntil[l]!;
      while (k < list.length && list[k]!.start <= cut.start) until = Math.max(until, list[k++]!.end);
      next[l] = k;
      keptUntil[l] = until;
      if (cut.start < until) inside = true;
    }
    if (inside) continue;
    if (cut.start > start) spans.push({ start, end: cut.start });
    start = cut.end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** The span among sorted, disjoint `spans` that holds `at` (binary search: long texts have many). */
export function spanAt(spans: readonly Span[], at: number): Span | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}
