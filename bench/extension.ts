// The built extension in Chromium, on the 3,000-row promotions page at its real URL, against the same
// page in a browser without the extension, in the same run: long tasks, scripting time, reads and
// snapshots under DOM churn and while idle; then the popup's first render with 500 kept promotions and
// the worker's cold start.
//
// The page is served by routing its real URL in each context (the content script's match patterns see
// https://ads.tiktok.com/...). The content script's work is counted from the User Timing entries it
// leaves in the page's timeline: an "acg:read" measure per read (or slice of one) and an "acg:snapshot"
// measure per send, as long as the browser takes to copy the message.
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
import { benchPage } from './pages.ts';
import { benchRecords } from './records.ts';
import type { Figure } from './report.ts';
import { median } from './stats.ts';

export const PAGE_ROWS = 3000;
export const POPUP_PROMOTIONS = 500;
const CHURN = { perSecond: 1000, ms: 5000 };
const SETTLE_MS = 1500;
const IDLE_MS = 2000;
/** After the churn, the page counts as idle once the content script has not read for this long… */
const QUIET_MS = 500;
/** …or after this long in any case (work that never ends must show in the idle figures). */
const CATCH_UP_LIMIT_MS = 5000;
/** What the Long Tasks API counts as long. */
const LONG_TASK_MS = 50;
const VIEWPORT = { width: 1280, height: 800 };

