// Drives the built extension in a real Chromium (playwright-core, no bundled browsers) against the
// mock Ads Manager reached as https://ads.tiktok.com. Used by the e2e tests, `npm start` and the benchmark.
//
//   const h = await launchHarness();
//   const page = await h.openPage(DEMO_PAYMENT_URL);
//   const popup = await h.openExtensionPage();
//   const stored = await h.workerEval(() => chrome.storage.local.get(null));
//   await h.stopServiceWorker();
//   expect(h.network.extensionRequests()).toEqual([]);
//   await h.close();
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Request,
  type Worker,
} from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import { startDemoServer, type DemoServer } from '../demo-server.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROME_DIST = join(ROOT, 'dist', 'chrome');
export const POPUP_PATH = 'src/popup/index.html';
export const OPTIONS_PATH = 'src/options/index.html';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** CHROME_PATH if set (and it must exist), else the first Chromium or Chrome found in the usual places. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** The flags of docs/ARCHITECTURE.md ("Real browser"); the extension and host mapping are added per launch. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The demo's certificate is made at start and trusted by nobody; only the mapped hosts reach it.
  '--ignore-certificate-errors',
];

/** One network request seen in the browser context, with who made it. */
export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Who made it: the extension (worker, extension page or content script), a web page, or the browser itself. */
  by: 'extension' | 'page' | 'browser';
  /** URL of the document or worker the request came from, when known. */
  from: string | null;
}

/**
 * Records every request in the context. A request is the extension's own when it comes from its
 * service worker, from a chrome-extension:// page or frame, or from a script whose stack runs through
 * chrome-extension:// (a content script's fetch or an element it inserts) — seen through CDP, since
 * Playwright does not expose the initiator.
 */
export class NetworkRecorder {
  readonly requests: RecordedRequest[] = [];
  private readonly contentScriptInitiated = new Set<string>();

  /** Every network request (http, https, ws) the extension made from its worker, its pages or a content script's code. */
  extensionRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.by === 'extension' && /^(https?|wss?):/.test(r.url));
  }

  /**
   * Network requests whose URL fails isExpected, whoever made them. Catches what the initiator cannot
   * show: a resource the content script puts in the page (an <img>, a <link>) loads as the page's own.
   */
  unexpected(isExpected: (url: string) => boolean): RecordedRequest[] {
    return this.requests.filter((r) => /^(https?|wss?):/.test(r.url) && !isExpected(r.url));
  }

  clear(): void {
    this.requests.length = 0;
  }

  /** @internal called by the harness for each page's CDP session. */
  async watchInitiators(session: CDPSession): Promise<void> {
    session.on('Network.requestWillBeSent', (event) => {
      const frames = event.initiator.stack?.callFrames ?? [];
      if (!frames.some((f) => f.url.startsWith('chrome-extension://'))) return;
      // Playwright's request event and this one arrive in either order: mark both ways.
      this.contentScriptInitiated.add(event.request.url);
      for (const r of this.requests) if (r.url === event.request.url) r.by = 'extension';
    });
    await session.send('Network.enable');
  }

  /** @internal */
  record(request: Request): void {
    const worker = request.serviceWorker();
    let from: string | null = worker?.url() ?? null;
    if (!worker) {
      try {
        from = request.frame().url();
      } catch {
        from = null; // a navigation before its frame exists
      }
    }
    const fromExtension =
      from?.startsWith('chrome-extension://') ||
      request.url().startsWith('chrome-extension://') ||
      this.contentScriptInitiated.has(request.url());
    this.requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      by: fromExtension ? 'extension' : from ? 'page' : 'browser',
      from,
    });
  }
}

/**
 * The suite-wide network check: the e2e global setup names a file in this variable, every harness
 * appends what its browser requested when it closes, and the teardown fails the run on any request of
 * the extension's own — whichever e2e file made it.
 */
export const NETWORK_LEDGER_ENV = 'ACG_E2E_NETWORK_LEDGER';
/** network.e2e.ts's probes: requests made on purpose to prove the recorder sees them. */
const isProbe = (url: string): boolean => new URL(url).pathname.startsWith('/e2e-probe/');

function appendToLedger(network: NetworkRecorder): void {
  appendLedgerEntry(network.requests.length, network.extensionRequests());
}

/** One browser's figures for the ledger: how many requests it saw, and those the extension made. */
export function appendLedgerEntry(requests: number, extension: Array<{ url: string }>): void {
  const ledger = process.env[NETWORK_LEDGER_ENV];
  if (!ledger) return;
  const own = extension.filter((r) => !isProbe(r.url));
  appendFileSync(ledger, `${JSON.stringify({ requests, extension: own })}\n`);
}

