// The content script runs on every Ads Manager page: it must not carry a validator or a UI library. Walks
// the runtime imports (not `import type`) from its entry and fails if any package is reachable.
import { readdirSync, readFileSync } from 'node:fs';
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
      // Data and styles are bundled as they are; only modules import further.
      else if (!/\.json$|\.css\?inline$/.test(spec!)) visit(join(dirname(file), spec!));
    }
  };
  visit(entry);
  return { files, packages };
}

describe('content script imports', () => {
  it('reach no package: no validator, no polyfill, no preact', () => {
    const { files, packages } = runtimeGraph(ENTRY);
    expect([...packages]).toEqual([]);
    expect([...files].some((f) => f.endsWith('src/core/page/read.ts'))).toBe(true);
  });

  it('read no date, no row value and no refusal wording on the page: the worker reads them (core/page/row-values.ts)', () => {
    const { files } = runtimeGraph(ENTRY);
    const reached = (name: string) => [...files].some((f) => f.endsWith(name));
    expect(reached('src/core/page/promotions.ts')).toBe(true);
    expect(reached('src/core/date-text.ts')).toBe(false);
    expect(reached('src/core/page/row-values.ts')).toBe(false);
    // Nor the refusals' wording: the worker recognises a refusal the page shows in words only.
    expect(reached('src/core/diagnosis/refusals.ts')).toBe(false);
  });

  it('name preact nowhere under src/content, not even for types', () => {
    const dir = dirname(ENTRY);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    expect(files).toContain(join('features', 'panel.ts'));
    const naming = files.filter((f) => /['"]preact(?:\/|['"])/.test(readFileSync(join(dir, f), 'utf8')));
    expect(naming).toEqual([]);
  });
});
