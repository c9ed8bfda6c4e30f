// What the redeem dialog says when it refuses a code (refusals.json), per page language and by cause.
// Not page wording the content script looks for: the worker recognises a refusal among the texts the
// page showed (core/page/row-values.ts) and the diagnosis names its cause (errors.ts).
import raw from './refusals.json' with { type: 'json' };
import { glossaryLanguage, glossaryLanguages, matchesWording } from '../page/glossary.ts';
import type { Wording } from '../page/glossary.ts';

export type RefusalKey = keyof (typeof raw)['en'];

const REFUSALS = raw as unknown as Record<string, Record<RefusalKey, Wording>>;

/** Each cause's wording, the page language's first, then the other languages' in the glossary's order. */
export function refusalWordings(lang: string | null | undefined): Array<[RefusalKey, Wording]> {
  const own = glossaryLanguage(lang);
  const order = own ? [own, ...glossaryLanguages().filter((l) => l !== own)] : glossaryLanguages();
  return order.flatMap((l) => Object.entries(REFUSALS[l] ?? {}) as Array<[RefusalKey, Wording]>);
}

/** The cause whose wording, in any language, `text` says (after normalisation); null for none. */
export function refusalSaid(text: string, lang: string | null | undefined): RefusalKey | null {
  for (const [key, wording] of refusalWordings(lang)) if (matchesWording(text, wording)) return key;
  return null;
}
