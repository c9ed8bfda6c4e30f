// Offer-text parsing in Node: how its time grows from 10 KB to 1 MB of pasted text. The text is the
// shape that once hung the parser (a run of "Spend $50" with nothing between, then random pieces of
// offers), so a super-linear path anywhere in the parser shows as an exponent well above 1.
import process from 'node:process';
import { parseTerms } from '../src/core/terms/index.ts';
import { offerTextOfSize } from '../test/support/offer-text.ts';
import type { Figure } from './report.ts';
import { growthExponent, sample } from './stats.ts';

const SIZES = [10_000, 100_000, 1_000_000];

export interface TermsPoint {
  n: number;
  ms: number;
  /** CPU time of the process per parse: on a machine shared with other work, wall time also counts waiting. */
  cpuMs: number;
}

export function measureTerms(): TermsPoint[] {
  return SIZES.map((n) => {
    const text = offerTextOfSize(1, n);
    const parse = () => parseTerms(text, { lang: 'en' });
    // Fewer runs for the large texts: each takes long enough to time on its own.
    const cpu0 = process.cpuUsage();
    const { median, runs } = sample(parse, {
      minRuns: n >= 1_000_000 ? 3 : 7,
      minMs: n >= 1_000_000 ? 0 : 400,
      warmup: 1,
    });
    const cpu = process.cpuUsage(cpu0);
    return { n, ms: median, cpuMs: (cpu.user + cpu.system) / 1000 / (runs + 1) };
  });
}

export function termsFigures(points: readonly TermsPoint[]): Figure[] {
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
      note: `median wall time; CPU time ${last.cpuMs.toFixed(0)} ms per parse (the rest is waiting on a busy machine)`,
    },
  ];
}
