// The built extension in Chromium (the bench's build, VITE_ACG_TIMING=1), against the same pages in a
// browser without the extension, in the same run:
// - the 3,000-row promotions page, on a CPU slowed 4× (as Lighthouse emulates a slow laptop): long
//   tasks, scripting time, reads and snapshots under DOM churn and while idle;
// - the content script's first read of that page against a bare text walk, both in its isolated world;
// - a 3,000-row campaign list (not a billing page) under the same churn: the extension's share of the
//   page's script, from a CPU profile of each visit;
// - the popup's first card with 500 kept promotions against the empty extension page, and the worker's
//   cold start.
//
// Pages are served by routing their real URLs in each context (the content script's match patterns see
// https://ads.tiktok.com/...). The content script's work is counted from the User Timing entries it
// leaves in the page's timeline: an "acg:read" measure per read (or slice of one), an "acg:snapshot"
// measure per task of a send (clipping and packing the list, then each message's copy: a long list goes
// in parts), "acg:publish" per redraw, "acg:draw" per frame a feature draws in, and "acg:walk" for the
// walk.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { promoKey, SCHEMA_VERSION, KEY } from '../src/core/store/layout.ts';
import {
  CHROMIUM_FLAGS,
  findChromium,
  launchHarness,
  POPUP_PATH,
  type Harness,
} from '../scripts/browser/harness.ts';
import { summaryOf } from '../src/background/summary.ts';
import { keptFrom } from '../src/platform/store.ts';
import { benchPage, campaignPage } from './pages.ts';
import { benchRecords } from './records.ts';
import type { Figure } from './report.ts';
import { median } from './stats.ts';

export const PAGE_ROWS = 3000;
export const POPUP_PROMOTIONS = 500;
/** Warm opens of the popup, each followed by an open of the empty page. */
const POPUP_OPENS = 5;
const CHURN = { perSecond: 1000, ms: 5000 };
const SETTLE_MS = 1500;
const IDLE_MS = 2000;
/** After the churn, the page counts as idle once the content script has not read for this long… */
const QUIET_MS = 500;
/** …or after this long in any case (work that never ends must show in the idle figures). */
const CATCH_UP_LIMIT_MS = 5000;
/** What the Long Tasks API counts as long. */
const LONG_TASK_MS = 50;
/** Stretches of ours this close are one task: nothing of the page's ran between them. */
const SAME_TASK_MS = 1;
const VIEWPORT = { width: 1280, height: 800 };
/** DevTools' "4× slowdown", as Lighthouse runs its mobile audits: the laptop a budget is for. */
const CPU_SLOWDOWN = 4;
/**
 * Pages visited of each kind for the first read and the walks. Five: the first page of each kind in a run
 * is often the slowest by far (the text walk 35 ms against 17 and 24 in one run), and a median of three
 * moved with it.
 */
const VISITS = 5;
/** Visits of the campaign list with and without the extension, alternating. */
const NON_BILLING_VISITS = 5;

// Runs first in every document of a context: collects long tasks and the content script's User Timing
// entries as they come (the content script clears its entries from the page's buffer once made), and on
// extension pages notes when the first promotion card appears (the popup's "first render").
const INSTRUMENT = `(() => {
  const acg = (window.__acgBench = { longTasks: [], reads: [], snapshots: [], publishes: [], draws: [], walks: [], cardsAt: null });
  const observe = (type, take) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true });
    } catch {}
  };
  observe('longtask', (e) => acg.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('measure', (e) => e.name === 'acg:read' && acg.reads.push({ start: e.startTime, duration: e.duration }));
  observe('measure', (e) => e.name === 'acg:snapshot' && acg.snapshots.push({ start: e.startTime, duration: e.duration }));
  observe('measure', (e) => e.name === 'acg:publish' && acg.publishes.push({ start: e.startTime, duration: e.duration }));
  observe('measure', (e) => e.name === 'acg:draw' && acg.draws.push({ start: e.startTime, duration: e.duration }));
  observe('measure', (e) => e.name === 'acg:walk' && acg.walks.push({ start: e.startTime, duration: e.duration }));
  if (location.protocol === 'chrome-extension:') {
    new MutationObserver((_, observer) => {
      if (acg.cardsAt === null && document.querySelector('article')) {
        acg.cardsAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }
})();`;

interface Span {
  start: number;
  duration: number;
}

interface Timeline {
  longTasks: Span[];
  reads: Span[];
  snapshots: Span[];
  /** The features redrawing after a read or a storage read, each in a task of its own. */
  publishes: Span[];
  /** The frames the features draw in (placing notes and outlines, a panel's layout). */
  draws: Span[];
  /** The bench build's walk of the text or of the structure, on pages that ask for it (src/content/bench-walk.ts). */
  walks: Span[];
}

interface Metrics {
  script: number;
  task: number;
}

interface Phases {
  /** From navigation to SETTLE_MS after load. */
  load: Metrics & { shares?: ScriptShares };
  churn: Metrics & { start: number; end: number; mutations: number; frames: number; shares?: ScriptShares };
  /** From the churn's end until the content script has caught up with it (see QUIET_MS). */
  catchUp: { end: number; lastRead: number | null };
  idle: Metrics & { start: number; end: number };
  timeline: Timeline;
  /** Wall-clock time of each phase: where the run's minutes go. */
  wallMs: { load: number; churn: number; idle: number };
}

