// An update or reload of the extension under open Ads Manager tabs, in Chromium: the content scripts it
// leaves behind are cut off from the extension (their runtime's id is gone). Each one stops, observer,
// listeners and panel, at its next look at the page or when a newer content script announces itself
// there; the tab, reloaded, is guided again with one panel of ours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PAYMENT_URL } from '../../scripts/demo-server.ts';
import { STARTED_EVENT } from '../../src/content/watch.ts';
import { HOST_TAG } from '../../src/content/layer.ts';
import { e2eBrowsers } from '../../scripts/browser/browsers.ts';
import { extensionPageEval, launchHarness, type Harness } from '../../scripts/browser/harness.ts';
import { overlayText } from '../../scripts/browser/overlay.ts';

const hosts = (page: Page) => page.evaluate((tag) => document.getElementsByTagName(tag).length, HOST_TAG);

describe.skipIf(!e2eBrowsers().includes('chromium'))(
  'an extension update under open tabs, in Chromium',
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await launchHarness();
    });
    afterAll(async () => {
      await h?.close();
    });

    const guided = async (page: Page) => {
      await expect.poll(() => overlayText(page), { timeout: 15_000 }).toContain('Ad Credit Guide');
      expect(await hosts(page)).toBe(1);
    };

    it('the scripts left behind stop and remove their panel; reloaded tabs are guided, with one panel', async () => {
      const changing = await h.openPage(DEMO_PAYMENT_URL);
      const announced = await h.openPage(DEMO_PAYMENT_URL);
      await guided(changing);
      await guided(announced);

      // A page announcing a start stops no script that is still connected.
      await announced.evaluate((type) => document.dispatchEvent(new Event(type)), STARTED_EVENT);
      await changing.evaluate(() => document.body.append(document.createElement('div')));
      await guided(announced);
      await guided(changing);

      // Chrome reloads an unpacked extension only in developer mode (else it disables it), as a
      // developer reloading it from chrome://extensions has it.
      const settings = await h.context.newPage();
      await settings.goto('chrome://extensions');
      await settings.evaluate(() => {
        type Settings = { updateProfileConfiguration(c: { inDeveloperMode: boolean }): Promise<void> };
        const { chrome } = globalThis as unknown as { chrome: { developerPrivate: Settings } };
        return chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
      });
      const popup = await h.openExtensionPage();
      // The reload ends the page that asks for it: its evaluation may never answer.
      void extensionPageEval(popup, (api) => api.runtime.reload()).catch(() => undefined);
      // Cut off: the runtime's id is gone (or, at times, the runtime object itself).
      await expect
        .poll(async () => h.contentScriptEval(changing, (api) => api.runtime?.id ?? null), {
          timeout: 15_000,
        })
        .toBeNull();

      // Left behind: the first stops at its next look at the page, the second when a newer script says
      // it started (Chrome injects none into open tabs; the event is what one would dispatch).
      await changing.evaluate(() => document.body.append(document.createElement('div')));
      await expect.poll(() => hosts(changing), { timeout: 15_000 }).toBe(0);
      await announced.evaluate((type) => document.dispatchEvent(new Event(type)), STARTED_EVENT);
      await expect.poll(() => hosts(announced), { timeout: 15_000 }).toBe(0);
      // Stopped for good: their observers and listeners are gone, so the page changing brings nothing back.
      await changing.evaluate(() => document.body.append(document.createElement('div')));
      await announced.evaluate(() => history.pushState({}, '', location.href + '&again=1'));
      await announced.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')));
      expect(await hosts(changing)).toBe(0);
      expect(await hosts(announced)).toBe(0);

      // The updated extension takes over each tab once it is reloaded: one panel, a connected script,
      // and the updated worker hears the page.
      const heard = () =>
        h.workerEval(async (api) => {
          const { lastSnapshot } = await api.storage.local.get('lastSnapshot');
          return (lastSnapshot as { at?: string } | undefined)?.at ?? null;
        });
      const before = await heard();
      for (const page of [changing, announced]) {
        await page.reload({ waitUntil: 'load' });
        await guided(page);
        expect(await h.contentScriptEval(page, (api) => api.runtime.id ?? null)).toBe(h.extensionId);
      }
      await expect.poll(heard, { timeout: 15_000 }).not.toBe(before);
      expect(h.errors.filter((e) => /Ad Credit Guide: .* failed/.test(e.text))).toEqual([]);
    });
  },
);
