// Runs once before the e2e files: decides which browsers run (E2E_BROWSERS, default all), and builds the
// extension when dist/ is older than its sources, so a plain `npm run test:e2e` always tests current code.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { findBrowser, requestedBrowsers } from '../../scripts/browser/browsers.ts';
import { NETWORK_LEDGER_ENV, ROOT, checkNetworkLedger } from '../../scripts/browser/harness.ts';

const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'];
const INSTALL: Record<string, string> = {
  chromium: 'set CHROME_PATH or apt-get install chromium',
  firefox: 'set FIREFOX_PATH or apt-get install firefox-esr',
};

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
  const requested = requestedBrowsers();
  const missing = requested.filter((b) => findBrowser(b) === null);
  for (const browser of missing) {
    const why = `no ${browser} found; ${INSTALL[browser]}`;
    if (process.env.CI === 'true')
      throw new Error(`e2e failed: ${why} (with CI=true a missing browser is a failure)`);
    process.stderr.write(`\ne2e in ${browser} skipped: ${why}\n\n`);
  }
  if (missing.length === requested.length) return;
  process.stderr.write(
    `e2e browsers: ${requested
      .filter((b) => !missing.includes(b))
      .map((b) => `${b} (${findBrowser(b)})`)
      .join(', ')}\n`,
  );
  if (distIsStale()) {
    process.stderr.write('e2e: dist/ is older than the sources, running npm run build\n');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  for (const target of ['chrome', 'firefox'])
    if (!existsSync(join(ROOT, 'dist', target, 'manifest.json')))
      throw new Error(`npm run build made no dist/${target}`);
  // Every file's browser records into one ledger (harness.ts); the teardown checks the whole suite.
  const ledger = join(mkdtempSync(join(tmpdir(), 'acg-e2e-')), 'network.jsonl');
  process.env[NETWORK_LEDGER_ENV] = ledger;
  return () => checkNetworkLedger(ledger);
}
