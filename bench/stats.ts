// Small statistics for the benchmark: medians over repeated runs, ratios, growth exponents.
// Figures are reported, never asserted in tests: shared machines are too noisy for timed assertions.

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (0..1) by linear interpolation between the nearest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}

/**
 * Times `fn` until the median is stable: at least `minRuns` runs and `minMs` of samples, at most `maxRuns`.
 * Warm-up runs are discarded so JIT compilation does not count against the first size measured.
 */
export function sample(
  fn: () => unknown,
  opts: { minRuns?: number; maxRuns?: number; minMs?: number; warmup?: number } = {},
) {
  const { minRuns = 7, maxRuns = 200, minMs = 400, warmup = 2 } = opts;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  let total = 0;
  while (times.length < maxRuns && (times.length < minRuns || total < minMs)) {
    const t0 = performance.now();
    fn();
    const dt = performance.now() - t0;
    times.push(dt);
    total += dt;
  }
  return { median: median(times), runs: times.length };
}

/** Shortest span one timed sample should cover: browsers coarsen performance.now() to 0.1 ms or worse. */
const MIN_SAMPLE_MS = 2;

/** Times `reps` calls of fn and returns the mean per call. */
function timed(fn: () => unknown, reps: number): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps;
}

/** How many calls of fn one sample needs to span MIN_SAMPLE_MS, so the clock's grain does not show. */
function repsFor(fn: () => unknown): number {
  // Judged warm, on the quickest of three timings: a first call that compiles, or a collection in the
  // middle of one timing, would otherwise settle on one call per sample for a function that takes
  // microseconds, and samples that read 0 on Chromium's 0.1 ms clock (ratios in the hundred thousands).
  for (let i = 0; i < 3; i++) fn();
  let reps = 1;
  while (reps < 4096 && Math.min(timed(fn, reps), timed(fn, reps), timed(fn, reps)) * reps < MIN_SAMPLE_MS)
    reps *= 2;
  return reps;
}

/**
 * Interleaves two measurements run for run, so drift in machine load hits both alike, and returns their
 * medians (per call) and the median of the per-run ratios a/b. A call too quick for the clock is
 * repeated within each sample until the sample spans a few ms; each side gets its own count.
 */
export function compare(
  a: () => unknown,
  b: () => unknown,
  opts: { minRuns?: number; maxRuns?: number; minMs?: number } = {},
) {
  const { minRuns = 9, maxRuns = 300, minMs = 600 } = opts;
  const ra = repsFor(a);
  const rb = repsFor(b);
  const ta: number[] = [];
  const tb: number[] = [];
  const ratios: number[] = [];
  let total = 0;
  while (ta.length < maxRuns && (ta.length < minRuns || total < minMs)) {
    const da = timed(a, ra);
    const db = timed(b, rb);
    ta.push(da);
    tb.push(db);
    ratios.push(da / Math.max(db, 1e-6));
    total += da * ra + db * rb;
  }
  // The ratios' interquartile range says how far one run's ratio strays: wide means a noisy machine.
  return {
    a: median(ta),
    b: median(tb),
    ratio: median(ratios),
    ratioIqr: [quantile(ratios, 0.25), quantile(ratios, 0.75)] as [number, number],
    runs: ta.length,
    reps: [ra, rb] as [number, number],
  };
}

/** Exponent k in time ∝ n^k between the smallest and largest size: 1 is linear, 2 quadratic. */
export function growthExponent(points: ReadonlyArray<{ n: number; ms: number }>): number {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return Math.log(last.ms / first.ms) / Math.log(last.n / first.n);
}
