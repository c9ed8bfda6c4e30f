// Reading cost against the floor inside Chromium: the generated page is set as a tab's content, the
// bundled reader is added to it, and the interleaved comparison runs in the page with performance.now().
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../scripts/browser/harness.ts';
import { bundleForPage } from './bundle-for-page.ts';
import { benchPage, readsCorrectly, SIZES } from './pages.ts';
import { runsFor, sizePoint, type SizePoint } from './reader.ts';

interface PageBench {
  readPage(doc: Document, url: string): { promotions: unknown };
  rereadOneRow(doc: Document, url: string): () => unknown;
  textFloor(doc: Document): number;
  compare(
    a: () => unknown,
    b: () => unknown,
    opts: ReturnType<typeof runsFor>,
  ): { a: number; b: number; ratio: number; ratioIqr: [number, number]; runs: number };
}

export async function measureChromium(
  browser: Browser,
  sizes: readonly number[] = SIZES,
): Promise<SizePoint[]> {
  const script = await bundleForPage(join(ROOT, 'bench', 'browser-entry.ts'), 'acgBench');
  const context = await browser.newContext();
  try {
    const points: SizePoint[] = [];
    for (const rows of sizes) {
      const built = benchPage(rows);
      const page = await context.newPage();
      await page.setContent(built.html, { waitUntil: 'load' });
      await page.addScriptTag({ path: script });
      const { result, again, promotions } = await page.evaluate(
        ([url, opts]) => {
          const bench = (globalThis as unknown as { acgBench: PageBench }).acgBench;
          const promotions = JSON.stringify(bench.readPage(document, url).promotions);
          const result = bench.compare(
            () => bench.readPage(document, url),
            () => bench.textFloor(document),
            opts,
          );
          const again = bench.compare(
            bench.rereadOneRow(document, url),
            () => bench.textFloor(document),
            opts,
          );
          return { result, again, promotions };
        },
        [built.url, runsFor(rows)] as const,
      );
      await page.close();
      points.push(sizePoint(rows, result, again, readsCorrectly(built, JSON.parse(promotions))));
    }
    return points;
  } finally {
    await context.close();
    rmSync(dirname(script), { recursive: true, force: true });
  }
}