async function metrics(session: CDPSession): Promise<Metrics> {
  const { metrics } = await session.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

const minus = (a: Metrics, b: Metrics): Metrics => ({ script: a.script - b.script, task: a.task - b.task });

// 1,000 mutations a second from a page script: the name cells' text toggles, row after row, while a
// frame counter runs beside it. A string, like INSTRUMENT: the page runs it as written, without the
// helpers the TypeScript loader adds to functions.
const CHURN_SCRIPT = `async ({ perSecond, ms }) => {
  const names = [...document.querySelectorAll('[role="row"], tr')]
    .slice(1)
    .map((row) => document.createTreeWalker(row, NodeFilter.SHOW_TEXT).nextNode())
    .filter((n) => n !== null);
  let frames = 0;
  let running = true;
  requestAnimationFrame(function frame() {
    if (!running) return;
    frames++;
    requestAnimationFrame(frame);
  });
  const start = performance.now();
  const total = (perSecond * ms) / 1000;
  let done = 0;
  await new Promise((resolve) => {
    const id = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * perSecond) / 1000));
      for (; done < due; done++) {
        const n = names[done % names.length];
        n.data = n.data.endsWith(' ✓') ? n.data.slice(0, -2) : n.data + ' ✓';
      }
      if (done >= total) {
        clearInterval(id);
        resolve();
      }
    }, 1);
  });
  running = false;
  return { start, end: performance.now(), mutations: done, frames };
}`;

function churn(page: Page): Promise<{ start: number; end: number; mutations: number; frames: number }> {
  return page.evaluate(`(${CHURN_SCRIPT})(${JSON.stringify(CHURN)})`);
}

function timeline(page: Page): Promise<Timeline> {
  return page.evaluate(() => {
    const { longTasks, reads, snapshots, publishes, draws, walks } = (
      window as unknown as { __acgBench: Timeline }
    ).__acgBench;
    return { longTasks, reads, snapshots, publishes, draws, walks };
  });
}

/** One visit: load and settle, churn, then stay idle; with the CDP metrics of each phase. */
async function visit(
  context: BrowserContext,
  url: string,
  { slowdown = 1, firstSnapshot = false, idleMs = IDLE_MS, profile = false } = {},
): Promise<Phases> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    if (slowdown > 1) await session.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    const stopLoadProfile = profile ? await startProfile(session) : null;
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    // On a slowed CPU the first read of a long list, a slice a frame, outlasts any fixed wait: the churn
    // starts once it is over and the worker's answer to it is drawn, so that what follows is about
    // changes, not the first read (and the first answer's redraw is not taken for the page's layout).
    if (firstSnapshot && (await appeared(page, 'snapshots'))) await answerDrawn(page);
    await page.waitForTimeout(SETTLE_MS);
    const loadProfile = stopLoadProfile ? await stopLoadProfile() : null;
    const load = await metrics(session);
    const t1 = performance.now();
    const stopChurnProfile = profile ? await startProfile(session) : null;
    const churned = await churn(page);
    const churnProfile = stopChurnProfile ? await stopChurnProfile() : null;
    const afterChurn = await metrics(session);
    const t2 = performance.now();
    const catchUp = await caughtUp(page, churned.end, slowdown);
    const beforeIdle = await metrics(session);
    const idleStart = await page.evaluate(() => performance.now());
    await page.waitForTimeout(idleMs);
    const idleEnd = await page.evaluate(() => performance.now());
    const afterIdle = await metrics(session);
    return {
      load: { ...load, shares: loadProfile ? scriptShares(loadProfile) : undefined },
      churn: {
        ...minus(afterChurn, load),
        ...churned,
        shares: churnProfile ? scriptShares(churnProfile) : undefined,
      },
      catchUp,
      idle: { ...minus(afterIdle, beforeIdle), start: idleStart, end: idleEnd },
      timeline: await timeline(page),
      wallMs: { load: t1 - t0, churn: t2 - t1, idle: performance.now() - t2 },
    };
  } finally {
    await page.close();
  }
}

/** The profiler's sampling interval: 1% of a page's 100 ms of script is 10 samples. */
const PROFILE_INTERVAL_US = 100;

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Script time on the page's main thread, split by whose code is on the stack (sampled, in ms). */
interface ScriptShares {
  /** Samples in script with no frame of the extension on their stack: the page's own. */
  pageMs: number;
  /** Samples with a frame of the extension's scripts (chrome-extension://…) anywhere on their stack. */
  extensionMs: number;
  /** Garbage collection: nobody's in particular, counted in neither. */
  gcMs: number;
  /** The extension's functions under which its samples fell (innermost frame of its own), heaviest first. */
  extensionFunctions: Array<{ name: string; ms: number }>;
  samples: number;
}

/**
 * Starts V8's sampling profiler on the page's renderer; the function returned stops it, giving null when
 * the profile was lost (a navigation that moved the page to another renderer process ends it).
 */
async function startProfile(session: CDPSession): Promise<() => Promise<CpuProfile | null>> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
  await session.send('Profiler.start');
  return async () => {
    try {
      const { profile } = await session.send('Profiler.stop');
      await session.send('Profiler.disable');
      return profile as CpuProfile;
    } catch {
      return null;
    }
  };
}

