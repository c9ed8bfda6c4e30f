// Renders public/icons/icon.svg to the PNG sizes the manifest names, with the same Chromium the
// e2e tests use, so the icons need no image toolchain. Run after editing the SVG: npm run icons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { ROOT, findChromium } from './browser/harness.ts';

const SIZES = [16, 32, 48, 128];
const dir = join(ROOT, 'public', 'icons');
const executablePath = findChromium();
if (!executablePath) {
  process.stderr.write('No Chromium found: set CHROME_PATH or apt-get install chromium\n');
  process.exit(1);
}

const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const file = join(dir, `icon-${size}.png`);
    await page.screenshot({
      path: file,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    process.stdout.write(`${file}\n`);
  }
} finally {
  await browser.close();
}
