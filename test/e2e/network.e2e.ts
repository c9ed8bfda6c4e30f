// The recorder behind "the extension makes no requests of its own" must see each way the extension
// could reach the network, or that assertion proves nothing. Its own browser: these probes are requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAYMENT_URL, isDemoSiteUrl } from '../../scripts/demo-server.ts';
import { extensionPageEval, launchHarness, type Harness } from '../../scripts/browser/harness.ts';
import { e2eBrowsers } from '../../scripts/browser/browsers.ts';

const probe = (who: string): string => `https://ads.tiktok.com/e2e-probe/${who}`;

describe.skipIf(!e2eBrowsers().includes('chromium'))('network recorder', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const extensionUrls = (): string[] => h.network.extensionRequests().map((r) => r.url);

  it('counts the demo page and its assets as the page, not the extension', async () => {
    const page = await h.openPage(DEMO_PAYMENT_URL);
    const web = h.network.requests.filter((r) => /^https?:/.test(r.url));
    expect(web.length).toBeGreaterThan(0);
    expect(web.filter((r) => r.by !== 'page' || !isDemoSiteUrl(r.url))).toEqual([]);
    await page.close();
  });

  it('attributes a fetch from the service worker to the extension', async () => {
    await h.workerEval(
      (_api, url) =>
        fetch(url).then(
          () => null,
          () => null,
        ),
      probe('worker'),
    );
    await expect.poll(extensionUrls).toContain(probe('worker'));
  });

  it('attributes a fetch from an extension page to the extension', async () => {
    const popup = await h.openExtensionPage();
    await extensionPageEval(
      popup,
      (_api, url) =>
        fetch(url).then(
          () => null,
          () => null,
        ),
      probe('popup'),
    );
    await expect.poll(extensionUrls).toContain(probe('popup'));
    await popup.close();
  });

  it('attributes a content script fetch to the extension, and flags an image it inserts as unexpected', async () => {
    const page = await h.openPage(DEMO_PAYMENT_URL);
    await h.contentScriptEval(
      page,
      (_api, urls) => {
        const img = document.createElement('img');
        img.src = urls[1]!;
        document.body.append(img);
        return fetch(urls[0]!).then(
          () => null,
          () => null,
        );
      },
      [probe('content-fetch'), probe('content-img')],
    );
    await expect.poll(extensionUrls).toContain(probe('content-fetch'));
    await expect
      .poll(() => h.network.unexpected(isDemoSiteUrl).map((r) => r.url))
      .toContain(probe('content-img'));
    await page.evaluate((url) => fetch(url).catch(() => null), probe('page'));
    await expect
      .poll(() => h.network.requests.some((r) => r.url === probe('page') && r.by === 'page'))
      .toBe(true);
    await page.close();
  });
});
