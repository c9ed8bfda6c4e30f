// A browser-like global scope for the kits: they read window, document and a few layout APIs when they load
// and when they mount. jsdom has no layout, so the layout APIs answer as an unmeasured page would.
import { JSDOM } from 'jsdom';

// The kits import their stylesheets from JavaScript (Semi does); the pages are saved without kit CSS.
for (const ext of ['.css', '.scss', '.less']) require.extensions[ext] = () => undefined;

export const jsdom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', {
  url: 'https://ads.tiktok.com/i18n/account/payment',
  pretendToBeVisual: true,
});
const win = jsdom.window as unknown as Window & typeof globalThis;
const g = globalThis as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(win)) {
  if (key in g) continue;
  try {
    g[key] = (win as unknown as Record<string, unknown>)[key];
  } catch {
    // A few window getters throw outside a browsing context; the kits do not use them.
  }
}
// Node has Event and CustomEvent of its own, which jsdom's dispatchEvent refuses: a kit that builds its events
// from the globals (Fluent's dialog and tabster do) gets the window's.
for (const key of ['Event', 'CustomEvent'] as const) g[key] = win[key];
g.window = win;
g.document = win.document;
Object.defineProperty(g, 'navigator', { value: win.navigator, configurable: true });
g.IS_REACT_ACT_ENVIRONMENT = true;

class NoObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
const matchMedia = (query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener() {},
  removeListener() {},
  addEventListener() {},
  removeEventListener() {},
  dispatchEvent: () => false,
});
for (const [name, value] of Object.entries({
  ResizeObserver: NoObserver,
  IntersectionObserver: NoObserver,
  MutationObserver: win.MutationObserver,
  matchMedia,
})) {
  (win as unknown as Record<string, unknown>)[name] = value;
  g[name] = value;
}
win.scrollTo = () => undefined;
win.HTMLElement.prototype.scrollIntoView = () => undefined;
g.getComputedStyle = win.getComputedStyle.bind(win);
g.requestAnimationFrame = win.requestAnimationFrame.bind(win);
g.cancelAnimationFrame = win.cancelAnimationFrame.bind(win);

/**
 * Makes the ids the kits draw at random (Semi's form and tooltip ids) the same on every render of a page, so a
 * re-render changes a saved page only where the page changed. A small linear congruential generator suffices.
 */
export function seedRandomness(seed: number): void {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  Math.random = next;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  Object.defineProperty(globalThis.crypto, 'randomUUID', {
    configurable: true,
    value: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  });
}
