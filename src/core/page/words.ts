// Label lookup over the glossary: page text → the glossary key it says, in any language. Built once per
// page language so that reading a row costs one normalisation and one map lookup per cell, not a scan
// over eight languages' wordings.
import { glossariesFor, glossaryLanguage, normalizeLabel, wordingPattern, wordings } from './glossary.ts';
import type { LanguageGlossary, Wording } from './glossary.ts';

/** The glossary groups the reader looks labels up in, each a record of key → wording. */
type Group = Exclude<keyof LanguageGlossary, 'requirement' | 'redeem'>;

export interface Words {
  /** The key of `group` whose wording `text` says exactly (after normalisation), else null. */
  key(group: Group, text: string): string | null;
  /** Same, for text already passed through normalizeLabel. */
  keyOfNormal(group: Group, normal: string): string | null;
  /** Does the text say one of the wordings at `pick` in any language? */
  says(pick: (g: LanguageGlossary) => Wording, text: string): boolean;
  /** The first placeholder pattern at `pick` (any language) that the text matches. */
  pattern(pick: (g: LanguageGlossary) => Wording, text: string): RegExpExecArray | null;
}

const cache = new Map<string, Words>();

/** Lookups for a page in `lang`: that language's wording wins where two languages disagree. */
export function wordsFor(lang: string | null | undefined): Words {
  const id = glossaryLanguage(lang) ?? '*';
  let words = cache.get(id);
  if (!words) {
    words = build(glossariesFor(lang));
    cache.set(id, words);
  }
  return words;
}

/** Normalised wordings (as keys of a map or members of a set), and the length of the longest. */
interface Known<T> {
  normal: T;
  longest: number;
}

/**
 * Whether `text` has more letters than a normalised wording `longest` characters long can hold, so that
 * it says none of them. Normalising a plain ASCII text keeps every letter (it folds only case, spaces,
 * counts and end punctuation): counting them is one pass, where normalising a list's unique texts (a
 * requirement sentence a row) cost a quarter of parsing it. Any other text is normalised and looked up.
 */
function tooLong(text: string, longest: number): boolean {
  if (text.length <= longest) return false;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 126 || (c < 32 && c !== 9 && c !== 10 && c !== 13)) return false;
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) letters++;
  }
  return letters > longest;
}

const longestOf = (normal: Iterable<string>): number => {
  let longest = 0;
  for (const n of normal) longest = Math.max(longest, n.length);
  return longest;
};

function build(glossaries: LanguageGlossary[]): Words {
  const groups = new Map<Group, Known<Map<string, string>>>();
  const lookup = (group: Group): Known<Map<string, string>> => {
    let known = groups.get(group);
    if (!known) {
      const map = new Map<string, string>();
      for (const g of glossaries)
        for (const [key, w] of Object.entries(g[group] as Record<string, Wording>))
          for (const v of wordings(w)) {
            const n = normalizeLabel(v);
            if (!map.has(n)) map.set(n, key);
          }
      known = { normal: map, longest: longestOf(map.keys()) };
      groups.set(group, known);
    }
    return known;
  };
  const sets = new Map<(g: LanguageGlossary) => Wording, Known<Set<string>>>();
  const patterns = new Map<(g: LanguageGlossary) => Wording, RegExp[]>();
  return {
    key(group, text) {
      const { normal, longest } = lookup(group);
      return tooLong(text, longest) ? null : (normal.get(normalizeLabel(text)) ?? null);
    },
    keyOfNormal: (group, normal) => lookup(group).normal.get(normal) ?? null,
    says(pick, text) {
      let known = sets.get(pick);
      if (!known) {
        const set = new Set(glossaries.flatMap((g) => wordings(pick(g)).map(normalizeLabel)));
        known = { normal: set, longest: longestOf(set) };
        sets.set(pick, known);
      }
      if (tooLong(text, known.longest)) return false;
      const n = normalizeLabel(text);
      return n !== '' && known.normal.has(n);
    },
    pattern(pick, text) {
      let list = patterns.get(pick);
      if (!list) {
        list = glossaries.flatMap((g) => wordings(pick(g)).map(wordingPattern));
        patterns.set(pick, list);
      }
      const n = normalizeLabel(text);
      for (const re of list) {
        const m = re.exec(n);
        if (m) return m;
      }
      return null;
    },
  };
}
