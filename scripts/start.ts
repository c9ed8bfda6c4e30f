// One command to see Ad Credit Guide working without a TikTok account: build the extension, serve the
// mock Ads Manager as https://ads.tiktok.com, and open it in Chromium with the extension loaded.
// With a display the browser stays open until Ctrl-C; without one it walks the main flow headless
// and saves screenshots.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { linkDemoClock } from './demo-clock.ts';
import { DEMO_PAYMENT_URL } from './demo-server.ts';
import { POPUP_PATH, ROOT, findChromium, launchHarness } from '../test/e2e/harness.ts';
import {
  DEMO_CODES,
  closeRedeemDialog,
  demoControls,
  openPromotionsTab,
  redeem,
  simulateSpend,
  waitForContent,
} from '../test/e2e/demo-site.ts';

const SHOTS = join(ROOT, 'artifacts', 'start');
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const browser = findChromium();
if (!browser) {
  say('No Chromium found. Install one (apt-get install chromium) or set CHROME_PATH to Chrome or Chromium.');
  process.exit(1);
}
// macOS and Windows always have a screen; elsewhere a display server must be running.
const headed = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

say('1/3 Building the extension (npm run build)…');
try {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
  // The Chrome build with a clock the demo's controls move (src/platform/clock.ts), in dist/demo.
  execFileSync('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
} catch (error) {
  const { stdout = '', stderr = '' } = error as { stdout?: Buffer; stderr?: Buffer };
  process.stderr.write(`${stdout}${stderr}\nBuild failed.\n`);
  process.exit(1);
}

say(`2/3 Starting the mock Ads Manager and ${headed ? '' : 'headless '}Chromium (${browser})…`);
const h = await launchHarness({
  headless: !headed,
  executablePath: browser,
  extensionDir: join(ROOT, 'dist', 'demo'),
});
await linkDemoClock(h);
const page = await h.openPage(DEMO_PAYMENT_URL);
await waitForContent(page);

if (headed) {
  say(`3/3 Ready. In the browser window:
   - ${DEMO_PAYMENT_URL}
     is the mock payment page (served locally; the extension sees the real address).
   - Redeem coupon: try ${DEMO_CODES.typo} (a typo) and ${DEMO_CODES.conditional} (accepted);
     the yellow Demo controls panel lists every demo code and moves the clock with simulated spend.
   - The extension's popup: the puzzle-piece menu, or ${h.extensionOrigin}${POPUP_PATH}
Press Ctrl-C to quit.`);
  const quit = async (): Promise<void> => {
    await h.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void quit());
  h.context.on('close', () => process.exit(0));
} else {
  mkdirSync(SHOTS, { recursive: true });
  const shot = async (target: typeof page, name: string, what: string): Promise<void> => {
    const file = join(SHOTS, `${name}.png`);
    await target.screenshot({ path: file, fullPage: true });
    say(`   ${what}: ${relative(process.cwd(), file)}`);
  };
  say('3/3 No display: walking the main flow headless, screenshots in artifacts/start/');
  await shot(page, '1-payment', 'payment page');
  await redeem(page, DEMO_CODES.typo);
  await shot(page, '2-invalid-code', `redeem ${DEMO_CODES.typo} (letter O for zero)`);
  await redeem(page, DEMO_CODES.conditional);
  await shot(page, '3-valid-code', `redeem ${DEMO_CODES.conditional}`);
  await closeRedeemDialog(page);
  await openPromotionsTab(page, 'Earning');
  // Numbers to check by hand: $25 of $50 spent in 5 days, 25 of 30 days left, so $1.00 a day still
  // needed, and at $5 a day the minimum is met 5 days later.
  await simulateSpend(page, 5, 5);
  // The page shows the new day once the extension's clock has moved to it.
  await demoControls(page).getByText('(day 5)').waitFor();
  await shot(page, '4-promotions-earning', 'promotions, Earning tab after 5 days of $5 spend');
  const popup = await h.openExtensionPage(POPUP_PATH);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForLoadState('networkidle');
  await shot(popup, '5-popup', 'extension popup');
  await h.close();
  say(
    'Done. With a display (or CHROME_PATH to a desktop Chrome on a machine with one), npm start opens the browser for you to try.',
  );
}
