// The built popup page loads one module before its first paint, with a tiny classic script that starts
// its storage read, and waits for no style sheet: vite.config.ts popupPage() builds it on its own and
// writes its styles into the page. `npm run bench` times it against
// an empty extension page; this pins the shape that timing depends on.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// A static import or re-export in a built module ("import{a}from"./x.js"", "import"./x.js""); import() is not.
const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import\s*(?:[\w$*{][^'"();]*?\bfrom\s*)?|export\s*[*{][^'"();]*?\bfrom\s*)["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g;
const MAPPED_DEPS = /__vite__mapDeps=[^[]*\[([^\]]*)\]/;

describe('built popup page', () => {
  for (const target of ['chrome', 'firefox']) {
    const dist = join(root, 'dist', target);
    const manifest = join(dist, 'manifest.json');
    it.runIf(existsSync(manifest))(
      `${target}: one module, a storage read ahead of it, its styles in the page`,
      () => {
        const page = (JSON.parse(readFileSync(manifest, 'utf8')) as { action: { default_popup: string } })
          .action.default_popup;
        expect(page).toBe('src/popup/index.html');
        const html = readFileSync(join(dist, page), 'utf8');
        // The classic script that starts the storage read, then the module: the browser hands the page
        // its files in the order asked, so the read starts one file earlier, and the module runs once
        // the page is parsed, after the classic one.
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts).toHaveLength(2);
        expect(scripts[0]).toMatch(/^<script src="\/[^"]+\.js">$/);
        expect(scripts[1]).toMatch(/type="module"/);
        const ask = readFileSync(join(dist, /src="\/([^"]+)"/.exec(scripts[0]!)![1]!), 'utf8');
        expect(ask).not.toMatch(/\bimport\b|\bexport\b/);
        expect(ask).toContain(target === 'firefox' ? 'browser.storage.local' : 'chrome.storage.local');
        expect(html).not.toMatch(/<link\b[^>]*rel="(?:stylesheet|modulepreload)"/);
        // The whole sheet, dark mode included: no flash of light colours before a sheet arrives.
        const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
        expect(style).toMatch(/prefers-color-scheme:\s*dark/);
        expect(style).toMatch(/\.card\b/);

        const entry = /src="\/([^"]+)"/.exec(scripts[1]!)![1]!;
        const code = readFileSync(join(dist, entry), 'utf8');
        expect([...code.matchAll(STATIC_IMPORT)].map((m) => m[1])).toEqual([]);
        // What it loads after the first paint is there, and those parts import only files that are there.
        const later = [
          ...[...code.matchAll(DYNAMIC_IMPORT)].map((m) => posix.join(posix.dirname(entry), m[1]!)),
          ...(MAPPED_DEPS.exec(code)?.[1]?.match(/[^"',]+\.js/g) ?? []),
        ];
        expect(later.length).toBeGreaterThan(0);
        for (const file of later) {
          expect(existsSync(join(dist, file)), file).toBe(true);
          for (const m of readFileSync(join(dist, file), 'utf8').matchAll(STATIC_IMPORT)) {
            const dep = posix.join(posix.dirname(file), m[1]!);
            expect(existsSync(join(dist, dep)), `${file} -> ${dep}`).toBe(true);
          }
        }
      },
    );
  }
});
