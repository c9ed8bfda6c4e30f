// The shared harness interface (browsers.ts) over the Chromium harness (harness.ts, playwright-core).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  callExpression,
  describeTarget,
  markExpression,
  until,
  type E2EHarness,
  type E2EPage,
  type ExtensionFn,
  type Target,
} from './browsers.ts';
import { findChromium, launchHarness, type Harness, type LaunchOptions } from './harness.ts';
import { overlayText } from './overlay.ts';

function wrapPage(page: Page): E2EPage {
  const mark = (target: Target, visible: boolean, timeoutMs = 15_000) =>
    until(
      describeTarget(target),
      () => page.evaluate(markExpression(target, visible)) as Promise<string | null>,
      timeoutMs,
    );
  return {
    url: async () => page.url(),
    title: () => page.title(),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(callExpression(fn, JSON.stringify(arg ?? null))) as Promise<R>,
    async click(target) {
      await page.click(await mark(target, true));
    },
    async fill(target, value) {
      await page.fill(await mark(target, true), value);
    },
    async waitFor(target, timeoutMs) {
      await mark(target, true, timeoutMs);
    },
    async text(target) {
      const selector = (await page.evaluate(markExpression(target, false))) as string | null;
      return selector === null ? null : page.textContent(selector);
    },
    overlayText: () => overlayText(page),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    async screenshot(path) {
      await page.screenshot({ path, fullPage: true });
    },
    close: () => page.close(),
  };
}

/** Chromium: the page behind an E2EPage, for the Chromium-only parts of a journey. */
const pages = new WeakMap<E2EPage, Page>();

export async function launchChromium(options: LaunchOptions = {}): Promise<E2EHarness> {
  const h: Harness = await launchHarness(options);
  const version = `Chromium ${h.context.browser()?.version() ?? ''}`.trim();
  const open = async (url: string): Promise<E2EPage> => {
    const page = await h.openPage(url);
    const wrapped = wrapPage(page);
    pages.set(wrapped, page);
    return wrapped;
  };
  const workerEval = <R, A>(fn: ExtensionFn<R, A>, arg?: A): Promise<R> => h.workerEval(fn, arg);
  return {
    browser: 'chromium',
    version: version === 'Chromium' ? `Chromium (${findChromium()})` : version,
    extensionOrigin: h.extensionOrigin,
    openPage: open,
    openExtensionPage: (path) => open(`${h.extensionOrigin}${path}`),
    backgroundEval: workerEval,
    async exposeToPages(name, fn) {
      await h.context.exposeBinding(name, (_source, arg: unknown) => fn(arg));
    },
    stopBackground: () => h.stopServiceWorker(),
    backgroundRunning: async () => h.serviceWorkerStatus() === 'running',
    async moveClock(ms) {
      await workerEval((_api, shift) => {
        const g = globalThis as { Date: DateConstructor; acgRealDate?: DateConstructor };
        const RealDate = g.acgRealDate ?? g.Date;
        g.acgRealDate = RealDate;
        class Shifted extends RealDate {
          constructor(...args: []) {
            if (args.length === 0) super(RealDate.now() + shift);
            else super(...(args as []));
          }
          static override now() {
            return RealDate.now() + shift;
          }
        }
        g.Date = Shifted as DateConstructor;
      }, ms);
    },
    async fireAlarm(name) {
      await workerEval(async (api, alarm) => {
        const g = globalThis as { Date: DateConstructor; acgRealDate?: DateConstructor };
        // Alarms run on the real clock, whatever the worker's Date says.
        await api.alarms.create(alarm, { when: (g.acgRealDate ?? g.Date).now() + 50 });
      }, name);
    },
    async notificationsShown() {
      const shown = await workerEval(async (api) => Object.keys(await api.notifications.getAll()));
      return shown.map((id) => ({ id, title: null, body: null }));
    },
    async download(page, target) {
      const raw = pages.get(page)!;
      const [file] = await Promise.all([raw.waitForEvent('download'), page.click(target)]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    },
    extensionRequests: async () => h.network.extensionRequests().map((r) => r.url),
    requestUrls: async () =>
      h.network.requests.filter((r) => r.by !== 'browser' && /^(https?|wss?):/.test(r.url)).map((r) => r.url),
    requestCount: async () => h.network.requests.length,
    errors: () => h.errors.map((e) => `${e.source}: ${e.text}`),
    unsupported: () => null,
    close: () => h.close(),
  };
}