const EXTENSION_URL = 'chrome-extension://';
/** Profile nodes that are not script: the thread waiting, the browser's own work, and the root. */
const NOT_SCRIPT = new Set(['(idle)', '(program)', '(root)']);

/**
 * The extension's share of the page's script, exactly rather than as a difference between visits: the
 * content script runs in the page's renderer, on the same thread as the page's script, so every sample
 * of that thread is either idle, the browser's own work, garbage collection, or script, and a sample of
 * script is the extension's when one of its frames is on the stack (the frames of its isolated world
 * carry its chrome-extension:// URL; a DOM call it makes is a frame under its own). Each sample counts
 * for the time until the next one.
 */
function scriptShares(profile: CpuProfile): ScriptShares {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  // The innermost frame of the extension on each node's stack, or null (asked once per node).
  const ownFrame = new Map<number, string | null>();
  const extensionFrame = (id: number): string | null => {
    const known = ownFrame.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const parent = parentOf.get(id);
    const own = node.callFrame.url.startsWith(EXTENSION_URL)
      ? `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.slice(node.callFrame.url.lastIndexOf('/') + 1)}`
      : parent === undefined
        ? null
        : extensionFrame(parent);
    ownFrame.set(id, own);
    return own;
  };
  const shares: ScriptShares = { pageMs: 0, extensionMs: 0, gcMs: 0, extensionFunctions: [], samples: 0 };
  const functions = new Map<string, number>();
  let at = profile.startTime;
  const times = profile.timeDeltas.map((d) => (at += d));
  profile.samples.forEach((id, i) => {
    const ms = ((times[i + 1] ?? profile.endTime) - times[i]!) / 1000;
    const name = byId.get(id)!.callFrame.functionName;
    shares.samples++;
    if (NOT_SCRIPT.has(name)) return;
    if (name === '(garbage collector)') {
      shares.gcMs += ms;
      return;
    }
    const own = extensionFrame(id);
    if (own === null) shares.pageMs += ms;
    else {
      shares.extensionMs += ms;
      functions.set(own, (functions.get(own) ?? 0) + ms);
    }
  });
  shares.extensionFunctions = [...functions]
    .sort((a, b) => b[1] - a[1])
    .map(([fn, ms]) => ({ name: fn, ms }));
  return shares;
}

/**
 * Waits until the content script has been quiet for QUIET_MS after the churn (at most CATCH_UP_LIMIT_MS):
 * work the churn left it (changed rows are read a slice per frame) is catching up, not idling. The time
 * it took is a figure of its own; a content script that never stops shows in the idle figures. Both are
 * in the slowed CPU's time: on a CPU slowed 4×, the rows 5,000 mutations changed are taken up after a
 * pause of more than 500 ms (seen in the timeline: no read from 10 ms to 570 ms after the churn, then a
 * slice every frame for 1.1 s, then none), which an unscaled window counted as reads while idle.
 */
function caughtUp(page: Page, churnEnd: number, slowdown: number): Promise<Phases['catchUp']> {
  const window = { churnEnd, quiet: QUIET_MS * slowdown, limit: CATCH_UP_LIMIT_MS * slowdown };
  return page.evaluate(`(${CAUGHT_UP_SCRIPT})(${JSON.stringify(window)})`);
}

// A string, like CHURN_SCRIPT.
const CAUGHT_UP_SCRIPT = `async ({ churnEnd, quiet, limit }) => {
  const { reads } = window.__acgBench;
  const lastRead = () => {
    const last = reads[reads.length - 1];
    return last ? last.start + last.duration : null;
  };
  const since = () => performance.now() - Math.max(churnEnd, lastRead() ?? 0);
  while (performance.now() - churnEnd < limit && since() < quiet)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return { end: performance.now(), lastRead: lastRead() };
}`;

/** Waits (at most a minute) until the content script has left its first measure of that kind. */
function appeared(page: Page, what: 'walks' | 'snapshots'): Promise<boolean> {
  return page
    .waitForFunction((k) => (window as unknown as { __acgBench: Timeline }).__acgBench[k].length > 0, what, {
      timeout: 60_000,
    })
    .then(() => true)
    .catch(() => false);
}

/**
 * Waits (at most a minute) until the features have drawn the worker's answer to the snapshots sent so
 * far: a redraw after the last task of a send, then a frame of a feature after that redraw.
 */
function answerDrawn(page: Page): Promise<boolean> {
  return page
    .waitForFunction(
      () => {
        const { snapshots, publishes, draws } = (window as unknown as { __acgBench: Timeline }).__acgBench;
        const sent = snapshots[snapshots.length - 1];
        const redraw = sent && publishes.find((p) => p.start > sent.start + sent.duration);
        return redraw !== undefined && draws.some((d) => d.start > redraw.start);
      },
      undefined,
      { timeout: 60_000 },
    )
    .then(() => true)
    .catch(() => false);
}

/**
 * Serves each page at its URL in the context; a body is asked for at each request. Once a context routes
 * anything, Playwright holds every request of it, the extension's own files included, until this process
 * lets it go: measure the extension's pages before.
 */
async function serveBenchPages(context: BrowserContext, pages: Record<string, () => string>): Promise<void> {
  await context.route(
    (u) => u.href in pages,
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: pages[route.request().url()]!(),
      }),
  );
}

