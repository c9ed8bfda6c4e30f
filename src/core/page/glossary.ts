// The billing pages' wording per UI language, as validated data. Adding a language or a renamed label
// is an edit to glossary.json; nothing here names a label.
import raw from './glossary.json' with { type: 'json' };

import type { LanguageGlossary, Wording } from './glossary-schema.ts';

export type { LanguageGlossary, Wording };

/** glossary.json as the code reads it: the languages, in order, and each language's wordings. */
export type GlossaryFile = { _about: { languages: string[] } } & {
  [lang: string]: LanguageGlossary | { languages: string[] };
};

// glossary.json is validated by glossaryProblems() in the unit tests and ships inside every bundle, the
// content script's included: here it is only indexed, once.
const file = raw as unknown as GlossaryFile;

const GLOSSARY: ReadonlyMap<string, LanguageGlossary> = new Map(
  file._about.languages.map((l) => [l, file[l] as LanguageGlossary]),
);

/** Languages the page reader understands, in glossary order (English first). */
export function glossaryLanguages(): readonly string[] {
  return [...GLOSSARY.keys()];
}

/** The wordings as glossary.json has them, less the documentation (the report's redaction reads them). */
export function glossaryFile(): GlossaryFile {
  const languages = glossaryLanguages();
  return Object.assign(
    { _about: { languages: [...languages] } },
    Object.fromEntries(languages.map((l) => [l, GLOSSARY.get(l)!])),
  );
}

/** "pt-BR" → "pt", "ES" → "es"; null for a language the glossary does not know. */
export function glossaryLanguage(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const base = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return GLOSSARY.has(base) ? base : null;
}

/** The glossary of a page language, or null when the language is unknown. */
export function glossaryFor(lang: string | null | undefined): LanguageGlossary | null {
  const base = glossaryLanguage(lang);
  return base ? GLOSSARY.get(base)! : null;
}

/**
 * Glossaries to try for a page: its own language first, then the others. Real pages mix languages
 * (an English menu on a Spanish page) and some have no or a wrong `lang`, so every language is a fallback.
 */
export function glossariesFor(lang: string | null | undefined): LanguageGlossary[] {
  const own = glossaryLanguage(lang);
  const all = glossaryLanguages();
  const order = own ? [own, ...all.filter((l) => l !== own)] : all;
  return order.map((l) => GLOSSARY.get(l)!);
}

export function wordings(w: Wording): string[] {
  return typeof w === 'string' ? [w] : w;
}

/**
 * Label comparison form: compatibility-normalised (full-width → ASCII), case-folded, punctuation at the
 * ends and counts such as "(3)" dropped, inner whitespace folded. Keeps letters of every script.
 */
export function normalizeLabel(text: string): string {
  if (text.length > NORMALIZED_LONGEST) return normalize(text);
  let normal = normalized.get(text);
  if (normal === undefined) {
    if (normalized.size >= NORMALIZED_MAX) normalized.clear();
    normal = normalize(text);
    normalized.set(text, normal);
  }
  return normal;
}

// A page repeats the same few labels thousands of times (credit types, statuses, dashes, headers): each
// is normalised once. Bounded in count and length, since amounts and names make most texts unique and
// a label is never a paragraph.
const normalized = new Map<string, string>();
const NORMALIZED_MAX = 5000;
const NORMALIZED_LONGEST = 200;
// Printable ASCII and tabs or line breaks; any other character takes the full path.
const NOT_PLAIN_ASCII = /[^\t\n\r -~]/;

/**
 * What a label may carry at either end besides its words: punctuation, and the marks a page draws in the
 * same text as a header or label (a sort arrow "↕" "▲", a help sign "ⓘ" "ℹ"). Never a currency sign.
 */
const LABEL_END = '[\\s:：·•*\\-–—|\\u2139\\u2190-\\u21ff\\u2460-\\u24ff\\u25a0-\\u25ff]+';
const LABEL_ENDS = new RegExp(`^${LABEL_END}|${LABEL_END}$`, 'g');

function normalize(raw: string): string {
  // Marks at the ends go before NFKC, which would make "ⓘ" a letter "i".
  const text = raw.replace(LABEL_ENDS, '');
  // ASCII text is its own NFKC form and has no invisible marks, and its case folds without ICU.
  const folded = NOT_PLAIN_ASCII.test(text)
    ? text
        .normalize('NFKC')
        .toLocaleLowerCase('und')
        .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    : text.toLowerCase();
  // JavaScript's \s takes in no-break and narrow no-break spaces, and is what trim() removes: the last
  // replace trims too.
  return folded
    .replace(/\(\s*\d+\s*\)|（\s*\d+\s*）/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(LABEL_ENDS, '');
}

/** Does `text` say exactly one of the wordings (after normalisation)? */
export function matchesWording(text: string, w: Wording): boolean {
  const n = normalizeLabel(text);
  return n !== '' && wordings(w).some((v) => normalizeLabel(v) === n);
}

/**
 * Turns a wording with placeholders ({n}, {amount}, {days}) into a regular expression over normalised
 * text, with named groups n, amount and days.
 */
export function wordingPattern(template: string): RegExp {
  const escaped = normalizeLabel(template)
    .split(/(\{(?:n|amount|days)\})/)
    .map((part) => {
      if (part === '{n}') return '(?<n>\\d+)';
      if (part === '{days}') return '(?<days>\\d+)';
      if (part === '{amount}') return '(?<amount>.+?)';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${escaped}$`, 'u');
}
