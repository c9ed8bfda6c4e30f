// One harness interface for the end-to-end journeys, with a Chromium and a Firefox implementation, so
// each journey is written once and runs in both (`describe.each(e2eBrowsers())`).
//
//   E2E_BROWSERS=chromium,firefox   which browsers run (default both). A browser that is not installed
//                                   is skipped with a message; with CI=true that is a failure instead.
//
//   const h = await launchBrowser('firefox');
//   const page = await h.openPage(DEMO_PAYMENT_URL);             // the mock Ads Manager at its real URL
//   await page.click({ role: 'button', name: 'Redeem coupon' });
//   await h.backgroundEval((api) => api.storage.local.get(null)); // in the service worker / event page
//   await h.stopBackground();                                     // as the browser does when idle
//   await h.moveClock(25 * DAY); await h.fireAlarm('reminders');  // days pass for the extension
//   await h.notificationsShown();                                 // what the browser put on screen
//   await h.extensionRequests();                                  // network requests of the extension's own
import { existsSync } from 'node:fs';
import process from 'node:process';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { findChromium } from './harness.ts';

export type BrowserName = 'chromium' | 'firefox';
export const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** An element the way a user finds it: a CSS selector, or a role and its accessible name. */
export type Target =
  | string
  | {
      role: 'button' | 'tab' | 'menuitem' | 'textbox' | 'link' | 'dialog' | 'progressbar';
      name: string;
      /** Match names that start with `name` (a tab that shows a count after its label). */
      prefix?: boolean;
      /** A CSS selector the element must be inside. */
      within?: string;
    };

