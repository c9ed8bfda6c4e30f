// `cli terms <text-file> [--lang <bcp47>] [--received <YYYY-MM-DD>]`: the PromotionTerms an offer's text states.
import { isValidIsoDate } from '../../core/dates.ts';
import type { PromotionTerms } from '../../core/schemas.ts';
import { parseTerms } from '../../core/terms/index.ts';
import { InputError, readTextFile } from '../io.ts';

export function run(positional: string[], options: Map<string, string>): PromotionTerms {
  const text = readTextFile(positional[0], 'offer text');
  const lang = options.get('lang') ?? null;
  if (lang !== null && !isLanguageTag(lang))
    throw new InputError(`--lang ${lang}: not a BCP 47 language tag`);
  const received = options.get('received') ?? null;
  if (received !== null && !isValidIsoDate(received)) {
    throw new InputError(`--received ${received}: expected a YYYY-MM-DD date`);
  }
  return parseTerms(text, { lang, received });
}

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