// Runs first in every document of a context: collects long tasks and the content script's User Timing
// entries as they come (the content script clears its entries from the page's buffer once made), and on
// extension pages notes when the first promotion card appears (the popup's "first render").
const INSTRUMENT = `(() => {
  const acg = (window.__acgBench = { longTasks: [], reads: [], snapshots: [], publishes: [], wordings: [], cardsAt: null });
  const observe = (type, take) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true });
    } catch {}
  };
  observe('longtask', (e) => acg.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('measure', (e) => e.name === 'acg:read' && acg.reads.push({ start: e.startTime, duration: e.duration }));
  observe('measure', (e) => e.name === 'acg:snapshot' && acg.snapshots.push({ start: e.startTime, duration: e.duration }));
  observe('measure', (e) => e.name === 'acg:publish' && acg.publishes.push({ start: e.startTime, duration: e.duration }));
  observe('measure', (e) => e.name === 'acg:wordings' && acg.wordings.push({ start: e.startTime, duration: e.duration }));
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
  /** The content script's start → the page wordings installed from storage (one per document). */
  wordings: Span[];
}

interface Metrics {
  script: number;
  task: number;
}

interface Phases {
  /** From navigation to SETTLE_MS after load. */
  load: Metrics;
  churn: Metrics & { start: number; end: number; mutations: number; frames: number };
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
    const { longTasks, reads, snapshots, publishes, wordings } = (
      window as unknown as { __acgBench: Timeline }
    ).__acgBench;
    return { longTasks, reads, snapshots, publishes, wordings };
  });
}

/** One visit: load and settle, churn, then stay idle; with the CDP metrics of each phase. */
async function visit(context: BrowserContext, url: string): Promise<Phases> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const load = await metrics(session);
    const t1 = performance.now();
    const churned = await churn(page);
    const afterChurn = await metrics(session);
    const t2 = performance.now();
    const catchUp = await caughtUp(page, churned.end);
    const beforeIdle = await metrics(session);
    const idleStart = await page.evaluate(() => performance.now());
    await page.waitForTimeout(IDLE_MS);
    const idleEnd = await page.evaluate(() => performance.now());
    const afterIdle = await metrics(session);
    return {
      load,
      churn: { ...minus(afterChurn, load), ...churned },
      catchUp,
      idle: { ...minus(afterIdle, beforeIdle), start: idleStart, end: idleEnd },
      timeline: await timeline(page),
      wallMs: { load: t1 - t0, churn: t2 - t1, idle: performance.now() - t2 },
    };
  } finally {
    await page.close();
  }
}

/**
 * Waits until the content script has been quiet for QUIET_MS after the churn (at most CATCH_UP_LIMIT_MS):
 * work the churn left it (changed rows are read a slice per frame) is catching up, not idling. The time
 * it took is a figure of its own; a content script that never stops shows in the idle figures.
 */
function caughtUp(page: Page, churnEnd: number): Promise<Phases['catchUp']> {
  return page.evaluate(
    `(${CAUGHT_UP_SCRIPT})(${JSON.stringify({ churnEnd, quiet: QUIET_MS, limit: CATCH_UP_LIMIT_MS })})`,
  );
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

async function serveBenchPage(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.addInitScript(INSTRUMENT);
  await context.route(
    (u) => u.href === url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

export interface ExtensionResult {
  withExtension: Phases;
  without: Phases;
  popup: { coldMs: number | null; warmMs: number | null; cards: number; emptyPageMs: number };
  worker: { coldMs: number | null; warmMs: number | null; answer: unknown };
}

export async function measureExtension(extensionDir: string): Promise<ExtensionResult> {
  const built = benchPage(PAGE_ROWS);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH');
  const plain = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  const h = await launchHarness({ extensionDir });
  try {
    const bare = await plain.newContext({ ignoreHTTPSErrors: true, viewport: VIEWPORT });
    await serveBenchPage(bare, built.url, built.html);
    await serveBenchPage(h.context, built.url, built.html);
    // Popup and worker first, while storage holds only the seeded promotions: the page visit adds the
    // page's 3,000 and keeps the worker busy storing them.
    const popup = await popupFirstRender(h);
    const worker = await workerColdStart(h);
    const without = await visit(bare, built.url);
    const withExtension = await visit(h.context, built.url);
    return { withExtension, without, popup, worker };
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
  const open = async (): Promise<{ ms: number | null; cards: number }> => {
    const page = await h.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
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
  const warm = [await open(), await open()];
  const warmMs = warm.flatMap((w) => (w.ms === null ? [] : [w.ms]));
  const empty = [await openEmpty(), await openEmpty(), await openEmpty()];
  return {
    coldMs: cold.ms,
    warmMs: warmMs.length ? median(warmMs) : null,
    cards: cold.cards,
    emptyPageMs: median(empty),
  };
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
  // Each read, and each snapshot sent or redraw of the features outside a read, is one stretch of
  // script the page cannot interrupt: one of 50 ms or more is a long task of the extension's own,
  // whatever else the page does in that task. (The Long Tasks API alone cannot say whose a task is: a page re-rendering 3,000 rows
  // has long frames without the extension, and it misses some tasks of a page still loading.) Without
  // the marks, only the difference from the page without the extension can hint at it.
  const inRead = (t: Span) =>
    w.timeline.reads.some((s) => s.start <= t.start && t.start <= s.start + s.duration);
  const stretches = [
    ...w.timeline.reads,
    ...w.timeline.snapshots.filter((t) => !inRead(t)),
    ...w.timeline.publishes.filter((t) => !inRead(t)),
  ];
  const ours = stretches.filter((s) => s.duration >= LONG_TASK_MS);
  const longSends = w.timeline.snapshots.filter((s) => s.duration >= LONG_TASK_MS);
  const overlapsRead = (t: Span) =>
    w.timeline.reads.some((s) => s.start < t.start + t.duration && t.start < s.start + s.duration);
  const during = w.timeline.longTasks.filter(overlapsRead);
  return [
    {
      section,
      name: 'long tasks from the extension',
      value: marks ? ours.length : Math.max(0, w.timeline.longTasks.length - o.timeline.longTasks.length),
      unit: '',
      budget: { equals: 0 },
      note:
        (marks
          ? `reads, sends and redraws of ${LONG_TASK_MS} ms or more: ${ours.length} of ${stretches.length} (${ms(total(ours))}), longest ${ms(Math.max(0, ...stretches.map((s) => s.duration)))}; ` +
            `sends of a snapshot that long: ${longSends.length} of ${w.timeline.snapshots.length}; long tasks with a read in them: ${during.length}; `
          : 'with − without (no acg:read measures to attribute them); ') +
        `all long tasks: with ${w.timeline.longTasks.length} (${ms(total(w.timeline.longTasks))}), without ` +
        `${o.timeline.longTasks.length} (${ms(total(o.timeline.longTasks))})`,
    },
    {
      section,
      name: 'page wordings loaded at start',
      value: w.timeline.wordings[0]?.duration ?? null,
      unit: 'ms',
      note: w.timeline.wordings.length
        ? 'content script start → wordings read from storage.local and installed; the page is read after'
        : 'no acg:wordings measure in the page timeline',
    },
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
          `the content script has not read for ${QUIET_MS} ms (at most ${CATCH_UP_LIMIT_MS / 1000} s after the churn)`
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
    {
      section: 'popup (chromium)',
      name: `first render, ${POPUP_PROMOTIONS} promotions`,
      value: r.popup.coldMs,
      unit: 'ms',
      budget: { max: 100 },
      note:
        r.popup.coldMs === null
          ? `no promotion card appeared within 10 s (${r.popup.cards} cards)`
          : `navigation start → first card; ${r.popup.cards} cards shown; warm opens: ${r.popup.warmMs === null ? 'n/a' : ms(r.popup.warmMs)}; ` +
            `empty extension page: ${ms(r.popup.emptyPageMs)} (the popup's page with script disabled, to DOMContentLoaded, median of 3 after it)`,
    },
    {
      section: 'popup (chromium)',
      name: 'own share of a warm open',
      value: r.popup.warmMs === null ? null : r.popup.warmMs - r.popup.emptyPageMs,
      unit: 'ms',
      note: "warm first card − empty extension page: what the popup's scripts, storage read and render add to the browser's own page",
    },
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
