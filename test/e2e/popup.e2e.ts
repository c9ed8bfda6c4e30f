// The popup's first paint in Chromium, with 500 kept promotions and the worker's summary of them: the
// first cards come from the first script alone (the part that reads and validates everything has not even
// been requested yet), in the dark theme when the system asks for it, with their labels and buttons.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryOf } from '../../src/background/summary.ts';
import { KEY, SCHEMA_VERSION, promoKey } from '../../src/core/store/layout.ts';
import { keptFrom } from '../../src/platform/store.ts';
import { benchRecords } from '../../bench/records.ts';
import { e2eBrowsers } from '../../scripts/browser/browsers.ts';
import { launchHarness, POPUP_PATH, type Harness } from '../../scripts/browser/harness.ts';

// Runs before the popup's scripts: notes the modules the page has asked for by the time the first card is
// in it. Extension pages list no resource timings, but each import() of the build adds a
// <link rel="modulepreload"> for every module it needs that the page has not asked for yet.
const WATCH_FIRST_CARD = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  new MutationObserver((_, observer) => {
    if (window.__firstCard || !document.querySelector('article')) return;
    window.__firstCard = [...document.querySelectorAll('script[src], link[rel="modulepreload"]')]
      .map((e) => e.getAttribute('src') ?? e.getAttribute('href'));
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
})();`;

describe.skipIf(!e2eBrowsers().includes('chromium'))("the popup's first paint", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness();
    await h.context.addInitScript(WATCH_FIRST_CARD);
    const items: Record<string, unknown> = { [KEY.version]: SCHEMA_VERSION };
    for (const r of benchRecords(500)) items[promoKey(r.accountId, r.id)] = r;
    // The summary as the worker writes it, for the system's zone (no zone is set).
    items[KEY.summary] = summaryOf(
      keptFrom(items),
      Date.now(),
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    await h.workerEval((api, seed) => api.storage.local.set(seed), items);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function open(colorScheme: 'light' | 'dark'): Promise<Page> {
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`${h.extensionOrigin}${POPUP_PATH}`);
    await page.waitForFunction(() => (window as unknown as { __firstCard?: string[] }).__firstCard);
    return page;
  }

  it('paints the summary before the rest of the popup is requested, then the whole list', async () => {
    const page = await open('light');
    const modules = (html: string) =>
      page.evaluate(
        (source) =>
          [
            ...new DOMParser()
              .parseFromString(source, 'text/html')
              .querySelectorAll('script[src], link[rel="modulepreload"]'),
          ].map((e) => e.getAttribute('src') ?? e.getAttribute('href')),
        html,
      );
    const atFirstCard = await page.evaluate(
      () => (window as unknown as { __firstCard: string[] }).__firstCard,
    );
    // The first script and its static imports, as the popup's HTML names them: nothing more.
    const html = await page.evaluate(() => fetch(location.href).then((r) => r.text()));
    expect(atFirstCard).toEqual(await modules(html));
    // The list after the full read: a page of 50 and "show more" for the rest of the 500.
    await expect.poll(() => page.locator('article').count(), { timeout: 20_000 }).toBe(50);
    // The rest was asked for after the first card: the full read's modules, zod's among them.
    const later = await page.evaluate(
      () => document.querySelectorAll('script[src], link[rel="modulepreload"]').length,
    );
    expect(later).toBeGreaterThan(atFirstCard.length);
    await page.close();
  });

  it("is dark from its first card when the system is, with the cards' labels and buttons", async () => {
    const page = await open('dark');
    const colors = await page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      card: getComputedStyle(document.querySelector('article')!).backgroundColor,
      labelled: [...document.querySelectorAll('article')].every((a) => {
        const title = document.getElementById(a.getAttribute('aria-labelledby') ?? '');
        return title !== null && title.textContent !== '';
      }),
    }));
    // styles.css's dark --bg and --surface.
    expect(colors).toEqual({ page: 'rgb(23, 25, 28)', card: 'rgb(34, 38, 43)', labelled: true });
    await page.locator('article button').first().focus();
    expect(await page.evaluate(() => document.activeElement?.closest('article') !== null)).toBe(true);
    await page.close();
  });
});
