// The content script runs on every Ads Manager page: it must not carry a validator. Walks the runtime
// imports (not `import type`) from its entry and fails if zod is reachable.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENTRY = resolve(import.meta.dirname, '..', '..', 'src', 'content', 'main.ts');
// Static runtime imports and re-exports; `import type` / `export type` are erased by the compiler.
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function runtimeGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!spec!.startsWith('.')) packages.add(spec!.split('/')[0]!);
      else if (!spec!.endsWith('.json')) visit(join(dirname(file), spec!));
    }
  };
  visit(entry);
  return { files, packages };
}

describe('content script imports', () => {
  it('reach preact only: no validator, no polyfill', () => {
    const { files, packages } = runtimeGraph(ENTRY);
    expect([...packages].sort()).toEqual(['preact']);
    expect([...files].some((f) => f.endsWith('src/core/page/read.ts'))).toBe(true);
  });
});
