// Sizes and printed figures shared by the reliability suites (Node and Chromium). CI runs them at
// RELIABILITY_SCALE=1; a larger multiplier (e.g. 10) tries more cases on a machine that has the time.
import process from 'node:process';

const SCALE = Math.max(Number(process.env.RELIABILITY_SCALE ?? 1) || 1, 0.01);

/** `n` cases at the current scale, at least one. */
export function scaled(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}

/** One line per suite, in a fixed format CI logs can be searched for: "[reliability] name: figures". */
export function report(suite: string, figures: string): void {
  console.log(`[reliability] ${suite}: ${figures}`);
}