export interface ExtensionResult {
  /** The promotions page on a CPU slowed CPU_SLOWDOWN×. */
  withExtension: Phases;
  without: Phases;
  firstRead: FirstReads;
  nonBilling: { withExtension: Phases[]; without: Phases[] };
  popup: {
    coldMs: number | null;
    warmMs: number[];
    cards: number;
    emptyPageMs: number[];
    /** The stored-value page (STORED_VALUE_PAGE), navigation start → its one article. */
    storedValueMs: number[];
  };
  worker: { coldMs: number | null; warmMs: number | null; answer: unknown };
}

interface FirstReads {
  /** Each page's first read: its acg:read slices before the first snapshot, summed. */
  readMs: Array<number | null>;
  slices: number[];
  /** Each page's bare text walk, made before the content script touched it. */
  walkMs: Array<number | null>;
  /** Each page's structure walk (src/content/bench-walk.ts), made alike: where the first read starts from. */
  structureMs: Array<number | null>;
}

/** What the bench build does first on a visit of the promotions page: a walk of one kind, or nothing. */
type FirstVisit = 'text' | 'structure' | 'read';

/**
 * The content script's first read of the promotions page against the bare text walk, both in its
 * isolated world and both on a page nothing of ours has touched before: each wrapper a world makes
 * for a node is made once, so a walk after the read (or a read after the walk) would be cheaper than
 * the first. Hence visits of three kinds, VISITS of each, alternating: one where the bench build walks
 * the page's text (the attribute asks it to), one where it walks its structure, one where it only reads.
 */
async function firstReads(
  context: BrowserContext,
  url: string,
  setVisit: (visit: FirstVisit) => void,
): Promise<FirstReads> {
  const out: FirstReads = { readMs: [], slices: [], walkMs: [], structureMs: [] };
  for (let i = 0; i < VISITS; i++) {
    for (const visit of ['text', 'structure', 'read'] as const) {
      setVisit(visit);
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load' });
        const seen = await appeared(page, visit === 'read' ? 'snapshots' : 'walks');
        const t = await timeline(page);
        if (visit === 'text') out.walkMs.push(seen ? t.walks[0]!.duration : null);
        else if (visit === 'structure') out.structureMs.push(seen ? t.walks[0]!.duration : null);
        else {
          const first = t.reads.filter((r) => r.start < t.snapshots[0]!.start);
          out.readMs.push(seen ? first.reduce((a, r) => a + r.duration, 0) : null);
          out.slices.push(first.length);
        }
      } finally {
        await page.close();
      }
    }
  }
  setVisit('read');
  return out;
}

/**
 * The least an extension page that shows something stored can do: its HTML, one classic script asking
 * storage for the two keys the popup's first paint reads, and one article when the answer comes. Written
 * into the bench's copy of the build only, so the popup's own share is told from the browser's: a file
 * fetched from the package after the HTML, and a round trip to storage, which no popup can skip.
 */
const STORED_VALUE_PAGE = {
  html: 'bench-stored-value.html',
  script: 'bench-stored-value.js',
};

