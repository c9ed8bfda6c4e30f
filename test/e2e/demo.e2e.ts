// The mock Ads Manager behaves like the real billing pages: late rendering, the redeem dialog with
// the glossary's messages, history-API navigation without reloads, and spend over simulated days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import refusals from '../../src/core/diagnosis/refusals.json' with { type: 'json' };
import glossary from '../../src/core/page/glossary.json' with { type: 'json' };
import { DEMO_PAYMENT_URL, DEMO_PROMOTIONS_URL } from '../../scripts/demo-server.ts';
import {
  DEMO_CODES,
  closeRedeemDialog,
  demoControls,
  openPromotionsTab,
  redeem,
  redeemDialog,
  resetDemo,
  simulateSpend,
  waitForContent,
} from '../../scripts/browser/demo-site.ts';
import { launchHarness, type Harness } from '../../scripts/browser/harness.ts';
import { e2eBrowsers } from '../../scripts/browser/browsers.ts';

const errors = refusals.en;
const firstWording = (w: string | string[]): string => (Array.isArray(w) ? w[0]! : w);

describe.skipIf(!e2eBrowsers().includes('chromium'))('mock Ads Manager', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await launchHarness();
    page = await h.openPage(DEMO_PAYMENT_URL);
  });
  afterAll(async () => {
    await h?.close();
  });

  const balances = () => page.locator('.vi-balance__value-0EWQm').allTextContents();
  const offerRow = () => page.getByRole('row', { name: /Spend \$50 Get \$50/ });

  it('renders the payment page after a delay, with the redeem dialog hidden in the DOM', async () => {
    expect(await page.title()).toBe('Payment | TikTok Ads Manager');
    await waitForContent(page);
    expect(await balances()).toEqual(['$310.00', '$310.00', '$0.00']);
    expect(await page.locator('[role=dialog][aria-labelledby=redeem-coupon-title]').count()).toBe(1);
    expect(await redeemDialog(page).isVisible()).toBe(false);
    // The marker lives as long as this document: navigations below must not reload it.
    await page.evaluate(() => Object.assign(window, { e2eMarker: 'same document' }));
  });

  it('rejects a mistyped code (letter O for zero) with the invalid-code alert', async () => {
    expect(await redeem(page, DEMO_CODES.typo)).toEqual({
      error: firstWording(errors.invalidCode),
      success: null,
    });
    expect(await redeemDialog(page).getByLabel('Coupon code').inputValue()).toBe(DEMO_CODES.typo);
  });

  it.each([
    [DEMO_CODES.expired, errors.expiredCode],
    [DEMO_CODES.alreadyRedeemed, errors.alreadyRedeemed],
    [DEMO_CODES.newAdvertisersOnly, errors.newAdvertisersOnly],
    [DEMO_CODES.region, errors.regionUnavailable],
    [DEMO_CODES.accountType, errors.accountTypeNotEligible],
    [` ${DEMO_CODES.conditional}`, errors.invalidCode],
  ])('answers %j with the glossary wording', async (code, wording) => {
    expect((await redeem(page, code)).error).toBe(firstWording(wording));
  });

  it('accepts the demo code with a status message, and refuses it a second time', async () => {
    expect(await redeem(page, DEMO_CODES.conditional)).toEqual({
      error: null,
      success: firstWording(glossary.en.redeem.success),
    });
    expect((await redeem(page, DEMO_CODES.conditional)).error).toBe(firstWording(errors.alreadyRedeemed));
    await closeRedeemDialog(page);
    expect(await redeemDialog(page).isVisible()).toBe(false);
  });

  it('shows a spinner, then the content 300–800 ms after a client-side navigation', async () => {
    const { busyAtOnce, elapsed } = await page.evaluate(async () => {
      const start = performance.now();
      document.querySelector<HTMLElement>('a[role=menuitem][href*="/account/promotion"]')!.click();
      const busyAtOnce = document.querySelector('main [aria-busy]') !== null;
      while (!document.querySelector('main h1')) await new Promise(requestAnimationFrame);
      return { busyAtOnce, elapsed: performance.now() - start };
    });
    expect(busyAtOnce).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(2000);
    expect(await page.title()).toBe('Promotions | TikTok Ads Manager');
  });

  it('navigates to promotions through the history API, without reloading', async () => {
    await openPromotionsTab(page, 'Earning');
    expect(page.url()).toBe(`${DEMO_PROMOTIONS_URL}&tab=earning`);
    expect(await offerRow().textContent()).toContain('USD 0.00 / USD 50.00');
    expect(await offerRow().locator('.byted-tag-JyWVZ').textContent()).toBe('Earning');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Earning(1)');
    const sameDocument = await page.evaluate(() => [
      performance.getEntriesByType('navigation').length,
      (window as { e2eMarker?: string }).e2eMarker,
    ]);
    expect(sameDocument).toEqual([1, 'same document']);
  });

  it('moves the promotion from earning to processing to available as simulated spend meets the minimum', async () => {
    await simulateSpend(page, 1, 20);
    expect(await offerRow().textContent()).toContain('USD 20.00 / USD 50.00');
    await simulateSpend(page, 2, 20);
    expect(await offerRow().textContent()).toContain('USD 50.00 / USD 50.00');
    expect(await offerRow().locator('.byted-tag-JyWVZ').textContent()).toBe('Processing');
    await simulateSpend(page, 2, 20);
    expect(await offerRow().count()).toBe(0);
    await openPromotionsTab(page, 'Available');
    expect(await offerRow().locator('.byted-tag-JyWVZ').textContent()).toBe('Available');
    expect(await demoControls(page).textContent()).toContain('(day 5)');
  });

  it('goes back to the payment page with the browser history, the credit in the balance', async () => {
    for (let i = 0; i < 3; i++) await page.goBack(); // available tab -> earning tab -> promotions -> payment
    expect(new URL(page.url()).pathname).toBe('/i18n/account/payment');
    await waitForContent(page);
    // 5 days of $20 took $100 of cash, then $50 of credit arrived.
    expect(await balances()).toEqual(['$260.00', '$210.00', '$50.00']);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  it('keeps its state across a reload, and Reset demo clears it', async () => {
    await page.reload();
    await waitForContent(page);
    expect((await balances())[0]).toBe('$260.00');
    await resetDemo(page);
    expect((await balances())[0]).toBe('$310.00');
  });
});
