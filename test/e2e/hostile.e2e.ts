// Hostile pages in Chromium: a payment page at the real host whose redeem dialog shows each payload of
// test/support/payloads.ts as the typed code and the page's error, and a promotions page whose coupon
// names are the payloads. Nothing may run (no dialog, no window.__pwned in the page, the content
// script's world or the popup, no page or console error), the overlay stays inside the viewport, the
// popup shows the stored attempts as text; and the page's window.postMessage stores nothing.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../reliability/figures.ts';
import { paymentPage, promotionsPage, samplePromotions } from '../support/pages.ts';
import { PAYLOADS, PWNED } from '../support/payloads.ts';
import { launchHarness, type Harness } from '../../scripts/browser/harness.ts';
import { e2eBrowsers } from '../../scripts/browser/browsers.ts';

const ACCOUNT = '7300000000000000666';
const PAYMENT_URL = `https://ads.tiktok.com/i18n/account/payment?aadvid=${ACCOUNT}`;
const PROMOTIONS_URL = `https://ads.tiktok.com/i18n/account/promotion?aadvid=${ACCOUNT}`;

/** The stored attempts' codes, read in the worker. */
const storedCodes = (h: Harness) =>
  h.workerEval(async (api) => {
    const { attempts } = await api.storage.local.get('attempts');
    return ((attempts ?? []) as { code: string }[]).map((a) => a.code);
  });

const pwned = (page: Page) =>
  page.evaluate((key) => (window as unknown as Record<string, unknown>)[key] ?? null, PWNED);

/** Boxes of the overlay's parts (in its closed shadow root, reached through CDP), in viewport pixels. */
async function overlayBoxes(
  h: Harness,
  page: Page,
): Promise<{ part: string; x: number; y: number; right: number; bottom: number }[]> {
  const session = await h.context.newCDPSession(page);
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  type N = { nodeId: number; nodeName: string; attributes?: string[]; children?: N[]; shadowRoots?: N[] };
  const parts: number[] = [];
  const names = new Map<number, string>();
  const walk = (n: N, inOverlay: boolean): void => {
    const inside = inOverlay || n.nodeName === 'AD-CREDIT-GUIDE';
    if (inOverlay && n.attributes?.includes('data-part')) {
      parts.push(n.nodeId);
      names.set(n.nodeId, n.attributes[n.attributes.indexOf('data-part') + 1]!);
    }
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, inside);
  };
  walk(root as N, false);
  const boxes = [];
  for (const nodeId of parts) {
    const model = await session.send('DOM.getBoxModel', { nodeId }).catch(() => null);
    if (!model) continue; // not rendered (display: none)
    const q = model.model.border;
    const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
    const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
    boxes.push({
      part: names.get(nodeId) ?? '',
      x: Math.min(...xs),
      y: Math.min(...ys),
      right: Math.max(...xs),
      bottom: Math.max(...ys),
    });
  }
  await session.detach();
  return boxes;
}