/** Reads the ledger after the last e2e file: prints the figures and throws on an extension request. */
export function checkNetworkLedger(ledger: string): void {
  const browsers = existsSync(ledger)
    ? readFileSync(ledger, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { requests: number; extension: RecordedRequest[] })
    : [];
  const requests = browsers.reduce((n, b) => n + b.requests, 0);
  const extension = browsers.flatMap((b) => b.extension);
  console.log(
    `[reliability] network: ${browsers.length} browsers, ${requests} requests, ${extension.length} by the extension`,
  );
  if (extension.length > 0) {
    // vitest reports an error thrown in a global teardown but still exits 0: set the code ourselves.
    process.exitCode = 1;
    throw new Error(`the extension made network requests: ${extension.map((r) => r.url).join(', ')}`);
  }
}

/** A page error or console error seen in any page or in the service worker. */
export interface BrowserError {
  source: string;
  text: string;
}

export interface LaunchOptions {
  /** Defaults to headless; a headed launch needs a display. */
  headless?: boolean;
  /** The unpacked extension to load; default dist/chrome. */
  extensionDir?: string;
  /** Reuse a running demo server; by default one is started and closed with the harness. */
  server?: DemoServer;
  /** Browser binary; default findChromium(). */
  executablePath?: string;
}

export interface Harness {
  context: BrowserContext;
  server: DemoServer;
  extensionId: string;
  /** chrome-extension://<id>/ */
  extensionOrigin: string;
  network: NetworkRecorder;
  /** Page errors and console errors from every page and the worker, in order. */
  errors: BrowserError[];
  /** The running service worker; waits for one to start if none runs. */
  serviceWorker(): Promise<Worker>;
  /** Opens a new tab at url and waits for its load event. */
  openPage(url: string): Promise<Page>;
  /** Opens an extension page (default the popup) in a tab, as a user would see it in the toolbar popup. */
  openExtensionPage(path?: string): Promise<Page>;
  /**
   * Runs fn inside the service worker, starting it first if stopped. fn gets the extension API
   * (`chrome`, typed as the polyfill's Browser: MV3 Chrome returns promises) and arg; it runs in the
   * worker, so it may use nothing from the test's scope, and arg and the result must be JSON.
   */
  workerEval<R, A = undefined>(fn: ExtensionFn<R, A>, arg?: A): Promise<R>;
  /** Stops the extension's service worker as Chrome does when idle, and waits until it has stopped. */
  stopServiceWorker(): Promise<void>;
  /** Starts the worker if it is stopped (as an incoming event would) and waits until it runs. */
  wakeServiceWorker(): Promise<void>;
  /** The worker's running status as Chrome reports it: running, starting, stopping, stopped (unknown before the first report). */
  serviceWorkerStatus(): string;
  /** Names of the extension's isolated worlds in a page: non-empty once its content script runs there. */
  contentScriptWorlds(page: Page): Promise<string[]>;
  /** Runs fn in the content script's isolated world of page, like workerEval. */
  contentScriptEval<R, A = undefined>(page: Page, fn: ExtensionFn<R, A>, arg?: A): Promise<R>;
  close(): Promise<void>;
}

/** A function run inside an extension context with its `chrome` API; see Harness.workerEval. */
export type ExtensionFn<R, A> = (api: Browser, arg: A) => R | Promise<R>;

/** The expression that calls fn with the context's own `chrome` and a JSON copy of arg. */
function callWithApi<R, A>(fn: ExtensionFn<R, A>, arg: A | undefined): string {
  return `(${fn.toString()})(chrome, ${JSON.stringify(arg ?? null)})`;
}

/** Runs fn in an extension page (popup, options) with that page's `chrome` API, like Harness.workerEval. */
export function extensionPageEval<R, A = undefined>(page: Page, fn: ExtensionFn<R, A>, arg?: A): Promise<R> {
  return page.evaluate(callWithApi(fn, arg)) as Promise<R>;
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}

