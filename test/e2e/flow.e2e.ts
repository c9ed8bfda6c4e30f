// The advertiser's whole journey in real Chromium with the built extension, against the mock Ads Manager
// reached as https://ads.tiktok.com: a refused code explained on the page and in the popup, an accepted
// code kept, spend tracked across a worker restart, a reminder when the deadline nears, and exports.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_ID, DEMO_PAYMENT_URL, isDemoSiteUrl } from '../../scripts/demo-server.ts';
import {
  DEMO_CODES,
  closeRedeemDialog,
  openPromotionsTab,
  redeem,
  simulateSpend,
  waitForContent,
} from './demo-site.ts';
import { OPTIONS_PATH, findChromium, launchHarness, type Harness } from './harness.ts';
import { overlayText } from './overlay.ts';

interface StoredPromotion {
  code: string | null;
  status: string;
  terms: { minSpend: number | null };
  observations: Array<{ spent: number }>;
}

describe.skipIf(!findChromium())('the redemption journey in Chromium', () => {
  let h: Harness;
  let page: Page;

  const promotions = () =>
    h.workerEval(async (api, account) => {
      const all = await api.storage.local.get(null);
      return Object.entries(all)
        .filter(([k]) => k.startsWith(`promo:${account}:`))
        .map(([, v]) => v);
    }, DEMO_ACCOUNT_ID) as Promise<StoredPromotion[]>;
  const conditional = async () => (await promotions()).find((p) => p.code === DEMO_CODES.conditional);

  beforeAll(async () => {
    h = await launchHarness();
    page = await h.openPage(DEMO_PAYMENT_URL);
    await waitForContent(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the checklist on the payment page with the redeem step current', async () => {
    await expect.poll(() => overlayText(page), { timeout: 15_000 }).toContain('Redeem the code');
    const text = (await overlayText(page))!;
    expect(text).toContain('Click “Redeem coupon”.');
    expect(text).toContain('Check for typos');
  });

  it('explains a refused code beside the dialog and keeps the attempt with its diagnosis', async () => {
    const answer = await redeem(page, DEMO_CODES.typo);
    expect(answer.error).toContain('invalid');
    await expect.poll(() => overlayText(page), { timeout: 15_000 }).toContain('did you mean the digit');
    expect(await overlayText(page)).toContain(`Type ${DEMO_CODES.conditional}`);

    const attempts = await h.workerEval(async (api) => (await api.storage.local.get('attempts')).attempts);
    const attempt = (
      attempts as Array<{ code: string; succeeded: boolean; reasons: Array<{ id: string }> }>
    ).find((a) => a.code === DEMO_CODES.typo);
    expect(attempt?.succeeded).toBe(false);
    expect(attempt?.reasons[0]?.id).toBe('code-typo');
  });

  it('shows the same diagnosis in the popup', async () => {
    const popup = await h.openExtensionPage();
    await popup.getByRole('button', { name: 'Why did my code fail?' }).click();
    await expect.poll(() => popup.getByRole('main').textContent()).toContain(DEMO_CODES.typo);
    expect(await popup.getByRole('main').textContent()).toContain(`Type ${DEMO_CODES.conditional}`);
    await popup.close();
  });

  it('keeps an accepted code as a promotion of the account', async () => {
    const answer = await redeem(page, DEMO_CODES.conditional);
    expect(answer.success).toBeTruthy();
    await expect.poll(conditional, { timeout: 15_000 }).toBeTruthy();
    await closeRedeemDialog(page);
  });

  it('follows the app to Promotions without a reload and reads the offer terms from the list', async () => {
    const navigations = () => page.evaluate(() => performance.getEntriesByType('navigation').length);
    await page.evaluate(() => ((window as { e2eSameDocument?: boolean }).e2eSameDocument = true));
    await openPromotionsTab(page, 'Earning');
    expect(await navigations()).toBe(1);
    expect(await page.evaluate(() => (window as { e2eSameDocument?: boolean }).e2eSameDocument)).toBe(true);
    await expect.poll(async () => (await conditional())?.terms.minSpend, { timeout: 15_000 }).toBe(50);
    await expect.poll(() => overlayText(page)).toContain('Meet the minimum spend');
  });

  it('records spend, and loses nothing when the worker is stopped in the middle', async () => {
    await simulateSpend(page, 2, 10);
    await expect
      .poll(async () => (await conditional())?.observations.at(-1)?.spent, { timeout: 15_000 })
      .toBe(20);

    await h.stopServiceWorker();
    expect(h.serviceWorkerStatus()).toBe('stopped');
    // The page keeps changing while the worker is down; the next snapshot wakes it.
    await simulateSpend(page, 1, 10);
    await expect
      .poll(async () => (await conditional())?.observations.at(-1)?.spent, { timeout: 20_000 })
      .toBe(30);
    const kept = await conditional();
    expect(kept?.observations.map((o) => o.spent)).toEqual(expect.arrayContaining([20, 30]));
    // The reminder alarm survives the restart: the worker re-arms it on wake.
    await expect
      .poll(() => h.workerEval(async (api) => (await api.alarms.getAll()).map((a) => a.name)), {
        timeout: 10_000,
      })
      .toContain('reminders');
  });

  it('shows progress toward the minimum spend in the popup', async () => {
    const popup = await h.openExtensionPage();
    const bar = popup.getByRole('progressbar').first();
    await bar.waitFor();
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('60');
    expect(await popup.getByRole('main').textContent()).toContain('$30.00 of $50.00 spent');
    await popup.close();
  });

  it('reminds when the clock reaches a week before the spend deadline', async () => {
    const notifications = await h.workerEval(async (api) => {
      // Move the worker's clock 25 days ahead (the offer gives 30 days to spend), then let the
      // reminder alarm fire on the real clock, as it would after those days.
      const RealDate = Date;
      const realNow = RealDate.now();
      const shift = 25 * 86_400_000;
      class Shifted extends RealDate {
        constructor(...args: []) {
          if (args.length === 0) super(RealDate.now() + shift);
          else super(...(args as []));
        }
        static override now() {
          return RealDate.now() + shift;
        }
      }
      (globalThis as { Date: DateConstructor }).Date = Shifted as DateConstructor;
      await api.alarms.create('reminders', { when: realNow + 300 });
      for (let i = 0; i < 50; i++) {
        const shown = await api.notifications.getAll();
        if (Object.keys(shown).length > 0) return shown;
        await new Promise((r) => setTimeout(r, 200));
      }
      return {};
    });
    expect(Object.keys(notifications).length).toBeGreaterThan(0);
    const fired = await h.workerEval(async (api) => (await api.storage.local.get('reminders')).reminders);
    expect(Object.keys((fired as { fired: Record<string, string> }).fired).length).toBeGreaterThan(0);
  });

  it('exports the deadlines as a calendar and a spreadsheet', async () => {
    const options = await h.openExtensionPage(OPTIONS_PATH);
    const download = async (name: string) => {
      const [file] = await Promise.all([
        options.waitForEvent('download'),
        options.getByRole('button', { name }).click(),
      ]);
      return readFileSync((await file.path())!, 'utf8');
    };
    const ics = await download('Download calendar (.ics)');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => e.getAllSubcomponents('valarm').length > 0)).toBe(true);

    const csv = await download('Download spreadsheet (CSV)');
    expect(csv.split(/\r?\n/)[0]).toMatch(/,/);
    expect(csv).toContain(DEMO_CODES.conditional);
    await options.close();
  });

  it('made no network request of its own over the whole journey', () => {
    expect(h.network.extensionRequests()).toEqual([]);
    expect(h.network.unexpected(isDemoSiteUrl)).toEqual([]);
  });
});