function writeStoredValuePage(extensionDir: string): void {
  writeFileSync(
    join(extensionDir, STORED_VALUE_PAGE.html),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>stored value</title></head>` +
      `<body><div id="app"></div><script src="${STORED_VALUE_PAGE.script}"></script></body></html>`,
  );
  writeFileSync(
    join(extensionDir, STORED_VALUE_PAGE.script),
    `chrome.storage.local.get(${JSON.stringify([KEY.summary, KEY.settings])}).then((got) => {
  const article = document.createElement('article');
  article.textContent = String(Object.keys(got).length);
  document.getElementById('app').append(article);
});`,
  );
}

export async function measureExtension(extensionDir: string): Promise<ExtensionResult> {
  writeStoredValuePage(extensionDir);
  const built = benchPage(PAGE_ROWS);
  const campaigns = campaignPage(PAGE_ROWS);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH');
  const plain = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  const h = await launchHarness({ extensionDir });
  try {
    const bare = await plain.newContext({ ignoreHTTPSErrors: true, viewport: VIEWPORT });
    let firstVisit: FirstVisit = 'read';
    const asking = (kind: string) => built.html.replace(/<html\b/i, `<html data-acg-bench-walk="${kind}"`);
    const walking = { text: asking('text'), structure: asking('structure'), read: built.html };
    if (walking.text === built.html)
      throw new Error('the promotions page has no <html> tag to mark for the walk');
    // The campaign list without the extension is the same page in the same browser at an address the
    // content script does not match: a second browser would differ by more than the 1% looked for.
    const elsewhere = campaigns.url.replace('https://ads.tiktok.com/', 'https://campaigns.bench.test/');
    const pages = {
      [built.url]: () => walking[firstVisit],
      [campaigns.url]: () => campaigns.html,
      [elsewhere]: () => campaigns.html,
    };
    await bare.addInitScript(INSTRUMENT);
    await h.context.addInitScript(INSTRUMENT);
    // Popup and worker first, while storage holds only the seeded promotions: the page visits add the
    // page's 3,000 and keep the worker busy storing them. And before the pages are routed: routing holds
    // each file the popup loads for a round trip to this process (the empty page's style sheet too, but
    // its DOMContentLoaded does not wait for it), which no user's popup makes.
    const popup = await popupFirstRender(h);
    await serveBenchPages(bare, pages);
    await serveBenchPages(h.context, pages);
    const worker = await workerColdStart(h);
    const firstRead = await firstReads(h.context, built.url, (v) => (firstVisit = v));
    const nonBilling: ExtensionResult['nonBilling'] = { withExtension: [], without: [] };
    for (let i = 0; i < NON_BILLING_VISITS; i++) {
      nonBilling.without.push(await visit(h.context, elsewhere, { idleMs: 0, profile: true }));
      nonBilling.withExtension.push(await visit(h.context, campaigns.url, { idleMs: 0, profile: true }));
    }
    const without = await visit(bare, built.url, { slowdown: CPU_SLOWDOWN });
    const withExtension = await visit(h.context, built.url, { slowdown: CPU_SLOWDOWN, firstSnapshot: true });
    return { withExtension, without, firstRead, nonBilling, popup, worker };
  } finally {
    await h.close();
    await plain.close();
  }
}

/**
 * Seeds storage as the worker leaves it, then opens the popup: navigation start → first card in the DOM.
 * Beside it, the part that is the browser's own: the same page with script disabled, navigation start →
 * DOMContentLoaded.
 */
async function popupFirstRender(h: Harness): Promise<ExtensionResult['popup']> {
  const items: Record<string, unknown> = { [KEY.version]: SCHEMA_VERSION };
  for (const r of benchRecords(POPUP_PROMOTIONS)) items[promoKey(r.accountId, r.id)] = r;
  // The worker's own summary of them: waking the worker to write it would also show the reminders due on
  // 500 promotions, which a popup does not usually open into.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  items[KEY.summary] = summaryOf(keptFrom(items), Date.now(), zone);
  await h.workerEval((api, seed) => api.storage.local.set(seed), items);
  const url = `${h.extensionOrigin}${POPUP_PATH}`;
  const open = async (at = url): Promise<{ ms: number | null; cards: number }> => {
    const page = await h.context.newPage();
    try {
      await page.goto(at, { waitUntil: 'load' });
      await page.waitForSelector('article', { timeout: 10_000 }).catch(() => null);
      return await page.evaluate(() => ({
        ms: (window as unknown as { __acgBench: { cardsAt: number | null } }).__acgBench.cardsAt,
        cards: document.querySelectorAll('article').length,
      }));
    } finally {
      await page.close();
    }
  };
  const openEmpty = async (): Promise<number> => {
    const page = await h.context.newPage();
    try {
      const session = await h.context.newCDPSession(page);
      await session.send('Emulation.setScriptExecutionDisabled', { value: true });
      await page.goto(url, { waitUntil: 'load' });
      await session.send('Emulation.setScriptExecutionDisabled', { value: false });
      return await page.evaluate(() => {
        const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return entry?.domContentLoadedEventStart ?? Number.NaN;
      });
    } finally {
      await page.close();
    }
  };
  const cold = await open();
  const storedValue = `${h.extensionOrigin}${STORED_VALUE_PAGE.html}`;
  await open(storedValue);
  // Warm opens, empty pages and stored-value pages alternate, so that a busy moment of the machine hits
  // all three alike.
  const warmMs: number[] = [];
  const emptyPageMs: number[] = [];
  const storedValueMs: number[] = [];
  for (let i = 0; i < POPUP_OPENS; i++) {
    const warm = await open();
    if (warm.ms !== null) warmMs.push(warm.ms);
    emptyPageMs.push(await openEmpty());
    const stored = await open(storedValue);
    if (stored.ms !== null) storedValueMs.push(stored.ms);
  }
  return { coldMs: cold.ms, warmMs, cards: cold.cards, emptyPageMs, storedValueMs };
}

/**
 * A message from an extension page to a stopped worker: the round trip includes starting it. The
 * message is one the worker must answer without side effects: an unknown type, refused with a typed
 * failure. The same round trip to the running worker is the warm reference.
 */
async function workerColdStart(h: Harness): Promise<ExtensionResult['worker']> {
  const page = await h.context.newPage();
  try {
    await page.goto(`${h.extensionOrigin}${POPUP_PATH}`, { waitUntil: 'load' });
    const ping = () =>
      page.evaluate(async () => {
        const t0 = performance.now();
        try {
          const { runtime } = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome;
          const answer = await runtime.sendMessage({ type: 'bench-ping' });
          return { ms: performance.now() - t0, answer };
        } catch (e) {
          return { ms: null, answer: String(e) };
        }
      });
    const warm = [await ping(), await ping(), await ping()].flatMap((p) => (p.ms === null ? [] : [p.ms]));
    await h.stopServiceWorker();
    const cold = await ping();
    return { coldMs: cold.ms, warmMs: warm.length ? median(warm) : null, answer: cold.answer };
  } finally {
    await page.close();
  }
}

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

const within = (t: number, from: number, to: number) => t >= from && t <= to;

export function extensionFigures(r: ExtensionResult): Figure[] {
  const section = `chromium ${PAGE_ROWS} rows`;
  const w = r.withExtension;
  const o = r.without;
  const marks = w.timeline.reads.length > 0;
  const noMarks = 'no acg:read measures in the page timeline: the content script does not emit them';
  const churnReads = w.timeline.reads.filter((s) => within(s.start, w.churn.start, w.churn.end));
  const churnSnapshots = w.timeline.snapshots.filter((s) => within(s.start, w.churn.start, w.churn.end));
  const afterChurn = w.timeline.reads.filter((s) => within(s.start, w.churn.end, w.catchUp.end));
  const caughtUpIn = Math.max(0, (w.catchUp.lastRead ?? 0) - w.churn.end);
  const idleReads = w.timeline.reads.filter((s) => within(s.start, w.idle.start, w.idle.end));
  const loadReads = w.timeline.reads.filter((s) => s.start < w.churn.start);
  const readMs = churnReads.map((s) => s.duration);
  const total = (spans: Span[]) => spans.reduce((a, s) => a + s.duration, 0);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  // Each read, each snapshot sent or redraw of the features outside a read, and each frame a feature
  // draws in is a stretch of script the page cannot interrupt, and so are stretches that follow each
  // other at once (the callbacks of one animation frame, a read's slice and a feature's, run in one
  // task): one of 50 ms or more is a long task of the extension's own, whatever else the page does in
  // that task. (The Long Tasks API alone cannot say whose a task is: a page re-rendering 3,000 rows has
  // long frames without the extension, and it misses some tasks of a page still loading.) Without the
  // marks, only the difference from the page without the extension can hint at it.
  // A feature's frame places boxes over the page, and the first box it measures lays the page out. From
  // the churn's start until the extension has caught up with its last change, that is the layout of the
  // page's own changes, which its frames make anyway (its long tasks without the extension say so):
  // those frames are shown apart, not counted as ours.
  const inRead = (t: Span) =>
    w.timeline.reads.some((s) => s.start <= t.start && t.start <= s.start + s.duration);
  const inChurn = (t: Span) => within(t.start, w.churn.start, w.catchUp.end);
  const stretches = oneTask([
    ...w.timeline.reads,
    ...w.timeline.snapshots.filter((t) => !inRead(t)),
    ...w.timeline.publishes.filter((t) => !inRead(t)),
    ...w.timeline.draws.filter((t) => !inChurn(t)),
  ]);
  const ours = stretches.filter((s) => s.duration >= LONG_TASK_MS);
  const longSends = w.timeline.snapshots.filter((s) => s.duration >= LONG_TASK_MS);
  const longRedraws = w.timeline.publishes.filter((s) => s.duration >= LONG_TASK_MS);
  const longDraws = w.timeline.draws.filter((s) => !inChurn(s) && s.duration >= LONG_TASK_MS);
  const churnDraws = w.timeline.draws.filter(inChurn);
  const overlapsRead = (t: Span) =>
    w.timeline.reads.some((s) => s.start < t.start + t.duration && t.start < s.start + s.duration);
  const during = w.timeline.longTasks.filter(overlapsRead);
  return [
    {
      section,
      name: `long tasks from the extension, CPU slowed ${CPU_SLOWDOWN}×`,
      value: marks ? ours.length : Math.max(0, w.timeline.longTasks.length - o.timeline.longTasks.length),
      unit: '',
      budget: { equals: 0 },
      note:
        (marks
          ? `reads, sends, redraws and frames of ours (one task each) of ${LONG_TASK_MS} ms or more: ${ours.length} of ${stretches.length} (${ms(total(ours))}), longest ${ms(Math.max(0, ...stretches.map((s) => s.duration)))}; ` +
            `tasks of a snapshot's send that long: ${longSends.length} of ${w.timeline.snapshots.length}; ` +
            `redraws (acg:publish) that long: ${longRedraws.length} of ${w.timeline.publishes.length}, longest ${ms(Math.max(0, ...w.timeline.publishes.map((s) => s.duration)))}; ` +
            `features' frames (acg:draw) that long otherwise: ${longDraws.length} of ${w.timeline.draws.length - churnDraws.length}; ` +
            `during the churn and the catch-up (the page's layout, not counted): ${churnDraws.filter((s) => s.duration >= LONG_TASK_MS).length} of ${churnDraws.length}, longest ${ms(Math.max(0, ...churnDraws.map((s) => s.duration)))}; ` +
            `long tasks with a read in them: ${during.length}; `
          : 'with − without (no acg:read measures to attribute them); ') +
        `all long tasks: with ${w.timeline.longTasks.length} (${ms(total(w.timeline.longTasks))}), without ` +
        `${o.timeline.longTasks.length} (${ms(total(o.timeline.longTasks))})`,
    },
    ...firstReadFigures(r.firstRead),
    {
      section,
      name: 'scripting added at load (ScriptDuration)',
      value: w.load.script - o.load.script,
      unit: 'ms',
      note: `with ${ms(w.load.script)}, without ${ms(o.load.script)}; tasks +${ms(w.load.task - o.load.task)}; up to ${SETTLE_MS} ms after load`,
    },
    {
      section,
      name: `scripting added under churn (${CHURN.perSecond}/s for ${CHURN.ms / 1000} s)`,
      value: w.churn.script - o.churn.script,
      unit: 'ms',
      note: `with ${ms(w.churn.script)}, without ${ms(o.churn.script)}; tasks +${ms(w.churn.task - o.churn.task)}; ${w.churn.mutations} mutations`,
    },
    {
      section,
      name: 'reads per frame under churn',
      value: marks ? churnReads.length / Math.max(1, w.churn.frames) : null,
      unit: '',
      budget: { max: 1 },
      note: marks
        ? `${churnReads.length} reads in ${w.churn.frames} frames, ${churnSnapshots.length} snapshots sent; ` +
          `read median ${ms(median(readMs))}, max ${ms(Math.max(0, ...readMs))}, total ${ms(total(churnReads))}`
        : noMarks,
    },
    {
      section,
      name: 'catching up after the churn',
      value: marks ? caughtUpIn : null,
      unit: 'ms',
      note: marks
        ? `churn's end → last read: ${afterChurn.length} reads (${ms(total(afterChurn))}); the idle window opens once ` +
          `the content script has not read for ${QUIET_MS} ms × the CPU's slowdown (at most ${CATCH_UP_LIMIT_MS / 1000} s × it after the churn)`
        : noMarks,
    },
    {
      section,
      name: `reads while idle (${IDLE_MS / 1000} s)`,
      value: marks ? idleReads.length : null,
      unit: '',
      budget: { equals: 0 },
      note: marks
        ? `${loadReads.length} read(s) at load; scripting while idle: with ${ms(w.idle.script)}, without ${ms(o.idle.script)}`
        : noMarks,
    },
    ...nonBillingFigures(r.nonBilling),
    ...popupFigures(r.popup),
    {
      section: 'worker (chromium)',
      name: 'cold start to first handled message',
      value: r.worker.coldMs,
      unit: 'ms',
      note:
        r.worker.coldMs === null
          ? `no answer: ${String(r.worker.answer)}`
          : `round trip from the popup page to a stopped worker; to the running worker: ${r.worker.warmMs === null ? 'n/a' : ms(r.worker.warmMs)}`,
    },
  ];
}

