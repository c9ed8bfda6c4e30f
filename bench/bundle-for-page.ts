// Bundles a module for a plain web page (one IIFE file with a global name), as the extension's build
// would minify it, so the browser figures time the code the content script really runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'acg-bench-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: globalName, fileName: () => 'bundle.js' },
    },
  });
  return join(outDir, 'bundle.js');
}
