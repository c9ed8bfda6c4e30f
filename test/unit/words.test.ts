// The glossary look-ups turn long texts away by counting their letters before normalising them: they
// must answer exactly as normalising every text and comparing does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { LanguageGlossary } from '../../src/core/page/glossary.ts';
import { glossariesFor, matchesWording, normalizeLabel, wordings } from '../../src/core/page/glossary.ts';
import { wordsFor } from '../../src/core/page/words.ts';

// Fixed in CI so a run is repeatable; FC_SEED replays another (fast-check prints the seed on failure).
const SEED = Number(process.env.FC_SEED ?? 20261207);

const noRequirements = (g: LanguageGlossary) => g.labels.noRequirements;
const statuses = (g: LanguageGlossary) => Object.values(g.statuses).flatMap(wordings);

/** A wording as a page may dress it: case, spaces, a count, punctuation at the ends, or other text. */
function dressed(wording: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const pad = fc.constantFrom('', ' ', '   ', '\n\t ', ' : ', '• ', ' (3)', ' ( 12 )', ' —', '|');
  return fc
    .tuple(pad, wording, pad, fc.boolean(), fc.string({ maxLength: 40 }), fc.nat(3))
    .map(([before, w, after, upper, other, how]) => {
      const cased = upper ? w.toUpperCase() : w;
      if (how === 0) return `${before}${cased}${after}`;
      if (how === 1) return `${cased} ${other}`;
      if (how === 2) return `${before}${cased.split(' ').join('    ')}${after}${after}${after}`;
      return other;
    });
}

describe('glossary look-ups', () => {
  for (const lang of ['en', 'fr', 'ja', null]) {
    const words = wordsFor(lang);
    const glossaries = glossariesFor(lang);
    const all = (pick: (g: LanguageGlossary) => string[]) => [...new Set(glossaries.flatMap(pick))];

    it(`say what normalising and comparing says, in ${lang ?? 'no language'}`, () => {
      const texts = dressed(fc.constantFrom(...all((g) => wordings(noRequirements(g))), ...all(statuses)));
      fc.assert(
        fc.property(texts, (text) => {
          expect(words.says(noRequirements, text)).toBe(
            glossaries.some((g) => matchesWording(text, noRequirements(g))),
          );
          expect(words.key('statuses', text)).toBe(words.keyOfNormal('statuses', normalizeLabel(text)));
        }),
        { seed: SEED, numRuns: 400 },
      );
    });
  }

  it('turn a long sentence away, and still know a wording padded far past its length', () => {
    const words = wordsFor('en');
    expect(words.says(noRequirements, 'Spend USD 75.93 within 30 days after activation')).toBe(false);
    expect(
      words.says(noRequirements, `  ${'No usage requirements'.split(' ').join('          ')} (3) :: `),
    ).toBe(true);
  });
});
