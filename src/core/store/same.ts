// Whether two values are the same once stored: the browser keeps an object's members in its own order and
// drops those that are undefined, so stored values are compared member by member, not as JSON text.
export function sameStored(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const [va, vb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  // Without sorting or copying either side: the worker compares every value it writes with the change
  // storage reports for it.
  let defined = 0;
  for (const key of Object.keys(va)) {
    if (va[key] === undefined) continue;
    defined += 1;
    if (!Object.hasOwn(vb, key) || !sameStored(va[key], vb[key])) return false;
  }
  for (const key of Object.keys(vb)) if (vb[key] !== undefined) defined -= 1;
  return defined === 0;
}