describe.skipIf(!e2eBrowsers().includes('chromium'))('hostile pages', () => {
  let h: Harness;
  const dialogs: string[] = [];
  beforeAll(async () => {
    h = await launchHarness();
    h.context.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const payment = paymentPage(
      { total: 100, cash: 50, credit: 50, redeem: { open: true, code: 'START', error: 'invalidCode' } },
      { lang: 'en', accountId: ACCOUNT },
    );
    const promotions = promotionsPage(
      samplePromotions(PAYLOADS.length, { seed: 3, tab: 'available' }).map((p, i) => ({
        ...p,
        name: PAYLOADS[i]!.text,
      })),
      { lang: 'en', tab: 'available', accountId: ACCOUNT },
    );
    // Served as Ads Manager would, at the real host: the manifest's match patterns apply.
    await h.context.route(`${PAYMENT_URL}`, (route) =>
      route.fulfill({ contentType: 'text/html', body: payment.html }),
    );
    await h.context.route(`${PROMOTIONS_URL}`, (route) =>
      route.fulfill({ contentType: 'text/html', body: promotions.html }),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a redeem dialog showing each payload as the code and the error runs nothing and stores each attempt', async () => {
    const page = await h.openPage(PAYMENT_URL);
    await expect.poll(() => h.contentScriptWorlds(page)).not.toEqual([]);
    await expect.poll(async () => (await storedCodes(h)).length).toBe(1);
    for (const [i, payload] of PAYLOADS.entries()) {
      await page.evaluate((text) => {
        const input = document.querySelector<HTMLInputElement>('#code')!;
        input.value = text;
        input.setAttribute('value', text);
        document.querySelector('[role="alert"]')!.textContent = text;
      }, payload.text);
      // Counted, not compared: a text input drops line breaks, and unpaired surrogates do not survive
      // the trip back through CDP unchanged.
      await expect.poll(async () => (await storedCodes(h)).length, { timeout: 15_000 }).toBe(i + 2);
    }
    const boxes = await overlayBoxes(h, page);
    const viewport = page.viewportSize()!;
    const outside = boxes.filter(
      (b) => b.x < 0 || b.y < 0 || b.right > viewport.width || b.bottom > viewport.height,
    );
    expect(await pwned(page)).toBeNull();
    expect(
      await h.contentScriptEval(
        page,
        (_api, key) => (globalThis as Record<string, unknown>)[key] ?? null,
        PWNED,
      ),
    ).toBeNull();
    expect(boxes.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    report(
      'hostile (Chromium overlay)',
      `${PAYLOADS.length} payloads as code and error, ${dialogs.length} dialogs, ${boxes.length} overlay parts, ${outside.length} outside the viewport`,
    );
    await page.close();
  });

  it('a promotions page whose coupon names are the payloads runs nothing and keeps every row', async () => {
    const page = await h.openPage(PROMOTIONS_URL);
    await expect
      .poll(
        () =>
          h.workerEval(async (api, account) => {
            const all = await api.storage.local.get(null);
            return Object.keys(all).filter((k) => k.startsWith(`promo:${account}:`)).length;
          }, ACCOUNT),
        { timeout: 20_000 },
      )
      .toBe(PAYLOADS.length);
    expect(await pwned(page)).toBeNull();
    await page.close();
  });

  it('the popup shows the hostile attempts and promotions as text, without running them or overflowing', async () => {
    const popup = await h.openExtensionPage();
    await popup.waitForLoadState('networkidle');
    const dom = await popup.evaluate((key) => {
      const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
        el
          .getAttributeNames()
          .filter((n) => /^on/i.test(n))
          .map((n) => `${el.tagName}[${n}]`),
      );
      return {
        pwned: (window as unknown as Record<string, unknown>)[key] ?? null,
        inlineScripts: [...document.scripts].filter((s) => !s.src.startsWith(location.origin)).length,
        handlers,
        jsLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        text: document.body.innerText,
      };
    }, PWNED);
    expect({ ...dom, text: undefined }).toEqual({
      pwned: null,
      inlineScripts: 0,
      handlers: [],
      jsLinks: 0,
      overflow: 0,
      text: undefined,
    });
    expect(dom.text).toContain(PAYLOADS.find((p) => p.name === 'RTL name')!.text);
    expect(dialogs).toEqual([]);
    expect(h.errors).toEqual([]);
    await popup.close();
  });

  it("ignores the page's window.postMessage: nothing is stored", async () => {
    const page = await h.openPage(PAYMENT_URL);
    await expect.poll(() => h.contentScriptWorlds(page)).not.toEqual([]);
    const before = await h.workerEval((api) => api.storage.local.get(null));
    await page.evaluate(() => {
      const snapshot = {
        view: 'payment',
        url: null,
        lang: 'en',
        accountId: 'posted-by-page',
        currency: 'USD',
        balance: null,
        promotions: [],
        redeem: null,
        warnings: [],
      };
      for (const message of [
        { type: 'snapshot', snapshot },
        { type: 'data-clear' },
        { type: 'settings-save', settings: { reminderDays: [], quietHours: null, timeZone: null } },
      ])
        window.postMessage(message, '*');
      // No externally_connectable: the page has no way to reach the extension's runtime.
      return typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime?.sendMessage;
    });
    // Give a (wrong) listener time to react: a snapshot after the posts would follow within a frame or two.
    await page.waitForTimeout(1_000);
    const after = await h.workerEval((api) => api.storage.local.get(null));
    expect(JSON.stringify(after)).not.toContain('posted-by-page');
    expect(after.settings).toEqual(before.settings);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(Object.keys(before).length);
    report('hostile (Chromium postMessage)', '3 window messages posted, 0 stored');
    await page.close();
  });
});
