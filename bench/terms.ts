// Offer-text parsing in Node: how its time grows from 10 KB to 1 MB of pasted text. The text is the
// shape that once hung the parser (a run of "Spend $50" with nothing between, then random pieces of
// offers), so a super-linear path anywhere in the parser shows as an exponent well above 1.
import { parseTerms } from '../src/core/terms/index.ts';
import { offerTextOfSize } from '../test/support/offer-text.ts';
import type { Figure } from './report.ts';
import { growthExponent, sample } from './stats.ts';

const SIZES = [10_000, 100_000, 1_000_000];

export function measureTerms(): Array<{ n: number; ms: number }> {
  return SIZES.map((n) => {
    const text = offerTextOfSize(1, n);
    // Fewer runs for the large texts: each takes long enough to time on its own.
    const { median } = sample(() => parseTerms(text, { lang: 'en' }), {
      minRuns: n >= 1_000_000 ? 3 : 7,
      minMs: n >= 1_000_000 ? 0 : 400,
      warmup: 1,
    });
    return { n, ms: median };
  });
}

export function termsFigures(points: ReadonlyArray<{ n: number; ms: number }>): Figure[] {
  const last = points[points.length - 1]!;
  return [
    {
      section: 'terms (Node)',
      name: 'parse growth exponent, 10 KB → 1 MB',
      value: growthExponent(points),
      unit: '',
      budget: { max: 1.1 },
      note: points.map((p) => `${p.n / 1000} KB ${p.ms.toFixed(1)} ms`).join(', '),
    },
    {
      section: 'terms (Node)',
      name: 'parse 1 MB of offer text',
      value: last.ms,
      unit: 'ms',
      budget: { max: 1000 },
    },
  ];
}
