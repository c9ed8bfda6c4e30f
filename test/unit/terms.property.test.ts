import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { PromotionTerms } from '../../src/core/schemas.ts';
import { parseTerms } from '../../src/core/terms/index.ts';

const langs = fc.constantFrom(null, 'en', 'es', 'pt-BR', 'fr', 'de', 'id', 'ja', 'vi', 'xx', '');
const received = fc.option(fc.constantFrom('2026-11-02', '2026-02-30', 'not a date'), { nil: null });
// Pieces of real offers, so random texts reach the rules and not only the "nothing found" path.
const offerish = fc.constantFrom(
  'Spend $50',
  ' get ',
  'USD 200',
  'within 30 days',
  'two weeks',
  '10,000円以上',
  '有効期限は2027年3月31日',
  'Rp500.000',
  '1.000.000 ₫',
  ' in the last 90 days',
  'Available in US, CA',
  'January 31, 2027',
  '\n',
  '. ',
);

describe('parseTerms on arbitrary text', () => {
  it('never throws and always returns schema-valid terms', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary' }),
          fc.array(offerish).map((a) => a.join('')),
        ),
        langs,
        received,
        (text, lang, rec) => {
          expect(PromotionTerms.safeParse(parseTerms(text, { lang, received: rec })).success).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('copes with a ~100 KB text quickly', () => {
    fc.assert(
      fc.property(fc.array(offerish, { minLength: 8000, maxLength: 9000 }), (parts) => {
        const started = performance.now();
        const terms = parseTerms(parts.join(''), { lang: 'en' });
        expect(PromotionTerms.safeParse(terms).success).toBe(true);
        expect(performance.now() - started).toBeLessThan(4000);
      }),
      { numRuns: 2 },
    );
  });
});
