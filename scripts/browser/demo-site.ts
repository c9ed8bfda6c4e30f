// Driving the mock Ads Manager as a user would, for the e2e tests, `npm start` and the benchmark.
import type { Locator, Page } from 'playwright-core';

/** Demo codes and their outcomes (see demo/app.ts and its control panel). */
export const DEMO_CODES = {
  /** Accepted: conditional "Spend $50 Get $50", earning until $50 is spent. */
  conditional: 'TTADS-500FF',
  /** Accepted: $25 free credit, available at once. */
  free: 'TTADS-FREE25',
  expired: 'TTADS-SPRING24',
  alreadyRedeemed: 'TTADS-USED100',
  newAdvertisersOnly: 'TTADS-NEW200',
  region: 'TTADS-EU300',
  accountType: 'TTADS-BC150',
  /** Invalid: a letter O where the accepted code has a zero. */
  typo: 'TTADS-5O0FF',
} as const;

export const redeemDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Redeem coupon' });
export const demoControls = (page: Page): Locator =>
  page.getByRole('complementary', { name: 'Demo controls' });

/** Waits for the late-rendered content of the current route (the app shows a spinner first). */
export async function waitForContent(page: Page): Promise<void> {
  await page.locator('main [aria-busy]').waitFor({ state: 'detached' });
  await page.locator('main h1').waitFor();
}

/** Opens the redeem dialog if needed, types code and presses Activate; resolves with the alert or status text. */
export async function redeem(
  page: Page,
  code: string,
): Promise<{ error: string | null; success: string | null }> {
  const dialog = redeemDialog(page);
  if (!(await dialog.isVisible())) {
    await waitForContent(page);
    await page.getByRole('main').getByRole('button', { name: 'Redeem coupon' }).click();
  }
  await dialog.getByLabel('Coupon code').fill(code);
  await dialog.getByRole('button', { name: 'Activate' }).click();
  const answer = dialog.getByRole('alert').or(dialog.getByRole('status'));
  await answer.waitFor();
  return {
    error:
      (await dialog.getByRole('alert').count()) > 0 ? await dialog.getByRole('alert').textContent() : null,
    success:
      (await dialog.getByRole('status').count()) > 0 ? await dialog.getByRole('status').textContent() : null,
  };
}

export async function closeRedeemDialog(page: Page): Promise<void> {
  await redeemDialog(page).getByRole('button', { name: 'Cancel' }).click();
}

/** Goes to a promotions tab the way a user does: the side menu, then the tab (client-side navigation). */
export async function openPromotionsTab(
  page: Page,
  tab: 'Available' | 'Earning' | 'Not available',
): Promise<void> {
  if (new URL(page.url()).pathname !== '/i18n/account/promotion') {
    await page.getByRole('menuitem', { name: 'Promotions' }).click();
    await waitForContent(page);
  }
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  await waitForContent(page);
}

/** Moves the demo clock: `days` days of ad spend at `daily` dollars a day. */
export async function simulateSpend(page: Page, days: number, daily = 20): Promise<void> {
  const controls = demoControls(page);
  await controls.getByLabel('Daily spend (USD)').fill(String(daily));
  for (let i = 0; i < days; i++) await controls.getByRole('button', { name: 'Spend 1 day' }).click();
}

/** Clears the demo's stored state for the open account and reloads. */
export async function resetDemo(page: Page): Promise<void> {
  await demoControls(page).getByRole('button', { name: 'Reset demo' }).click();
  await page.waitForLoadState('load');
  await waitForContent(page);
}