/** A tab: a web page or an extension page. Its methods wait for what they need, up to 15 s. */
export interface E2EPage {
  url(): Promise<string>;
  title(): Promise<string>;
  /** Runs fn in the page (not in the extension's content script); arg and result are JSON. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits for the target to be visible, then clicks it as a user would (real pointer events). */
  click(target: Target): Promise<void>;
  /** Replaces a text field's value by typing. */
  fill(target: Target, value: string): Promise<void>;
  /** Waits until the target is visible. */
  waitFor(target: Target, timeoutMs?: number): Promise<void>;
  /** Text of the target (visible or not), null when absent. */
  text(target: Target): Promise<string | null>;
  /** What our on-page panel shows (it lives in a closed shadow root), null when there is none. */
  overlayText(): Promise<string | null>;
  /** Resizes the tab's viewport (a popup is narrow). */
  setViewport(width: number, height: number): Promise<void>;
  /** Brings the tab to the front (Firefox freezes animations in background tabs). */
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** A function run inside the extension with the browser's extension API; see E2EHarness.backgroundEval. */
export type ExtensionFn<R, A> = (api: ExtensionApi, arg: A) => R | Promise<R>;

/**
 * A notification the browser displayed. Firefox's alert windows give title and body; Chromium's headless
 * notification centre (and Firefox without a chrome context) give ids only.
 */
export interface ShownNotification {
  id: string | null;
  title: string | null;
  body: string | null;
}

/** Parts of the harness a browser version may lack (see E2EHarness.unsupported). */
export type Feature = 'background-control' | 'network-log';

export interface E2EHarness {
  browser: BrowserName;
  /** e.g. "Chromium 146.0…", "Firefox 153.0…" */
  version: string;
  /** chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionOrigin: string;
  openPage(url: string): Promise<E2EPage>;
  /** Opens an extension page (popup, options) in a tab. */
  openExtensionPage(path: string): Promise<E2EPage>;
  /**
   * Runs fn with the extension's API as its background has it (Chromium: inside the service worker;
   * Firefox: on the event page's own `browser`), waking the background first. fn may use nothing from
   * the test's scope; arg and the result are JSON.
   */
  backgroundEval<R, A = undefined>(fn: ExtensionFn<R, A>, arg?: A): Promise<R>;
  /** Stops the background as the browser does when idle, and waits until it has stopped. */
  stopBackground(): Promise<void>;
  /** Whether the background runs now (without waking it). */
  backgroundRunning(): Promise<boolean>;
  /** Moves the running background's clock ms ahead of real time (until it stops). */
  moveClock(ms: number): Promise<void>;
  /** Makes the named alarm fire now, as it would when its time comes. */
  fireAlarm(name: string): Promise<void>;
  /** Every notification the browser displayed since launch, in order. */
  notificationsShown(): Promise<ShownNotification[]>;
  /** Clicks the target in page and returns the file the page downloaded. */
  download(page: E2EPage, target: Target): Promise<{ name: string; text: string }>;
  /** Uncaught errors and console errors of the pages the harness opened (and, in Chromium, the worker), in order. */
  errors(): string[];
  /** URLs of every network request (http, https, ws) the extension made itself, from any of its contexts. */
  extensionRequests(): Promise<string[]>;
  /** URLs of the network requests made by web pages or the extension (the browser's own traffic left out). */
  requestUrls(): Promise<string[]>;
  /** How many network requests the browser made in all (proves the recorder saw traffic). */
  requestCount(): Promise<number>;
  /**
   * Why this browser cannot do feature, or null when it can: stopping or reading the background's state
   * (background-control), the request log (network-log).
   */
  unsupported(feature: Feature): string | null;
  /** Gives every page a function that runs here, in Node (Chromium only: the demo's clock uses it). */
  exposeToPages?(name: string, fn: (arg: unknown) => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** FIREFOX_PATH if set (and it must exist), else Debian's firefox-esr or firefox. */
export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return FIREFOX_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function findBrowser(name: BrowserName): string | null {
  return name === 'chromium' ? findChromium() : findFirefox();
}

/** The browsers E2E_BROWSERS asks for, in a fixed order; throws on a name it does not know. */
export function requestedBrowsers(): BrowserName[] {
  const raw = process.env.E2E_BROWSERS?.trim();
  if (!raw) return [...ALL_BROWSERS];
  const names = raw.split(',').map((s) => s.trim().toLowerCase());
  const unknown = names.filter((n) => !(ALL_BROWSERS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`E2E_BROWSERS: unknown browser ${unknown.join(', ')}`);
  return ALL_BROWSERS.filter((b) => names.includes(b));
}

/** The requested browsers that are installed: what `describe.each` runs over. */
export function e2eBrowsers(): BrowserName[] {
  return requestedBrowsers().filter((b) => findBrowser(b) !== null);
}

export async function launchBrowser(
  name: BrowserName,
  options: { headless?: boolean; extensionDir?: string } = {},
): Promise<E2EHarness> {
  if (name === 'chromium') return (await import('./chromium.ts')).launchChromium(options);
  return (await import('./firefox.ts')).launchFirefox(options);
}

/**
 * Runs in the page: finds the target and marks it with a fresh data-acg-e2e attribute, returning the
 * selector of the mark, or null while it is absent or hidden. Both drivers then click or type into the
 * mark with their own real input events.
 */
export function markTarget(target: Target, requireVisible: boolean): string | null {
  const spec = typeof target === 'string' ? { css: target } : target;
  const visible = (e: Element): boolean => {
    const style = getComputedStyle(e);
    return e.getClientRects().length > 0 && style.visibility !== 'hidden';
  };
  const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (e: Element): string => {
    const label = e.getAttribute('aria-label');
    if (label) return norm(label);
    const by = e.getAttribute('aria-labelledby');
    if (by)
      return norm(
        by
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      );
    if (e.id) {
      const forLabel = document.querySelector(`label[for="${CSS.escape(e.id)}"]`);
      if (forLabel) return norm(forLabel.textContent);
    }
    const wrapping = e.closest('label');
    if (wrapping && wrapping !== e && e.matches('input, select, textarea')) return norm(wrapping.textContent);
    return norm(e.textContent);
  };
  let found: Element | null;
  if ('css' in spec) {
    found = [...document.querySelectorAll(spec.css)].find((e) => !requireVisible || visible(e)) ?? null;
  } else {
    const roleSelectors: Record<string, string> = {
      button: 'button, [role="button"], input[type="button"], input[type="submit"]',
      tab: '[role="tab"]',
      menuitem: '[role="menuitem"]',
      textbox: 'input:not([type]), input[type="text"], input[type="number"], textarea, [role="textbox"]',
      link: 'a[href], [role="link"]',
      dialog: 'dialog, [role="dialog"]',
      progressbar: 'progress, [role="progressbar"]',
    };
    const scope = spec.within ? [...document.querySelectorAll(spec.within)] : [document.documentElement];
    const want = norm(spec.name);
    found =
      scope
        .flatMap((s) => [...s.querySelectorAll(roleSelectors[spec.role]!)])
        .find((e) => {
          const name = nameOf(e);
          return (spec.prefix ? name.startsWith(want) : name === want) && (!requireVisible || visible(e));
        }) ?? null;
  }
  if (!found) return null;
  const mark = String(Math.random()).slice(2);
  found.setAttribute('data-acg-e2e', mark);
  return `[data-acg-e2e="${mark}"]`;
}

export function describeTarget(target: Target): string {
  return typeof target === 'string' ? target : `${target.role} "${target.name}"`;
}

/** Polls fn until it returns a non-null value, or throws after timeoutMs. */
export async function until<T>(what: string, fn: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The expression that calls fn (its source) with the given argument expressions, in another realm. tsx
 * keeps function names by wrapping them in a `__name` helper that only exists in Node: a stand-in is passed.
 */
export function callExpression(fn: (...args: never[]) => unknown, ...args: string[]): string {
  return `((__name) => (${fn.toString()})(${args.join(', ')}))((f) => f)`;
}

/** The expression that marks target in a page (markTarget). */
export function markExpression(target: Target, requireVisible: boolean): string {
  return callExpression(markTarget, JSON.stringify(target), String(requireVisible));
}
