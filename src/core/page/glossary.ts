// The billing pages' wording per UI language, as validated data. Adding a language or a renamed label
// is an edit to glossary.json; nothing here names a label.
import raw from './glossary.json' with { type: 'json' };

import type { LanguageGlossary, Wording } from './glossary-schema.ts';
import { wordingsStamp } from './stamp.ts';

export type { LanguageGlossary, Wording };

/**
 * glossary.json as the code reads it: the languages, in order, and the stamp of their wordings (set by
 * the build, vite.config.ts compactGlossary; absent where the file is read as it is).
 */
export type GlossaryFile = { _about: { languages: string[]; version?: string } } & {
  [lang: string]: LanguageGlossary | { languages: string[]; version?: string };
};

// glossary.json is validated by glossaryProblems() in the unit tests; here it is only indexed.
const file = raw as unknown as GlossaryFile;

/** The stamp of the wordings this build was made with: a copy with another stamp is stale. */
export const GLOSSARY_VERSION: string | null = file._about.version ?? null;

const index = (from: GlossaryFile): ReadonlyMap<string, LanguageGlossary> =>
  new Map(from._about.languages.map((l) => [l, from[l] as LanguageGlossary]));

// Every context but the content script ships the wordings; the content script ships only the stamp and
// installs the wordings from storage before it reads a page (src/content/glossary.ts). Replaced whole,
// never edited, so a reader that holds the old map keeps a consistent one.
let GLOSSARY = index(file);
let generation = 0;

/** Languages the page reader understands, in glossary order (English first). */
export function glossaryLanguages(): readonly string[] {
  return [...GLOSSARY.keys()];
}

/** Counts installGlossary calls: lookups built from the wordings are stale once it moves. */
export function glossaryGeneration(): number {
  return generation;
}

/** The wordings in force, as glossary.json has them (less the documentation): what the worker hands out. */
export function glossaryFile(): GlossaryFile {
  const languages = glossaryLanguages();
  return Object.assign(
    { _about: { languages: [...languages], ...(GLOSSARY_VERSION ? { version: GLOSSARY_VERSION } : {}) } },
    Object.fromEntries(languages.map((l) => [l, GLOSSARY.get(l)!])),
  );
}

/**
 * Installs wordings that came from outside the code (storage, a message): null once installed, else why
 * not, and the wordings in force stay. Only a copy whose wordings hash to this build's stamp is taken,
 * so the reader never meets a missing key or a wording of another build.
 */
export function installGlossary(candidate: unknown): string | null {
  const problem = glossaryFileProblem(candidate);
  if (problem) return problem;
  GLOSSARY = index(candidate as GlossaryFile);
  generation++;
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function glossaryFileProblem(candidate: unknown): string | null {
  if (!isRecord(candidate) || !isRecord(candidate._about)) return 'not a glossary';
  const { languages, version } = candidate._about;
  if (version !== GLOSSARY_VERSION) return `wordings of another version (${String(version)})`;
  if (!Array.isArray(languages) || !languages.every((l) => typeof l === 'string' && isRecord(candidate[l])))
    return 'languages missing';
  // The stamp says what the wordings should be: a copy that differs in any way is not this build's.
  if (wordingsStamp(candidate, languages) !== version) return 'wordings changed since they were stamped';
  return null;
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

function normalize(text: string): string {
  // ASCII text is its own NFKC form and has no invisible marks, and its case folds without ICU.
  const folded = NOT_PLAIN_ASCII.test(text)
    ? text
        .normalize('NFKC')
        .toLocaleLowerCase('und')
        .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    : text.toLowerCase();
  return folded
    .replace(/\(\s*\d+\s*\)|（\s*\d+\s*）/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/^[\s:：·•*\-–—|]+|[\s:：·•*\-–—|]+$/g, '')
    .trim();
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
