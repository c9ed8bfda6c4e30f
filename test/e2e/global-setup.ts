// Runs once before the e2e files: decides between running and skipping, and builds the extension
// when dist/ is older than its sources, so a plain `npm run test:e2e` always tests current code.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { CHROME_DIST, NETWORK_LEDGER_ENV, ROOT, checkNetworkLedger, findChromium } from './harness.ts';

const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}

function distIsStale(): boolean {
  const built = ['chrome', 'firefox'].map((t) => join(ROOT, 'dist', t, 'manifest.json'));
  if (!built.every(existsSync)) return true;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  return SOURCES.some((s) => newestMtime(join(ROOT, s)) > builtAt);
}

export default function setup(): (() => void) | void {
  if (!findChromium()) {
    const missing = 'no Chromium found; set CHROME_PATH or apt-get install chromium';
    if (process.env.CI === 'true')
      throw new Error(`e2e failed: ${missing} (with CI=true a missing browser is a failure)`);
    process.stderr.write(`\ne2e skipped: ${missing}\n\n`);
    return;
  }
  if (distIsStale()) {
    process.stderr.write('e2e: dist/ is older than the sources, running npm run build\n');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!existsSync(join(CHROME_DIST, 'manifest.json'))) throw new Error('npm run build made no dist/chrome');
  // Every file's browser records into one ledger (harness.ts); the teardown checks the whole suite.
  const ledger = join(mkdtempSync(join(tmpdir(), 'acg-e2e-')), 'network.jsonl');
  process.env[NETWORK_LEDGER_ENV] = ledger;
  return () => checkNetworkLedger(ledger);
}