/**
 * The first read ÷ the text walk, in the content script's world: medians of VISITS pages each. Beside it,
 * no budget, the structure walk ÷ the text walk: what touching every element the way a reader going by
 * structure must costs before it reads anything, in that world; and the first read ÷ that walk, the
 * reader's own share.
 */
function firstReadFigures(f: FirstReads): Figure[] {
  const taken = (ms: Array<number | null>) => ms.flatMap((v) => (v === null ? [] : [v]));
  const list = (ms: number[], digits: number) => ms.map((v) => v.toFixed(digits)).join(', ');
  const reads = taken(f.readMs);
  const walks = taken(f.walkMs);
  const structures = taken(f.structureMs);
  const ok = reads.length > 0 && walks.length > 0;
  const missing = `no ${reads.length ? 'acg:walk' : 'acg:read'} measure within 30 s: is the build the bench's (VITE_ACG_TIMING=1)?`;
  const section = `chromium ${PAGE_ROWS} rows`;
  const structured = structures.length > 0 && walks.length > 0;
  return [
    {
      section,
      name: 'first read ÷ text walk, in the isolated world',
      value: ok ? median(reads) / median(walks) : null,
      unit: '×',
      budget: { max: 6 },
      note: ok
        ? `first read ${list(reads, 0)} ms (in ${f.slices.join(', ')} slices), walk ${list(walks, 1)} ms; ` +
          'each on a page of its own, before anything else of ours touched it'
        : missing,
    },
    {
      section,
      name: 'structure walk ÷ text walk, in the isolated world',
      value: structured ? median(structures) / median(walks) : null,
      unit: '×',
      note: structured
        ? `structure walk ${list(structures, 1)} ms (every element's tag, parent and attribute names, every ` +
          `text): the part of the first read that is the world's price per node`
        : missing,
    },
    {
      section,
      name: 'first read ÷ structure walk, in the isolated world',
      value: structured && reads.length > 0 ? median(reads) / median(structures) : null,
      unit: '×',
      note: structured
        ? 'what the reader does beyond touching each node: finding tables, rows, cells and hidden text, ' +
          'parsing the rows, the browser loading its locale data'
        : missing,
    },
  ];
}

