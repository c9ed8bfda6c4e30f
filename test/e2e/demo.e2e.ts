// The mock Ads Manager behaves like the real billing pages: late rendering, the redeem dialog with
// the glossary's messages, history-API navigation without reloads, and spend over simulated days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import glossary from '../../src/core/page/glossary.json' with { type: 'json' };
import { DEMO_PAYMENT_URL } from '../../scripts/demo-server.ts';
import { findChromium, launchHarness, type Harness } from './harness.ts';

const errors = glossary.en.redeem.errors;
const firstWording = (w: string | string[]): string => (Array.isArray(w) ? w[0]! : w);

describe.skipIf(!findChromium())('mock Ads Manager', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await launchHarness();
    page = await h.openPage(DEMO_PAYMENT_URL);
  });
  afterAll(async () => {
    await h?.close();
  });

  const dialog = () => page.getByRole('dialog', { name: 'Redeem coupon' });
  const controls = () => page.getByRole('complementary', { name: 'Demo controls' });

  async function redeem(code: string): Promise<void> {
    if (!(await dialog().isVisible()))
      await page.getByRole('main').getByRole('button', { name: 'Redeem coupon' }).click();
    await dialog().getByLabel('Coupon code').fill(code);
    await dialog().getByRole('button', { name: 'Activate' }).click();
  }

  it('renders the payment page after a delay, with the redeem dialog hidden in the DOM', async () => {
    expect(await page.title()).toBe('Payment | TikTok Ads Manager');
    await expect
      .poll(() => page.getByRole('main').textContent(), { timeout: 5000 })
      .toContain('Account balance');
    expect(await page.locator('.vi-balance__value-0EWQm').allTextContents()).toEqual([
      '$310.00',
      '$310.00',
      '$0.00',
    ]);
    expect(await page.locator('[role=dialog][aria-labelledby=redeem-coupon-title]').count()).toBe(1);
    expect(await dialog().isVisible()).toBe(false);
    // The marker lives as long as this document: navigations below must not reload it.
    await page.evaluate(() => Object.assign(window, { e2eMarker: 'same document' }));
  });

  it('rejects a mistyped code (letter O for zero) with the invalid-code alert', async () => {
    await redeem('TTADS-5O0FF');
    await expect.poll(() => dialog().getByRole('alert').textContent()).toBe(firstWording(errors.invalidCode));
    expect(await dialog().getByLabel('Coupon code').inputValue()).toBe('TTADS-5O0FF');
  });

  it.each([
    ['TTADS-SPRING24', errors.expiredCode],
    ['TTADS-USED100', errors.alreadyRedeemed],
    ['TTADS-NEW200', errors.newAdvertisersOnly],
    ['TTADS-EU300', errors.regionUnavailable],
    ['TTADS-BC150', errors.accountTypeNotEligible],
    [' TTADS-500FF', errors.invalidCode],
  ])('answers %j with the glossary wording', async (code, wording) => {
    await redeem(code);
    await expect.poll(() => dialog().getByRole('alert').textContent()).toBe(firstWording(wording));
  });

  it('accepts TTADS-500FF with a status message, and refuses it a second time', async () => {
    await redeem('TTADS-500FF');
    await expect
      .poll(() => dialog().getByRole('status').textContent())
      .toBe(firstWording(glossary.en.redeem.success));
    expect(await dialog().getByRole('alert').count()).toBe(0);
    await redeem('TTADS-500FF');
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toBe(firstWording(errors.alreadyRedeemed));
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog().isVisible()).toBe(false);
  });

  it('navigates to promotions through the history API, without reloading', async () => {
    await page.getByRole('menuitem', { name: 'Promotions' }).click();
    await page.getByRole('tab', { name: /Earning/ }).click();
    expect(page.url()).toBe(`${DEMO_PAYMENT_URL.replace('payment', 'promotion')}&tab=earning`);
    const row = page.getByRole('row', { name: /Spend \$50 Get \$50/ });
    await expect.poll(() => row.textContent(), { timeout: 5000 }).toContain('USD 0.00 / USD 50.00');
    expect(await row.locator('.byted-tag-JyWVZ').textContent()).toBe('Earning');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Earning(1)');
    expect(
      await page.evaluate(() => [
        performance.getEntriesByType('navigation').length,
        (window as { e2eMarker?: string }).e2eMarker,
      ]),
    ).toEqual([1, 'same document']);
  });

  it('moves the promotion from earning to processing to available as simulated spend meets the minimum', async () => {
    const row = page.getByRole('row', { name: /Spend \$50 Get \$50/ });
    await controls().getByLabel('Daily spend (USD)').fill('20');
    await controls().getByRole('button', { name: 'Spend 1 day' }).click();
    expect(await row.textContent()).toContain('USD 20.00 / USD 50.00');
    await controls().getByRole('button', { name: 'Spend 1 day' }).click();
    await controls().getByRole('button', { name: 'Spend 1 day' }).click();
    expect(await row.textContent()).toContain('USD 50.00 / USD 50.00');
    expect(await row.locator('.byted-tag-JyWVZ').textContent()).toBe('Processing');
    await controls().getByRole('button', { name: 'Spend 1 day' }).click();
    await controls().getByRole('button', { name: 'Spend 1 day' }).click();
    expect(await page.getByRole('row', { name: /Spend \$50 Get \$50/ }).count()).toBe(0);
    await page.getByRole('tab', { name: /Available/ }).click();
    await expect
      .poll(() => row.locator('.byted-tag-JyWVZ').textContent(), { timeout: 5000 })
      .toBe('Available');
    expect(await controls().textContent()).toContain('(day 5)');
  });

  it('goes back to the payment page with the browser history, the credit in the balance', async () => {
    await page.goBack(); // earning tab
    await page.goBack(); // promotions
    await page.goBack(); // payment: 5 days of $20 took $100 of cash, then $50 of credit arrived
    expect(new URL(page.url()).pathname).toBe('/i18n/account/payment');
    await expect
      .poll(() => page.locator('.vi-balance__value-0EWQm').allTextContents(), { timeout: 5000 })
      .toEqual(['$260.00', '$210.00', '$50.00']);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  it('keeps its state across a reload, and Reset demo clears it', async () => {
    await page.reload();
    await expect
      .poll(() => page.locator('.vi-balance__value-0EWQm').first().textContent(), { timeout: 5000 })
      .toBe('$260.00');
    await controls().getByRole('button', { name: 'Reset demo' }).click();
    await expect
      .poll(() => page.locator('.vi-balance__value-0EWQm').first().textContent(), { timeout: 5000 })
      .toBe('$310.00');
  });
});
