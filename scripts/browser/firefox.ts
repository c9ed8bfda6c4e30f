// The shared harness interface (browsers.ts) in Firefox ESR: puppeteer-core 24 over WebDriver BiDi (Playwright
// cannot drive Debian's firefox-esr, and Debian ships no geckodriver). The built dist/firefox is installed as
// a temporary add-on with a fixed UUID; ads.tiktok.com and business.tiktok.com resolve to 127.0.0.1, where
// the demo server listens on 443. `--remote-allow-system-access` opens Firefox's own (chrome) context to
// BiDi: from there the harness stops and wakes the event page, records every HTTP request with the
// principal that made it, and reads notifications from Firefox's own alert windows
// (alerts.useSystemBackend=false shows them there, also headless).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemoServer, type DemoServer } from '../demo-server.ts';
import {
  callExpression,
  describeTarget,
  findFirefox,
  markExpression,
  until,
  type E2EHarness,
  type E2EPage,
  type ExtensionFn,
  type Feature,
  type ShownNotification,
  type Target,
} from './browsers.ts';
import { ROOT, appendLedgerEntry } from './harness.ts';

export const FIREFOX_DIST = join(ROOT, 'dist', 'firefox');
/** The gecko id of the Firefox build (vite.config.ts). */
export const GECKO_ID = 'ad-credit-guide@adcreditguide.app';
/** Fixed, so extension pages have a known address: moz-extension://<uuid>/. */
export const EXTENSION_UUID = '5d7e0a51-3c1b-4f0e-9a51-acd0c0ffee17';
/** The address Firefox's notifications and the demo need: https://ads.tiktok.com/ has no port. */
const DEMO_PORT = 443;

export interface FirefoxLaunchOptions {
  headless?: boolean;
  executablePath?: string;
  extensionDir?: string;
  server?: DemoServer;
}

/** The BiDi connection puppeteer keeps: raw commands reach the chrome context it does not expose. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface RemoteValue {
  type: string;
  value?: unknown;
  localName?: string;
  nodeType?: number;
  nodeValue?: string;
  children?: RemoteValue[];
  shadowRoot?: RemoteValue | null;
}

function collectText(node: RemoteValue | null | undefined, out: string[]): void {
  if (!node) return;
  const value = (node.value ?? {}) as RemoteValue;
  if (value.localName === 'style') return;
  if (value.nodeType === 3 && value.nodeValue?.trim()) out.push(value.nodeValue.trim());
  collectText(value.shadowRoot, out);
  for (const child of value.children ?? []) collectText(child, out);
}

/** Set up once in the chrome context: what the harness later reads back. */
const CHROME_SETUP = `(() => {
  if (globalThis.acgE2E) return true;
  const log = { requests: 0, urls: [], extension: [], alerts: [] };
  globalThis.acgE2E = log;
  const fromExtension = (p) =>
    !!p && (p.addonId !== '' || (p.isExpandedPrincipal && p.allowlist.some((q) => q.addonId !== '')));
  Services.obs.addObserver({
    observe(subject) {
      const channel = subject.QueryInterface(Ci.nsIHttpChannel);
      const url = channel.URI.spec;
      log.requests++;
      const info = channel.loadInfo;
      if (info && (fromExtension(info.triggeringPrincipal) || fromExtension(info.loadingPrincipal)))
        log.extension.push(url);
      // Firefox's own traffic (updates, remote settings) is made with the system principal.
      if (info && !info.triggeringPrincipal.isSystemPrincipal) log.urls.push(url);
    },
  }, 'http-on-modify-request');
  Services.ww.registerNotification({
    observe(win, topic) {
      if (topic !== 'domwindowopened') return;
      win.addEventListener('load', () => setTimeout(() => {
        if (win.document.documentElement.getAttribute('windowtype') !== 'alert:alert') return;
        const label = (id) => {
          const l = win.document.getElementById(id);
          return l ? l.getAttribute('value') || l.textContent || null : null;
        };
        log.alerts.push({ id: null, title: label('alertTitleLabel'), body: label('alertTextLabel') });
      }, 50), { once: true });
    },
  });
  return true;
})()`;

/** What the harness does through the chrome context, and cannot do without it. */
const CHROME_FEATURES: readonly Feature[] = ['background-control', 'network-log'];

const EXTENSION = `ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)})`;
/** Asks to stop the event page, and how long each ask is given (stopBackground). */
const STOP_ATTEMPTS = 3;
const STOP_WAIT_MS = 10_000;

