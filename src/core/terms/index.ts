// Offer text → PromotionTerms, for the CLI, the worker and the popup's "paste terms" form.
import type { PromotionTerms } from '../schemas.ts';

export { parseTerms, type ParseOptions } from './parse.ts';

/** The terms the text did not state, so the form can ask for them; regions are never missing, only empty. */
export function describeMissing(terms: PromotionTerms): Array<keyof PromotionTerms> {
  return (Object.keys(terms) as Array<keyof PromotionTerms>).filter((k) => terms[k] === null);
}
