// The built content script is one self-contained classic script: `npm run bench` counts that file as all
// the code an Ads Manager page loads, and pages find nothing of ours web-accessible to probe.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import glossary from '../../src/core/page/glossary.json' with { type: 'json' };
import { DEMO_CLOCK_KEY } from '../../src/core/store/keys.ts';

const root = join(import.meta.dirname, '..', '..');

describe('built content script', () => {
  for (const target of ['chrome', 'firefox']) {
    const dist = join(root, 'dist', target);
    it.runIf(existsSync(join(dist, 'manifest.json')))(
      `${target}: imports nothing and exposes nothing`,
      () => {
        const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
          content_scripts: Array<{ js: string[] }>;
          web_accessible_resources?: unknown;
        };
        expect(manifest.web_accessible_resources).toBeUndefined();
        const files = manifest.content_scripts.flatMap((s) => s.js);
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
          const code = readFileSync(join(dist, file), 'utf8');
          expect(code, file).not.toMatch(/\bimport\s*\(|(?:^|[;}])\s*(?:import|export)\b[^(]/);
          // It sorts nothing: a collator made as a module loads (core/urgency.ts) would load the browser's
          // collation data on every Ads Manager page.
          expect(code, file).not.toContain('Intl.Collator');
          // Every language's wordings ship inside it, without the documentation.
          expect(code, file).not.toContain(glossary._about.what);
          for (const lang of glossary._about.languages) {
            const earning: string | string[] = glossary[lang as 'es'].tabs.earning;
            expect(code.includes([earning].flat()[0]!), `${file} ${lang}`).toBe(true);
          }
        }
      },
    );
  }

  // The demo's movable clock (src/platform/clock.ts) is in the demo build only: a shipped build has no
  // code that reads an offset, in any of its files.
  for (const target of ['chrome', 'firefox']) {
    const dist = join(root, 'dist', target);
    it.runIf(existsSync(join(dist, 'manifest.json')))(`${target}: goes by the system clock only`, () => {
      const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files)
        expect(readFileSync(join(dist, file), 'utf8'), file).not.toContain(DEMO_CLOCK_KEY);
    });
  }
});