const withExtension = (body: string): string =>
  `(async () => { const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs'); const ext = ${EXTENSION}; ${body} })()`;

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<E2EHarness> {
  const executablePath = options.executablePath ?? findFirefox();
  if (!executablePath) throw new Error('No Firefox found: set FIREFOX_PATH or apt-get install firefox-esr');
  const extensionDir = options.extensionDir ?? FIREFOX_DIST;
  const server =
    options.server ??
    (await startDemoServer(DEMO_PORT).catch((error: unknown) => {
      throw new Error(
        `Firefox needs the demo server on port ${DEMO_PORT} (run as root, or free it): ${error}`,
      );
    }));
  const profile = mkdtempSync(join(tmpdir(), 'acg-firefox-'));
  const downloads = mkdtempSync(join(tmpdir(), 'acg-firefox-downloads-'));
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    protocol: 'webDriverBiDi',
    headless: options.headless ?? true,
    acceptInsecureCerts: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': 'ads.tiktok.com,business.tiktok.com',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'alerts.useSystemBackend': false,
      // The harness reads an alert as it opens. Firefox 140's BiDi opens new tabs in the most recent
      // window, which an open alert window is: alerts go away quickly.
      'alerts.totalOpenTime': 1_000,
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const version = await browser.version();
  const origin = `moz-extension://${EXTENSION_UUID}/`;

  // Firefox 141 and later open their chrome context to BiDi; ESR 140 lists no chrome context at all.
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const context =
    tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml')?.context ?? null;
  const noChrome = `${version} gives WebDriver BiDi no chrome context (Firefox 141 and later do)`;
  /** Evaluates a JSON-returning expression in Firefox's chrome context. */
  const chromeEval = async <T>(expression: string): Promise<T> => {
    if (context === null) throw new Error(`unsupported: ${noChrome}`);
    const answer = (
      await connection.send('script.evaluate', {
        expression: `(async () => JSON.stringify(await ${expression}))()`,
        target: { context },
        awaitPromise: true,
      })
    ).result as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    if (answer.type !== 'success')
      throw new Error(`Firefox chrome eval failed: ${answer.exceptionDetails?.text}`);
    const json = answer.result?.value;
    return (json === undefined ? undefined : JSON.parse(json)) as T;
  };
  if (context !== null) await chromeEval(CHROME_SETUP);
  await browser.installExtension(extensionDir);

  const backgroundState = () => chromeEval<string>(withExtension('return ext.backgroundState;'));
  // Without the chrome context, getBackgroundPage() alone starts a stopped event page.
  const wake = async () => {
    if (context !== null) await chromeEval(withExtension('await ext.wakeupBackground(); return true;'));
  };

  /**
   * Extension pages: BiDi navigates a new tab there, but puppeteer misses the navigation of a tab that
   * changes process, so the raw command is sent and the page waited on by its document.
   */
  const openExtensionTab = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    const contextId = (page.mainFrame() as unknown as { _id: string })._id;
    await connection.send('browsingContext.navigate', { context: contextId, url, wait: 'complete' });
    await until(`${url} to load`, async () =>
      (await page.evaluate('location.href + " " + document.readyState')) === `${url} complete` ? true : null,
    );
    return page;
  };

  const errors: string[] = [];
  const wrap = (page: Page): E2EPage => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    const evaluate = async <R>(expression: string): Promise<R> => (await page.evaluate(expression)) as R;
    const mark = (target: Target, visible: boolean, timeoutMs = 15_000) =>
      until(
        describeTarget(target),
        () => evaluate<string | null>(markExpression(target, visible)),
        timeoutMs,
      );
    const contextId = (page.mainFrame() as unknown as { _id: string })._id;
    return {
      // Asked of the document: puppeteer's own record misses a navigation that changed process.
      url: () => evaluate<string>('location.href'),
      title: () => page.title(),
      evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
        evaluate<R>(callExpression(fn, JSON.stringify(arg ?? null))),
      // Firefox delivers input only to the selected tab: another tab (the control tab, a popup) may be in front.
      async click(target) {
        const selector = await mark(target, true);
        await page.bringToFront();
        await page.click(selector);
      },
      async fill(target, value) {
        const selector = await mark(target, true);
        await page.bringToFront();
        await page.locator(selector).fill(value);
      },
      async waitFor(target, timeoutMs) {
        await mark(target, true, timeoutMs);
      },
      async text(target) {
        const selector = await evaluate<string | null>(markExpression(target, false));
        return selector === null ? null : page.$eval(selector, (e) => e.textContent);
      },
      async overlayText() {
        // The panel's shadow root is closed; BiDi serializes closed shadow trees on request.
        const answer = (
          await connection.send('script.evaluate', {
            expression: `document.querySelector('ad-credit-guide')`,
            target: { context: contextId },
            awaitPromise: false,
            serializationOptions: { maxDomDepth: 1000, includeShadowTree: 'all' },
          })
        ).result as { type: string; result?: RemoteValue };
        if (answer.type !== 'success' || answer.result?.type !== 'node') return null;
        const out: string[] = [];
        collectText(answer.result, out);
        return out.join(' ');
      },
      setViewport: (width, height) => page.setViewport({ width, height }),
      bringToFront: () => page.bringToFront(),
      async screenshot(path) {
        await page.bringToFront();
        await page.screenshot({ path: path as `${string}.png`, fullPage: true });
      },
      close: () => page.close(),
    };
  };

  // One extension tab stays open: it reaches the event page through runtime.getBackgroundPage().
  let control: Page | null = null;
  const controlPage = async (): Promise<Page> => {
    if (control === null || control.isClosed())
      control = await openExtensionTab(`${origin}src/popup/index.html`);
    return control;
  };
  /** Runs a function in the control tab with the event page's window as `bg`; JSON in, JSON out. */
  const withBackground = async <R>(fnSource: string, arg: unknown): Promise<R> => {
    await wake();
    const page = await controlPage();
    const json = (await page.evaluate(
      `(async () => { const bg = await browser.runtime.getBackgroundPage(); return JSON.stringify({ value: await (${fnSource})(bg, ${JSON.stringify(arg ?? null)}) }); })()`,
    )) as string;
    return (JSON.parse(json) as { value: R }).value;
  };

  const harness: E2EHarness = {
    browser: 'firefox',
    version: `Firefox ${version.replace(/^firefox\//i, '')}`,
    extensionOrigin: origin,
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    openExtensionPage: async (path) => wrap(await openExtensionTab(`${origin}${path}`)),
    backgroundEval: <R, A>(fn: ExtensionFn<R, A>, arg?: A) =>
      withBackground<R>(`(bg, arg) => (${fn.toString()})(bg.browser, arg)`, arg),
    async stopBackground() {
      // One ask once left the event page running after 15 s in a clean-clone run (not seen in runs of the
      // file alone). Firefox may put a suspend off while an event is being handled, and its own idle
      // timeout would try again later: so the harness asks again, a bounded number of times, and fails
      // saying which states it saw.
      const seen: string[] = [];
      for (let attempt = 0; attempt < STOP_ATTEMPTS; attempt++) {
        await chromeEval(
          withExtension('await ext.terminateBackground({ ignoreDevToolsAttached: true }); return true;'),
        );
        const stopped = await until(
          'the event page to stop',
          async () => {
            const state = await backgroundState();
            if (seen[seen.length - 1] !== state) seen.push(state);
            return state === 'stopped' ? true : null;
          },
          STOP_WAIT_MS,
        ).catch(() => false);
        if (stopped) return;
      }
      throw new Error(
        `the event page did not stop after ${STOP_ATTEMPTS} asks of ${STOP_WAIT_MS} ms; states seen: ${seen.join(' → ')}`,
      );
    },
    backgroundRunning: async () => (await backgroundState()) === 'running',
    async moveClock(ms) {
      await withBackground(
        `(bg, shift) => {
          const RealDate = bg.acgRealDate ?? bg.Date;
          bg.acgRealDate = RealDate;
          bg.Date = class extends RealDate {
            constructor(...args) { if (args.length === 0) super(RealDate.now() + shift); else super(...args); }
            static now() { return RealDate.now() + shift; }
          };
        }`,
        ms,
      );
    },
    async fireAlarm(name) {
      // From the control tab, whose clock is the real one: alarms run on real time.
      await wake();
      await (
        await controlPage()
      ).evaluate(
        `browser.alarms.create(${JSON.stringify(name)}, { when: Date.now() + 50 }).then(() => true)`,
      );
    },
    async notificationsShown() {
      if (context !== null) return chromeEval<ShownNotification[]>('globalThis.acgE2E.alerts');
      // Without the alert windows: the notifications Firefox holds, by id.
      const ids = await withBackground<string[]>(
        'async (bg) => Object.keys(await bg.browser.notifications.getAll())',
        null,
      );
      return ids.map((id) => ({ id, title: null, body: null }));
    },
    errors: () => [...errors],
    unsupported: (feature) => (context === null && CHROME_FEATURES.includes(feature) ? noChrome : null),
    async download(page, target) {
      const before = new Set(readdirSync(downloads));
      await page.click(target);
      const name = await until('the download', async () => {
        const done = readdirSync(downloads).filter((f) => !before.has(f) && !f.endsWith('.part'));
        // Firefox writes to <name>.part and renames it when complete.
        return done.length > 0 && !readdirSync(downloads).some((f) => f.endsWith('.part')) ? done[0]! : null;
      });
      const file = join(downloads, name);
      await until('the download to be written', async () => (statSync(file).size > 0 ? true : null));
      return { name, text: readFileSync(file, 'utf8') };
    },
    extensionRequests: () => chromeEval<string[]>('globalThis.acgE2E.extension'),
    requestUrls: () => chromeEval<string[]>('globalThis.acgE2E.urls'),
    requestCount: () => chromeEval<number>('globalThis.acgE2E.requests'),
    async close() {
      if (context !== null)
        appendLedgerEntry(
          await chromeEval<number>('globalThis.acgE2E.requests'),
          (await chromeEval<string[]>('globalThis.acgE2E.extension')).map((url) => ({ url })),
        );
      await browser.close();
      if (!options.server) await server.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
  return harness;
}
