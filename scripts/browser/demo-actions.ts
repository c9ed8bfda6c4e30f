// Driving the mock Ads Manager as a user would, in any browser of the shared harness (browsers.ts): the
// cross-browser journeys and `npm start -- --firefox` use these; demo-site.ts is the Playwright-only
// version the Chromium-only suites and the benchmark keep.
import { until, type E2EPage } from './browsers.ts';
export { DEMO_CODES } from './demo-site.ts';

const DIALOG = '[role="dialog"][aria-labelledby="redeem-coupon-title"]';
const CONTROLS = '#demo-controls';

/** Waits for the late-rendered content of the current route (the app shows a spinner first). */
export async function waitForContent(page: E2EPage): Promise<void> {
  await until('the page content', () =>
    page.evaluate(() =>
      document.querySelector('main [aria-busy]') === null && document.querySelector('main h1') !== null
        ? true
        : null,
    ),
  );
}

const dialogOpen = (page: E2EPage) =>
  page.evaluate((selector) => {
    const dialog = document.querySelector(selector);
    return (
      dialog !== null && dialog.getAttribute('aria-hidden') !== 'true' && dialog.getClientRects().length > 0
    );
  }, DIALOG);

/** Opens the redeem dialog if needed, types code and presses Activate; resolves with the alert or status text. */
export async function redeem(
  page: E2EPage,
  code: string,
): Promise<{ error: string | null; success: string | null }> {
  if (!(await dialogOpen(page))) {
    await waitForContent(page);
    await page.click({ role: 'button', name: 'Redeem coupon', within: 'main' });
  }
  await page.fill({ role: 'textbox', name: 'Coupon code', within: DIALOG }, code);
  await page.click({ role: 'button', name: 'Activate', within: DIALOG });
  return until('the answer to the code', () =>
    page.evaluate((selector) => {
      const dialog = document.querySelector(selector);
      const error = dialog?.querySelector('[role="alert"]')?.textContent ?? null;
      const success = dialog?.querySelector('[role="status"]')?.textContent ?? null;
      return error === null && success === null ? null : { error, success };
    }, DIALOG),
  );
}

export async function closeRedeemDialog(page: E2EPage): Promise<void> {
  await page.click({ role: 'button', name: 'Cancel', within: DIALOG });
}

/** Goes to a promotions tab the way a user does: the side menu, then the tab (client-side navigation). */
export async function openPromotionsTab(
  page: E2EPage,
  tab: 'Available' | 'Earning' | 'Not available',
): Promise<void> {
  if (new URL(await page.url()).pathname !== '/i18n/account/promotion') {
    await page.click({ role: 'menuitem', name: 'Promotions' });
    await waitForContent(page);
  }
  await page.click({ role: 'tab', name: tab, prefix: true });
  await waitForContent(page);
}

/** Moves the demo clock: `days` days of ad spend at `daily` dollars a day. */
export async function simulateSpend(page: E2EPage, days: number, daily = 20): Promise<void> {
  await page.fill(`${CONTROLS} input[aria-label="Daily spend (USD)"]`, String(daily));
  for (let i = 0; i < days; i++) await page.click({ role: 'button', name: 'Spend 1 day', within: CONTROLS });
}
