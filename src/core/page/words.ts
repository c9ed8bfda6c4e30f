// Label lookup over the glossary: page text → the glossary key it says, in any language. Built once per
// page language so that reading a row costs one normalisation and one map lookup per cell, not a scan
// over eight languages' wordings.
import { glossariesFor, glossaryLanguage, normalizeLabel, wordingPattern, wordings } from './glossary.ts';
import type { LanguageGlossary, Wording } from './glossary.ts';

/** The glossary groups the reader looks labels up in, each a record of key → wording. */
type Group = Exclude<keyof LanguageGlossary, 'requirement' | 'redeem'> | 'redeemErrors';

function groupOf(g: LanguageGlossary, group: Group): Record<string, Wording> {
  return group === 'redeemErrors' ? g.redeem.errors : g[group];
}

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

function build(glossaries: LanguageGlossary[]): Words {
  const groups = new Map<Group, Map<string, string>>();
  const lookup = (group: Group): Map<string, string> => {
    let map = groups.get(group);
    if (!map) {
      map = new Map();
      for (const g of glossaries)
        for (const [key, w] of Object.entries(groupOf(g, group)))
          for (const v of wordings(w)) {
            const n = normalizeLabel(v);
            if (!map.has(n)) map.set(n, key);
          }
      groups.set(group, map);
    }
    return map;
  };
  const sets = new Map<(g: LanguageGlossary) => Wording, Set<string>>();
  const patterns = new Map<(g: LanguageGlossary) => Wording, RegExp[]>();
  return {
    key: (group, text) => lookup(group).get(normalizeLabel(text)) ?? null,
    keyOfNormal: (group, normal) => lookup(group).get(normal) ?? null,
    says(pick, text) {
      let set = sets.get(pick);
      if (!set) {
        set = new Set(glossaries.flatMap((g) => wordings(pick(g)).map(normalizeLabel)));
        sets.set(pick, set);
      }
      const n = normalizeLabel(text);
      return n !== '' && set.has(n);
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
