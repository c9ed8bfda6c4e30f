// One command to see Ad Credit Guide working without a TikTok account: build the extension, serve the
// mock Ads Manager as https://ads.tiktok.com, and open it in Chromium (or Firefox with `-- --firefox`)
// with the extension loaded. With a display the browser stays open until Ctrl-C; without one it walks
// the main flow headless and saves screenshots.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { linkDemoClock } from './demo-clock.ts';
import { DEMO_PAYMENT_URL } from './demo-server.ts';
import { findBrowser, launchBrowser, type BrowserName, type E2EPage } from './browser/browsers.ts';
import {
  DEMO_CODES,
  closeRedeemDialog,
  openPromotionsTab,
  redeem,
  simulateSpend,
  waitForContent,
} from './browser/demo-actions.ts';
import { POPUP_PATH, ROOT } from './browser/harness.ts';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** Waits until the demo controls show `day` (the page moves on once the extension's clock has). */
async function waitForDemoDay(page: E2EPage, day: number): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if ((await page.text('#demo-controls'))?.includes(`(day ${day})`)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the demo never reached day ${day}`);
}

const name: BrowserName = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
const label = name === 'firefox' ? 'Firefox' : 'Chromium';
const SHOTS = join(ROOT, 'artifacts', name === 'firefox' ? 'start-firefox' : 'start');
const executable = findBrowser(name);
if (!executable) {
  say(
    name === 'firefox'
      ? 'No Firefox found. Install one (apt-get install firefox-esr) or set FIREFOX_PATH.'
      : 'No Chromium found. Install one (apt-get install chromium) or set CHROME_PATH to Chrome or Chromium.',
  );
  process.exit(1);
}
// macOS and Windows always have a screen; elsewhere a display server must be running.
const headed = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

say('1/3 Building the extension (npm run build)…');
try {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
  // The Chrome build with a clock the demo's controls move (src/platform/clock.ts), in dist/demo.
  if (name === 'chromium')
    execFileSync('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
} catch (error) {
  const { stdout = '', stderr = '' } = error as { stdout?: Buffer; stderr?: Buffer };
  process.stderr.write(`${stdout}${stderr}\nBuild failed.\n`);
  process.exit(1);
}

say(`2/3 Starting the mock Ads Manager and ${headed ? '' : 'headless '}${label} (${executable})…`);
if (name === 'firefox')
  say('    (Firefox reaches it at https://ads.tiktok.com on port 443: run as root, or free that port)');
const h = await launchBrowser(name, {
  headless: !headed,
  ...(name === 'chromium' ? { extensionDir: join(ROOT, 'dist', 'demo') } : {}),
});
const clockLinked = await linkDemoClock(h);
if (!clockLinked)
  say(
    `    (in ${label} the demo's "Spend 1 day" moves the page's date only; the extension keeps the real date)`,
  );
const page = await h.openPage(DEMO_PAYMENT_URL);
await waitForContent(page);

if (headed) {
  say(`3/3 Ready. In the browser window:
   - ${DEMO_PAYMENT_URL}
     is the mock payment page (served locally; the extension sees the real address).
   - Redeem coupon: try ${DEMO_CODES.typo} (a typo) and ${DEMO_CODES.conditional} (accepted);
     the yellow Demo controls panel lists every demo code and moves the clock with simulated spend.
   - The extension's popup: the toolbar's extensions menu, or ${h.extensionOrigin}${POPUP_PATH}
Press Ctrl-C to quit.`);
  process.on('SIGINT', () => void h.close().then(() => process.exit(0)));
} else {
  mkdirSync(SHOTS, { recursive: true });
  const shot = async (target: E2EPage, file: string, what: string): Promise<void> => {
    const path = join(SHOTS, `${file}.png`);
    await target.bringToFront();
    await target.screenshot(path);
    say(`   ${what}: ${relative(process.cwd(), path)}`);
  };
  say(`3/3 No display: walking the main flow headless, screenshots in ${relative(process.cwd(), SHOTS)}/`);
  await shot(page, '1-payment', 'payment page');
  await redeem(page, DEMO_CODES.typo);
  await shot(page, '2-invalid-code', `redeem ${DEMO_CODES.typo} (letter O for zero)`);
  await redeem(page, DEMO_CODES.conditional);
  await shot(page, '3-valid-code', `redeem ${DEMO_CODES.conditional}`);
  await closeRedeemDialog(page);
  await openPromotionsTab(page, 'Earning');
  // Numbers to check by hand: $30 of $50 spent in 6 days, 24 of 30 days left, so $20 over the 25 days
  // left with today is $0.80 a day, and at $5 a day the minimum is met 4 days later (day 10).
  await simulateSpend(page, 6, 5);
  // The page shows the new day once the extension's clock has moved to it.
  await waitForDemoDay(page, 6);
  await shot(page, '4-promotions-earning', 'promotions, Earning tab after 6 days of $5 spend');
  const popup = await h.openExtensionPage(POPUP_PATH);
  await popup.setViewport(400, 600);
  await popup.waitFor('main');
  await shot(popup, '5-popup', 'extension popup');
  await h.close();
  say(
    `Done. With a display, npm start${name === 'firefox' ? ' -- --firefox' : ''} opens the browser for you to try.`,
  );
}
