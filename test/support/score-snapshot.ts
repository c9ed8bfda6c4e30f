// Scores a page snapshot against one written by hand, field by field, the way the shared fixture checker counts
// (every leaf of the expected JSON but `warnings`; an extra promotion counts as one more field), and sorts what
// does not match into the two failures that differ for an advertiser: a field left empty (null: a miss) and a
// field filled with another value (wrong: the failure the reader must never have).

/** One leaf of the expected snapshot the reader did not reproduce. */
export interface FieldMiss {
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface Score {
  hit: number;
  total: number;
  /** Left empty: null, absent, or the "unknown" of a promotion's type or status. */
  empty: FieldMiss[];
  /** Filled with a value the page does not show: non-null and different, or a promotion the page does not list. */
  wrong: FieldMiss[];
}

const same = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 0.005 : a === b;

/** The values that say "not read": a promotion's type and status use "unknown" where other fields use null. */
const isEmpty = (path: string, v: unknown) =>
  v === null || v === undefined || (v === 'unknown' && /\.(type|status)$/.test(path));

export function scoreSnapshot(expected: unknown, actual: unknown): Score {
  const score: Score = { hit: 0, total: 0, empty: [], wrong: [] };
  walk(expected, actual, '', score);
  return score;
}

function walk(expected: unknown, actual: unknown, path: string, score: Score): void {
  if (Array.isArray(expected)) {
    const got = Array.isArray(actual) ? actual : [];
    if (expected.length === 0) {
      score.total += 1;
      if (Array.isArray(actual) && actual.length === 0) score.hit += 1;
      else if (got.length > 0) score.wrong.push({ path, expected, actual: `${got.length} items` });
      else score.empty.push({ path, expected, actual });
      return;
    }
    for (let i = 0; i < Math.max(expected.length, got.length); i++) {
      if (i < expected.length) walk(expected[i], got[i], `${path}[${i}]`, score);
      else {
        score.total += 1;
        score.wrong.push({ path: `${path}[${i}]`, expected: undefined, actual: got[i] });
      }
    }
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    const obj =
      actual !== null && typeof actual === 'object' ? (actual as Record<string, unknown>) : undefined;
    for (const [k, v] of Object.entries(expected)) {
      if (k === 'warnings') continue;
      walk(v, obj?.[k], path ? `${path}.${k}` : k, score);
    }
    return;
  }
  score.total += 1;
  if (same(expected, actual) || (expected === null && nothingIn(actual))) score.hit += 1;
  else if (isEmpty(path, actual)) score.empty.push({ path, expected, actual });
  else score.wrong.push({ path, expected, actual });
}

/** A field with nothing in it: a balance of three nulls says no more than a null balance, and no less. */
function nothingIn(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  return typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(nothingIn);
}

/**
 * Whether a warning names the field at `path`: it mentions the snapshot's top-level key ("promotion" for
 * promotions[i].x, "account" for accountId) or the field's own key, so an advertiser reading the warning
 * knows which value is missing.
 */
export function warningNames(warnings: readonly string[], path: string): boolean {
  const top = /^[a-zA-Z]+/.exec(path)?.[0] ?? path;
  const leaf = /([a-zA-Z]+)$/.exec(path)?.[1] ?? path;
  const words = [top === 'promotions' ? 'promotion' : top === 'accountId' ? 'account' : top, leaf].map((w) =>
    w.toLowerCase(),
  );
  return warnings.some((w) => words.some((word) => w.toLowerCase().includes(word)));
}
