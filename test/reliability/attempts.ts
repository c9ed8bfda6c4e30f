// Runs a check over many generated cases and records every failure instead of stopping at the first,
// so one run of a fuzz suite says how many cases failed and which. Shared by the fuzz suites.
import fc from 'fast-check';

export interface Failure<T> {
  index: number;
  value: T;
  problem: string;
}

/** Checks each value, recording what threw or failed instead of stopping at the first. */
export function tryEach<T>(
  values: readonly T[],
  check: (value: T) => string | null,
  first = 0,
): Failure<T>[] {
  const failures: Failure<T>[] = [];
  values.forEach((value, i) => {
    let problem: string | null;
    try {
      problem = check(value);
    } catch (e) {
      problem = `threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    }
    if (problem !== null) failures.push({ index: first + i, value, problem });
  });
  return failures;
}

/** Cases generated at once: the batch from case `start` on is seeded `seed + start`. */
export const BATCH = 500;

/** `runs` seeded samples of arb, generated in batches so 10,000 cases never sit in memory at once. */
export function tryAll<T>(
  arb: fc.Arbitrary<T>,
  runs: number,
  seed: number,
  check: (value: T) => string | null,
): Failure<T>[] {
  return tryShard(arb, runs, seed, check, { shard: 0, shards: 1 }).failures;
}

export const summary = (failures: { index: number; problem: string }[]) =>
  failures.slice(0, 3).map((f) => `case ${f.index}: ${f.problem.slice(0, 600)}`);

/**
 * Batches `shard`, `shard + shards`, … of what tryAll(arb, runs, seed, check) tries: the same cases,
 * spread over several test files that run side by side.
 */
export function tryShard<T>(
  arb: fc.Arbitrary<T>,
  runs: number,
  seed: number,
  check: (value: T) => string | null,
  { shard, shards }: { shard: number; shards: number },
): { tried: number; failures: Failure<T>[] } {
  const failures: Failure<T>[] = [];
  let tried = 0;
  for (let start = shard * BATCH; start < runs; start += shards * BATCH) {
    const values = fc.sample(arb, { seed: seed + start, numRuns: Math.min(BATCH, runs - start) });
    tried += values.length;
    failures.push(...tryEach(values, check, start));
  }
  return { tried, failures };
}