/**
 * The campaign list under churn: the content script must only notice the address there. The budget's
 * figure comes from each visit's own CPU profile (scriptShares): (page + extension) ÷ page within the same
 * visit, so the page's own script, which varies 2–3× between visits on a busy machine, divides out.
 * ScriptDuration with ÷ without, from separate visits, stays in the note.
 */
function nonBillingFigures(n: ExtensionResult['nonBilling']): Figure[] {
  const section = `chromium ${PAGE_ROWS}-row campaign list (not billing)`;
  const churnWith = median(n.withExtension.map((p) => p.churn.script));
  const churnWithout = median(n.without.map((p) => p.churn.script));
  const loadWith = median(n.withExtension.map((p) => p.load.script));
  const loadWithout = median(n.without.map((p) => p.load.script));
  const reads = n.withExtension.reduce((a, p) => a + p.timeline.reads.length, 0);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const profiled = n.withExtension.flatMap((p) => (p.churn.shares ? [p.churn.shares] : []));
  const ratios = profiled.filter((s) => s.pageMs > 0).map((s) => (s.pageMs + s.extensionMs) / s.pageMs);
  // The extension's functions by sampled time over all visits, heaviest first.
  const heaviest = (all: ScriptShares[]): string[] => {
    const functions = new Map<string, number>();
    for (const s of all)
      for (const f of s.extensionFunctions) functions.set(f.name, (functions.get(f.name) ?? 0) + f.ms);
    return [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, v]) => `${name} ${v.toFixed(1)} ms`);
  };
  const churnFunctions = heaviest(profiled);
  const loadFunctions = heaviest(n.withExtension.flatMap((p) => (p.load.shares ? [p.load.shares] : [])));
  // Two checks of the attribution itself. Visits without the extension are profiled alike: any share there
  // would be its fault. At load the content script starts and looks at the address, so a profile of the
  // load that finds none of its samples would mean its frames are not seen: then no figure.
  const strayMs = n.without.reduce((a, p) => a + (p.churn.shares?.extensionMs ?? 0), 0);
  const startMs = n.withExtension.map((p) => p.load.shares?.extensionMs ?? 0);
  const seen = startMs.some((v) => v > 0);
  const shares = profiled.map((s) => `${s.extensionMs.toFixed(1)} of ${ms(s.pageMs + s.extensionMs)}`);
  return [
    {
      section,
      name: `extension's scripting: (page + extension) ÷ page, ${CHURN.perSecond} mutations/s for ${CHURN.ms / 1000} s`,
      value: ratios.length && seen ? median(ratios) : null,
      unit: '×',
      budget: { max: 1.01 },
      note: !seen
        ? `NOT MEASURED: the profiles of the loads found no sample of the extension starting, so its frames may not be seen`
        : ratios.length
          ? `median of ${ratios.length} visits (${ratios.map((r) => r.toFixed(4)).join(', ')}): V8's sampling ` +
            `profiler on the page's main thread every ${PROFILE_INTERVAL_US} µs over the churn, a sample the ` +
            `extension's when a frame of chrome-extension://… is on its stack; extension ms of script ms per ` +
            `visit: ${shares.join(', ')}` +
            (churnFunctions.length
              ? `; its functions: ${churnFunctions.join(', ')}`
              : '; no sample of the extension') +
            `; visits without it: ${strayMs.toFixed(1)} ms attributed to it (must be 0); the extension ` +
            `starting, profiled alike from navigation to ${SETTLE_MS} ms after load: ` +
            `${startMs.map((v) => v.toFixed(1)).join(', ')} ms (heaviest over all: ${loadFunctions.join(', ')}). ` +
            `ScriptDuration, ` +
            `separate visits (the page alone varies 2–3× between them): with ${ms(churnWith)} ` +
            `(${n.withExtension.map((p) => ms(p.churn.script)).join(', ')}), without ${ms(churnWithout)} ` +
            `(${n.without.map((p) => ms(p.churn.script)).join(', ')}); at load (up to ${SETTLE_MS} ms after ` +
            `it, the content script starting): with ${ms(loadWith)}, without ${ms(loadWithout)}`
          : 'no CPU profile of the churn came back, or it held no script of the page',
    },
    {
      section,
      name: 'reads',
      value: reads,
      unit: '',
      budget: { equals: 0 },
      note: `acg:read measures over ${NON_BILLING_VISITS} visits (load and churn)`,
    },
  ];
}