export async function launchHarness(options: LaunchOptions = {}): Promise<Harness> {
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or apt-get install chromium');
  const extensionDir = options.extensionDir ?? CHROME_DIST;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run npm run build`);

  const server = options.server ?? (await startDemoServer());
  const userDataDir = mkdtempSync(join(tmpdir(), 'acg-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...CHROMIUM_FLAGS,
      `--host-resolver-rules=${server.hostResolverRules}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });

  const network = new NetworkRecorder();
  const errors: BrowserError[] = [];
  const sessions = new Map<Page, CDPSession>();
  context.on('request', (r) => network.record(r));

  const watchWorker = (worker: Worker): void => {
    worker.on('console', (m) => {
      if (m.type() === 'error') errors.push({ source: worker.url(), text: m.text() });
    });
  };
  context.on('serviceworker', watchWorker);
  context.serviceWorkers().forEach(watchWorker);

  const watchPage = async (page: Page): Promise<CDPSession> => {
    page.on('pageerror', (e) => errors.push({ source: page.url(), text: String(e) }));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push({ source: page.url(), text: m.text() });
    });
    const session = await context.newCDPSession(page);
    sessions.set(page, session);
    await network.watchInitiators(session);
    return session;
  };
  const sessionOf = async (page: Page): Promise<CDPSession> => sessions.get(page) ?? watchPage(page);

  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find(isExtensionWorker) ??
    context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 });

  const extensionId = new URL((await serviceWorker()).url()).host;
  const extensionOrigin = `chrome-extension://${extensionId}/`;

  // A blank tab opened at launch is kept for CDP calls that need a page target.
  const controlPage = context.pages()[0] ?? (await context.newPage());

  const openPage = async (url: string): Promise<Page> => {
    const page = await context.newPage();
    await sessionOf(page);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  // Chrome stops an idle extension worker without Playwright noticing: the DevTools target stays and
  // the same Worker object evaluates again once the worker restarts. The ServiceWorker domain reports
  // the real running status, so the harness follows it on the control page.
  const swSession = await context.newCDPSession(controlPage);
  let version: { id: string; status: string } | null = null;
  const statusWaiters: { want: string; resolve: () => void }[] = [];
  /** The last statuses reported, newest last: what a wait that failed had seen. */
  const statuses: string[] = [];
  swSession.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(extensionOrigin)) continue;
      version = { id: v.versionId, status: v.runningStatus };
      if (statuses.push(v.runningStatus) > 12) statuses.shift();
      for (const w of statusWaiters.filter((x) => x.want === v.runningStatus)) {
        statusWaiters.splice(statusWaiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  await swSession.send('ServiceWorker.enable');
  // Bounded: a status Chrome never reports must fail the test that waits for it, saying what was seen,
  // rather than hang it. The faults e2e hung so until its timeout: a worker stopped before its
  // registration was active never ran again (faults.e2e.ts now waits for that first).
  const untilStatus = (want: string, timeoutMs = 30_000): Promise<void> =>
    version?.status === want
      ? Promise.resolve()
      : new Promise((resolve, reject) => {
          // Made here, so that its stack names the wait that failed rather than the timer.
          const failure = new Error(`the extension's worker was not ${want} within ${timeoutMs} ms`);
          const waiter = {
            want,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          };
          const timer = setTimeout(() => {
            statusWaiters.splice(statusWaiters.indexOf(waiter), 1);
            failure.message += ` (statuses: ${statuses.join(' → ') || 'none'})`;
            reject(failure);
          }, timeoutMs);
          statusWaiters.push(waiter);
        });

  const stopServiceWorker = async (): Promise<void> => {
    await untilStatus('running');
    await swSession.send('ServiceWorker.stopWorker', { versionId: version!.id });
    await untilStatus('stopped');
  };

  // Posting to the registration's active worker starts it, as any extension event would; a page of
  // the extension's origin is needed to reach the registration, and the manifest is one with no code.
  const wakeServiceWorker = async (): Promise<void> => {
    if (version?.status === 'running') return;
    const page = await context.newPage();
    try {
      await page.goto(`${extensionOrigin}manifest.json`);
      await page.evaluate(async () =>
        (await navigator.serviceWorker.getRegistration())?.active?.postMessage('wake'),
      );
      await untilStatus('running');
    } finally {
      await page.close();
    }
  };

  const extensionWorlds = async (page: Page): Promise<{ id: number; name: string }[]> => {
    const session = await sessionOf(page);
    const worlds: { id: number; name: string }[] = [];
    const onContext = (event: { context: { id: number; origin: string; name: string } }): void => {
      if (event.context.origin.startsWith(extensionOrigin.slice(0, -1))) worlds.push(event.context);
    };
    session.on('Runtime.executionContextCreated', onContext);
    // Enabling Runtime replays every existing context, the extension's isolated worlds included.
    await session.send('Runtime.enable');
    await session.send('Runtime.disable');
    session.off('Runtime.executionContextCreated', onContext);
    return worlds.map(({ id, name }) => ({ id, name }));
  };

  const contentScriptEval = async <R, A>(page: Page, fn: ExtensionFn<R, A>, arg?: A): Promise<R> => {
    const [world] = await extensionWorlds(page);
    if (!world) throw new Error(`no content script runs in ${page.url()}`);
    const { result, exceptionDetails } = await (
      await sessionOf(page)
    ).send('Runtime.evaluate', {
      // Named like the extension's own scripts, so what fn starts is attributed as the content script's would be.
      expression: `${callWithApi(fn, arg)}\n//# sourceURL=${extensionOrigin}e2e-content-eval.js`,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails)
      throw new Error(
        `content script eval failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
      );
    return result.value as R;
  };

  return {
    context,
    server,
    extensionId,
    extensionOrigin,
    network,
    errors,
    serviceWorker,
    openPage,
    openExtensionPage: (path = POPUP_PATH) => openPage(`${extensionOrigin}${path}`),
    async workerEval<R, A>(fn: ExtensionFn<R, A>, arg?: A): Promise<R> {
      await wakeServiceWorker();
      return (await serviceWorker()).evaluate(callWithApi(fn, arg));
    },
    stopServiceWorker,
    wakeServiceWorker,
    serviceWorkerStatus: () => version?.status ?? 'unknown',
    contentScriptWorlds: async (page) => (await extensionWorlds(page)).map((w) => w.name),
    contentScriptEval,
    async close(): Promise<void> {
      appendToLedger(network);
      await context.close();
      if (!options.server) await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
