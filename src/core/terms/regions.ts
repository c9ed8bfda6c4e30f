// Country names and codes → ISO 3166 alpha-2, in every language the offers come in.
import { LANGUAGES, REGION_ALIASES } from './lexicon.ts';

// Intl knows these two-letter codes, but they are not countries an offer could be limited to.
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'ZZ',
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'IC',
  'TA',
  'XK',
  // Retired codes that some languages still name like today's countries ("Việt Nam", "Deutschland").
  'FX',
  'AN',
  'BU',
  'CS',
  'DD',
  'NT',
  'QU',
  'SU',
  'TP',
  'VD',
  'YD',
  'YU',
  'ZR',
]);

interface RegionIndex {
  codes: ReadonlySet<string>;
  byName: ReadonlyMap<string, string>;
  /** The lengths of the names by their first two character codes (see lengthsAt), longest first. */
  lengthsByStart: ReadonlyMap<number, ReadonlyMap<number, readonly number[]>>;
}

let index: RegionIndex | null = null;

function buildIndex(): RegionIndex {
  const codes = new Set<string>();
  const byName = new Map<string, string>();
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!NOT_COUNTRIES.has(code) && english.of(code)) codes.add(code);
    }
  }
  for (const lang of LANGUAGES) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const code of codes) {
      const name = names.of(code);
      // The first language to use a name keeps it, so English decides between lookalikes.
      if (!name || name === code || byName.has(name)) continue;
      byName.set(name, code);
      // "Congo (DRC)", "Hong Kong SAR China": the short form is what people write.
      const short = name.replace(/\s*\(.*\)$/u, '').replace(/\s+SAR\s+China$/u, '');
      if (short !== name && !byName.has(short)) byName.set(short, code);
    }
  }
  for (const [alias, code] of Object.entries(REGION_ALIASES)) byName.set(alias, code);
  for (const code of codes) if (!byName.has(code)) byName.set(code, code);
  const lengthsByStart = new Map<number, Map<number, number[]>>();
  for (const name of byName.keys()) {
    const bySecond = lengthsByStart.get(name.charCodeAt(0)) ?? new Map<number, number[]>();
    lengthsByStart.set(name.charCodeAt(0), bySecond);
    const lengths = bySecond.get(nextCode(name, 0)) ?? [];
    bySecond.set(nextCode(name, 0), lengths);
    if (!lengths.includes(name.length)) lengths.push(name.length);
  }
  for (const bySecond of lengthsByStart.values())
    for (const lengths of bySecond.values()) lengths.sort((a, b) => b - a);
  return { codes, byName, lengthsByStart };
}

/**
 * The code of the character after `at`, or past the text's end one no character has: with the code at
 * `at`, it keys the names by their first two characters (one for a one-character name) as a slice of them
 * would, so a long region sentence asks at every word without making a string.
 */
function nextCode(text: string, at: number): number {
  return at + 1 < text.length ? text.charCodeAt(at + 1) : 0x10000;
}

/** The lengths of the names that begin at `at` of `text`, longest first. */
function lengthsAt(index: RegionIndex, text: string, at: number): readonly number[] {
  return index.lengthsByStart.get(text.charCodeAt(at))?.get(nextCode(text, at)) ?? [];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Most characters of an offer are ASCII: those are told apart without the Unicode search.
const isLetter = (ch: string | undefined): boolean => {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return LETTER_OR_DIGIT.test(ch);
};
const isCjk = (ch: string | undefined): boolean => {
  const code = ch === undefined ? 0 : ch.charCodeAt(0);
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x4e00 && code <= 0x9fff);
};

/**
 * ISO codes named in a sentence already known to be about where the offer applies, in order, without repeats.
 * Names are looked up at each word start, longest first ("Guinea-Bissau" before "Guinea"), only in the
 * lengths of the names that begin there, so a word costs a few lookups; Latin names only as whole words,
 * Japanese ones anywhere. Two-letter codes count only in capitals.
 */
export function regionsIn(sentence: string): string[] {
  index ??= buildIndex();
  const found: string[] = [];
  let i = 0;
  while (i < sentence.length) {
    const cjk = isCjk(sentence[i]);
    if (!cjk && (!isLetter(sentence[i]) || isLetter(sentence[i - 1]))) {
      i++;
      continue;
    }
    let matched = 0;
    for (const len of lengthsAt(index, sentence, i)) {
      if (matched || i + len > sentence.length) continue;
      const candidate = sentence.slice(i, i + len);
      const code = index.byName.get(candidate);
      if (!code || (!cjk && (isLetter(sentence[i + len]) || sentence[i + len] === '$'))) continue;
      if (candidate === code && !index.codes.has(candidate)) continue;
      if (!found.includes(code)) found.push(code);
      matched = len;
    }
    i += matched || 1;
  }
  return found;
}
