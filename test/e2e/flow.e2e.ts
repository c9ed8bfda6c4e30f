// The advertiser's whole journey, written once and run in each browser (E2E_BROWSERS) with the built
// extension, against the mock Ads Manager reached as https://ads.tiktok.com: a refused code explained on
// the page and in the popup, an accepted code kept, spend tracked across a stopped background, reminders
// shown by the browser exactly once, the three exports parsed, and no request of the extension's own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackup } from '../../src/core/export.ts';
import { DEMO_ACCOUNT_ID, DEMO_PAYMENT_URL, isDemoSiteUrl } from '../../scripts/demo-server.ts';
import { e2eBrowsers, launchBrowser, type E2EHarness, type E2EPage } from '../../scripts/browser/browsers.ts';
import {
  DEMO_CODES,
  closeRedeemDialog,
  openPromotionsTab,
  redeem,
  simulateSpend,
  waitForContent,
} from '../../scripts/browser/demo-actions.ts';
import { OPTIONS_PATH, POPUP_PATH, ROOT } from '../../scripts/browser/harness.ts';

interface StoredPromotion {
  code: string | null;
  status: string;
  terms: { minSpend: number | null };
  observations: Array<{ spent: number }>;
}

const DAY = 86_400_000;
const EN_MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

describe.each(e2eBrowsers())('the redemption journey in %s', (browser) => {
  let h: E2EHarness;
  let page: E2EPage;

  const promotions = () =>
    h.backgroundEval(async (api, account) => {
      const all = await api.storage.local.get(null);
      return Object.entries(all)
        .filter(([k]) => k.startsWith(`promo:${account}:`))
        .map(([, v]) => v);
    }, DEMO_ACCOUNT_ID) as Promise<StoredPromotion[]>;
  const conditional = async () => (await promotions()).find((p) => p.code === DEMO_CODES.conditional);
  const fired = async () =>
    Object.keys(
      (
        (await h.backgroundEval(async (api) => (await api.storage.local.get('reminders')).reminders)) as {
          fired: Record<string, string>;
        } | null
      )?.fired ?? {},
    );

  beforeAll(async () => {
    h = await launchBrowser(browser);
    page = await h.openPage(DEMO_PAYMENT_URL);
    await waitForContent(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the checklist on the payment page with the redeem step current', async () => {
    await expect.poll(() => page.overlayText(), { timeout: 15_000 }).toContain('Redeem the code');
    const text = (await page.overlayText())!;
    expect(text).toContain('Click “Redeem coupon”.');
    expect(text).toContain('Check for typos');
  });

  it('explains a refused code beside the dialog and keeps the attempt with its diagnosis', async () => {
    const answer = await redeem(page, DEMO_CODES.typo);
    expect(answer.error).toContain('invalid');
    await expect.poll(() => page.overlayText(), { timeout: 15_000 }).toContain('did you mean the digit');
    expect(await page.overlayText()).toContain(`Type ${DEMO_CODES.conditional}`);

    const attempts = await h.backgroundEval(
      async (api) => (await api.storage.local.get('attempts')).attempts,
    );
    const attempt = (
      attempts as Array<{ code: string; succeeded: boolean; reasons: Array<{ id: string }> }>
    ).find((a) => a.code === DEMO_CODES.typo);
    expect(attempt?.succeeded).toBe(false);
    expect(attempt?.reasons[0]?.id).toBe('code-typo');
  });

  it('shows the same diagnosis in the popup', async () => {
    const popup = await h.openExtensionPage(POPUP_PATH);
    await popup.click({ role: 'button', name: 'Why did my code fail?' });
    await expect.poll(() => popup.text('main')).toContain(DEMO_CODES.typo);
    expect(await popup.text('main')).toContain(`Type ${DEMO_CODES.conditional}`);
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
    // The panel folds to its tab beside a full-width table; the row's own note says what the list showed.
    await expect.poll(() => page.overlayText()).toContain('0% of the minimum');
  });

  it('records spend, and loses nothing when the background is stopped in the middle', async () => {
    await simulateSpend(page, 2, 10);
    await expect
      .poll(async () => (await conditional())?.observations.at(-1)?.spent, { timeout: 15_000 })
      .toBe(20);

    // Where the harness cannot stop the background (Firefox ESR 140), the spend is still recorded.
    const stoppable = h.unsupported('background-control') === null;
    if (stoppable) {
      await h.stopBackground();
      expect(await h.backgroundRunning()).toBe(false);
    }
    // The page keeps changing while the background is down; the next snapshot wakes it.
    await simulateSpend(page, 1, 10);
    if (stoppable) await expect.poll(() => h.backgroundRunning(), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(async () => (await conditional())?.observations.at(-1)?.spent, { timeout: 20_000 })
      .toBe(30);
    const kept = await conditional();
    expect(kept?.observations.map((o) => o.spent)).toEqual(expect.arrayContaining([20, 30]));
    // The reminder alarm survives the restart: the background re-arms it on wake.
    await expect
      .poll(() => h.backgroundEval(async (api) => (await api.alarms.getAll()).map((a) => a.name)), {
        timeout: 10_000,
      })
      .toContain('reminders');
  });

  it('shows progress toward the minimum spend in the popup', async () => {
    const popup = await h.openExtensionPage(POPUP_PATH);
    await popup.waitFor('[role="progressbar"]');
    await expect
      .poll(() =>
        popup.evaluate(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')),
      )
      .toBe('60');
    expect(await popup.text('main')).toContain('$30.00 of $50.00 spent');
    await popup.close();
  });

  it('reminds when the clock reaches a week before the spend deadline, once, as a real notification', async () => {
    const before = (await h.notificationsShown()).length;
    expect(await fired()).toEqual([]);
    // 25 of the offer's 30 days pass for the extension; the alarm fires as it would after them.
    await h.moveClock(25 * DAY);
    await h.fireAlarm('reminders');
    await expect.poll(async () => (await fired()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const ids = await fired();
    // One notification per reminder, or fewer when reminders are grouped; never none.
    await expect
      .poll(async () => (await h.notificationsShown()).length - before, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const shown = (await h.notificationsShown()).slice(before);
    expect(shown.length).toBeLessThanOrEqual(ids.length);
    if (shown.some((n) => n.title !== null)) {
      // Read from Firefox's alert window: what the advertiser saw, in the extension's own words.
      expect(browser).toBe('firefox');
      const titles = Object.entries(EN_MESSAGES)
        .filter(([key]) => key.startsWith('notif_') && key.endsWith('Title'))
        .map(([, m]) => m.message);
      for (const n of shown) expect(titles).toContain(n.title);
      expect(shown.every((n) => (n.body ?? '').length > 0)).toBe(true);
    }

    // The next alarm finds them fired: nothing is shown twice.
    await h.fireAlarm('reminders');
    await h.backgroundEval(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(await fired()).toEqual(ids);
    expect((await h.notificationsShown()).length - before).toBe(shown.length);
  });

  it('exports a backup, a calendar and a spreadsheet that parse', async () => {
    const options = await h.openExtensionPage(OPTIONS_PATH);
    const backup = await h.download(options, { role: 'button', name: 'Download backup (JSON)' });
    const parsed = parseBackup(backup.text);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.backup.promotions.map((p) => p.code)).toContain(DEMO_CODES.conditional);

    const ics = await h.download(options, { role: 'button', name: 'Download calendar (.ics)' });
    expect(ics.name).toMatch(/\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(ics.text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => e.getAllSubcomponents('valarm').length > 0)).toBe(true);

    const csv = await h.download(options, { role: 'button', name: 'Download spreadsheet (CSV)' });
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.split(/\r?\n/)[0]).toMatch(/,/);
    expect(csv.text).toContain(DEMO_CODES.conditional);
    await options.close();
  });

  it('made no network request of its own over the whole journey', async (ctx) => {
    const why = h.unsupported('network-log');
    if (why !== null) return ctx.skip(why);
    expect(await h.requestCount()).toBeGreaterThan(0);
    expect(await h.extensionRequests()).toEqual([]);
    expect((await h.requestUrls()).filter((url) => !isDemoSiteUrl(url))).toEqual([]);
  });
});