function popupFigures(p: ExtensionResult['popup']): Figure[] {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const warm = p.warmMs.length ? median(p.warmMs) : null;
  const empty = median(p.emptyPageMs);
  return [
    {
      section: 'popup (chromium)',
      name: `first card ÷ empty extension page, warm, ${POPUP_PROMOTIONS} promotions`,
      value: warm === null ? null : warm / empty,
      unit: '×',
      budget: { max: 1.5 },
      note:
        warm === null
          ? `no promotion card appeared within 10 s (${p.cards} cards)`
          : `navigation start → first card, median of ${p.warmMs.length} warm opens: ${ms(warm)} ` +
            `(${p.warmMs.map(ms).join(', ')}); empty extension page (the popup's with script disabled, to ` +
            `DOMContentLoaded), opened after each: ${ms(empty)} (${p.emptyPageMs.map(ms).join(', ')})`,
    },
    storedValueFigure(warm, empty, p.storedValueMs),
    {
      section: 'popup (chromium)',
      name: 'first card, cold',
      value: p.coldMs,
      unit: 'ms',
      note: `the first open of the run; ${p.cards} cards shown; own share of a warm open (warm − empty): ${warm === null ? 'n/a' : ms(warm - empty)}`,
    },
  ];
}

/** The popup's first card against the stored-value page: what of a warm open is the popup's own work. */
function storedValueFigure(warm: number | null, empty: number, storedValueMs: number[]): Figure {
  const stored = storedValueMs.length ? median(storedValueMs) : null;
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  return {
    section: 'popup (chromium)',
    name: 'first card ÷ an extension page showing one stored value',
    value: warm === null || stored === null ? null : warm / stored,
    unit: '×',
    note:
      stored === null
        ? 'the stored-value page showed nothing within 10 s'
        : `the page's HTML, one classic script, the popup's two storage keys, one article: ${ms(stored)} ` +
          `(${storedValueMs.map(ms).join(', ')}), ${(stored / empty).toFixed(2)}× the empty page; popup beyond it: ` +
          `${warm === null ? 'n/a' : ms(warm - stored)}`,
  };
}

/** Spans that follow each other within SAME_TASK_MS, merged: the callbacks of one frame are one task. */
function oneTask(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start - (last.start + last.duration) < SAME_TASK_MS)
      last.duration = Math.max(last.duration, s.start + s.duration - last.start);
    else out.push({ ...s });
  }
  return out;
}
