// The README's screenshots, taken from npm start's demo (the demo build, whose clock the demo's "Spend 1 day"
// moves), so that they show what a reader can check by hand: `npx tsx scripts/docs-screenshots.ts`
// after `npm run build` writes docs/overlay-refused-code.png, docs/popup.png and docs/popup-dark.png.
//
// The numbers in them: TTADS-500FF is "spend $50 within 30 days, get $50", redeemed on demo day 0; six
// days at $5 make $30 spent, so $20 is left over the 25 days to the deadline counting today: $0.80 a day.
// At $5 a day the last $20 take four more days: the minimum is met on day 10.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import process from 'node:process';
import type { Page } from 'playwright-core';
import { linkDemoClock } from './demo-clock.ts';
import { DEMO_PAYMENT_URL } from './demo-server.ts';
import {
  DEMO_CODES,
  closeRedeemDialog,
  demoControls,
  openPromotionsTab,
  redeem,
  simulateSpend,
  waitForContent,
} from './browser/demo-site.ts';
import { POPUP_PATH, ROOT, launchHarness } from './browser/harness.ts';

const DOCS = join(ROOT, 'docs');
const SPEND_DAYS = 6;
const DAILY = 5;

execFileSync('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn'], {
  cwd: ROOT,
  stdio: 'inherit',
});
const h = await launchHarness({ extensionDir: join(ROOT, 'dist', 'demo') });
try {
  await linkDemoClock({
    async exposeToPages(name, fn) {
      await h.context.exposeBinding(name, (_source, arg: unknown) => fn(arg));
    },
    // The demo clock's function only writes storage: the two harnesses' API types differ, not the calls.
    backgroundEval: (fn, arg) => h.workerEval(fn as never, arg) as never,
  });
  const page = await h.openPage(DEMO_PAYMENT_URL);
  await waitForContent(page);
  // The cookie banner answered, as anyone who has used the site has.
  const accept = page.getByRole('button', { name: 'Accept all' });
  // (The demo's own controls cover it at this width: the click goes to the button itself.)
  if (await accept.isVisible()) await accept.dispatchEvent('click');

  await redeem(page, DEMO_CODES.typo);
  // The panel explains the refusal once the content script has read the dialog.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(DOCS, 'overlay-refused-code.png') });
  await redeem(page, DEMO_CODES.conditional);
  await closeRedeemDialog(page);
  await openPromotionsTab(page, 'Earning');
  await simulateSpend(page, SPEND_DAYS, DAILY);
  await demoControls(page).getByText(`(day ${SPEND_DAYS})`).waitFor();

  for (const scheme of ['light', 'dark'] as const) {
    const popup: Page = await h.openExtensionPage(POPUP_PATH);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('article').first().waitFor();
    await popup.screenshot({ path: join(DOCS, scheme === 'light' ? 'popup.png' : 'popup-dark.png') });
    await popup.close();
  }
  process.stdout.write('docs/overlay-refused-code.png, docs/popup.png, docs/popup-dark.png written\n');
} finally {
  await h.close();
}
