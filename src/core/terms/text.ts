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

/** Sentence spans, never cutting through `keep` (a date like "Dec. 15" or an amount). */
export function sentences(text: string, keep: readonly Span[]): Span[] {
  return split(text, [SENTENCE_END], keep);
}

/** Clause spans: sentences cut again at commas, colons and the like. */
export function clauses(text: string, keep: readonly Span[]): Span[] {
  return split(text, [SENTENCE_END, CLAUSE_END, CONJUNCTION], keep);
}

/**
 * The text cut at every match of the boundaries outside `keep`, in one pass: boundaries come in order
 * and `keep` is walked alongside them, so a long text with many amounts costs no more per boundary.
 */
function split(text: string, boundaries: readonly RegExp[], keep: readonly Span[]): Span[] {
  const cuts: Span[] = [];
  for (const boundary of boundaries)
    for (const m of text.matchAll(boundary)) cuts.push({ start: m.index, end: m.index + m[0].length });
  if (boundaries.length > 1) cuts.sort((a, b) => a.start - b.start);
  const kept = [...keep].sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  let start = 0;
  let k = 0;
  let keptUntil = -1;
  for (const cut of cuts) {
    if (cut.start < start) continue;
    while (k < kept.length && kept[k]!.start <= cut.start) keptUntil = Math.max(keptUntil, kept[k++]!.end);
    if (cut.start < keptUntil) continue;
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
