// Fakes for the content script's seams: frames that run when the test says, a worker that records what
// it is sent, storage in a Map. Used by the content*/overlay* tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import type { Result } from '../../src/core/messages.ts';
import {
  EMPTY_TERMS,
  blankPromotion,
  type PageSnapshot,
  type PromotionRecord,
  type Reason,
} from '../../src/core/schemas.ts';
import { finishSnapshot } from '../../src/core/page/row-values.ts';
import { readDoubtful } from '../../src/core/report/doubt.ts';
import type { Scheduler } from '../../src/content/schedule.ts';
import { checklistOf } from '../../src/core/checklist.ts';
import { keptOnPage } from '../../src/core/kept-on-page.ts';
import { keptIn } from '../../src/content/kept.ts';
import { NO_TARGETS, type PageReading } from '../../src/core/page/read.ts';
import type { Layer } from '../../src/content/layer.ts';
import { createStore } from '../../src/content/store.ts';
import type {
  ContentDeps,
  Feature,
  Outgoing,
  PageState,
  Reader,
  Targets,
  Translate,
  Win,
} from '../../src/content/types.ts';

export function manualFrames() {
  let queue: { run: () => void }[] = [];
  const schedule: Scheduler = (run) => {
    const entry = { run };
    queue.push(entry);
    return () => {
      queue = queue.filter((e) => e !== entry);
    };
  };
  return {
    schedule,
    pending: () => queue.length,
    /** Runs one animation frame: every callback requested before it. */
    frame() {
      const due = queue;
      queue = [];
      for (const e of due) e.run();
    },
  };
}

/** Keys (and substitutions) instead of text: tests assert which message is shown, not its wording. */
export const keyT: Translate = (key, subs) => (subs === undefined ? key : `${key}(${subs.join(',')})`);

export { NO_TARGETS };
export { pagePromotion } from '../support/pages.ts';

import { pageSnapshot, seenPage } from '../support/pages.ts';
export const emptySnapshot = pageSnapshot;

/**
 * A stand-in reader for the watcher tests, judging pages as the real one does: by the address when it
 * is a known billing path, else by the page's heading. Its snapshot changes with the heading, so a test
 * controls exactly when the snapshot changes.
 */
export function headingReader(): Reader & {
  reads: number;
  /** What each readAhead call was asked to work through: null for a scan of the page. */
  changed: Array<Node[] | null>;
} {
  const view = (url: string, doc: Document) => {
    if (/\/account\/payment/.test(url)) return 'payment';
    if (/\/account\/promotion/.test(url)) return 'promotions';
    return doc.querySelector('h1')?.textContent === 'Payment' ? 'payment' : 'other';
  };
  const reader = {
    reads: 0,
    changed: [] as Array<Node[] | null>,
    readAhead(_d: Document, _u: string, _m: unknown, fresh: boolean, _e: unknown, changed: Set<Node>) {
      reader.changed.push(fresh ? null : [...changed]);
      changed.clear();
      return true;
    },
    detectView: (url: string, doc: Document) => view(url, doc),
    read(doc: Document, url: string): PageReading {
      reader.reads += 1;
      const snapshot = seenPage(
        emptySnapshot({
          view: view(url, doc),
          url,
          accountId: new URL(url).searchParams.get('aadvid'),
          warnings: [doc.querySelector('h1')?.textContent ?? ''],
        }),
      );
      return { snapshot, targets: NO_TARGETS };
    },
  };
  return reader;
}

/**
 * Stand-in for the worker: what it accepts, the diagnosis it answers a refused code with, and what its
 * answer to a snapshot says is kept (every account's: the answer carries the snapshot's account's).
 */
export interface FakeWorker {
  accepts(message: Outgoing): boolean;
  reasons(attempt: Extract<Outgoing, { type: 'redeem-attempt' }>): Reason[];
  kept: PromotionRecord[];
  timeZone: string;
  /** The worker's clock when it is not the page's (ms since the epoch). */
  now?: number;
}

function answer(message: Outgoing, worker: FakeWorker, now: number): Result<unknown> {
  if (!worker.accepts(message)) return { ok: false, error: { code: 'no-answer', message: 'worker stopped' } };
  if (message.type === 'snapshot') {
    // As the real worker answers (background/handlers/snapshot.ts), on the page's clock.
    const records = worker.kept.filter((r) => r.accountId === message.snapshot.accountId);
    const { promotions, until } = keptOnPage(records, now, worker.timeZone);
    const read = finishSnapshot(message.snapshot);
    const { redeem } = read;
    const doubtful = readDoubtful(read);
    return {
      ok: true,
      value: { changed: [], held: 0, refused: 0, kept: promotions, until, doubtful, redeem, now },
    };
  }
  if (message.type === 'terms-text') return { ok: true, value: { promotion: null } };
  if (message.type === 'report-open') return { ok: true, value: null };
  if (message.type === 'panel-collapsed') return { ok: true, value: message.collapsed ?? false };
  const { accountId, code, error, succeeded, lang } = message;
  const attempt = { id: 'a1', accountId, code, error, succeeded, lang, at: '2026-11-24T12:00:00.000Z' };
  return { ok: true, value: { attempt: { ...attempt, reasons: worker.reasons(message) }, promotion: null } };
}

export function fakeDeps(over: Partial<ContentDeps> = {}) {
  const frames = manualFrames();
  const sent: Outgoing[] = [];
  const collapsed = new Map<string | null, boolean>();
  const worker: FakeWorker = { accepts: () => true, reasons: () => [], kept: [], timeZone: 'UTC' };
  /** The review page's side of "Read wrong?": asks the page as the review page would, while it answers. */
  const reportRequests: Array<{ capture: () => unknown; signal: AbortSignal }> = [];
  const askReport = () => reportRequests.find((r) => !r.signal.aborted)?.capture() ?? null;
  /** What waits for an instant (deps.at), in the order asked; the test runs it (wake) when it moves the clock. */
  const waits: Array<{ instant: number; run: () => void; cancelled: boolean }> = [];
  const wake = () => {
    const due = waits.filter((w) => !w.cancelled && w.instant <= deps.now().getTime());
    for (const w of due) {
      w.cancelled = true;
      w.run();
    }
  };
  const deps: ContentDeps = {
    reader: headingReader(),
    t: keyT,
    send: (async (m: Outgoing) => {
      sent.push(m);
      return answer(m, worker, worker.now ?? deps.now().getTime());
    }) as ContentDeps['send'],
    panelCollapsed: {
      get: async (id) => collapsed.get(id) ?? false,
      set: async (id, value) => {
        collapsed.set(id, value);
      },
    },
    workerClock: () => undefined,
    schedule: frames.schedule,
    // At once, so that a test sees a read's snapshot sent in the frame that read it.
    defer: (run) => run(),
    now: () => new Date(NOW),
    at: (instant, run) => {
      const wait = { instant, run, cancelled: false };
      waits.push(wait);
      return () => void (wait.cancelled = true);
    },
    answerReportRequests: (capture, signal) => void reportRequests.push({ capture, signal }),
    connected: () => true,
    ...over,
  };
  return { deps, frames, sent, collapsed, worker, askReport, waits, wake };
}

/** The instant the fakes' clock reads unless a test moves it. */
export const NOW = Date.parse('2026-11-24T12:00:00Z');

/** Lets pending promises and MutationObserver callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const open: Window[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.happyDOM.close()));
});

/** A fresh page at `url` holding `html` (a whole document), closed after the test. */
export function pageWindow(url: string, html: string): Win {
  const win = new Window({
    url,
    settings: { disableCSSFileLoading: true, disableJavaScriptEvaluation: true },
  });
  open.push(win);
  win.document.write(html);
  return win as unknown as Win;
}

export function fixtureHtml(name: string): string {
  return readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', `${name}.html`), 'utf8');
}

export function fixtureSnapshot(name: string): PageSnapshot {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', `${name}.json`), 'utf8'),
  );
}

/** The URL a saved page came from (the comment browsers write into saved pages). */
export function savedUrl(html: string): string {
  const m = /<!-- saved from url=\(\d+\)(\S+) -->/.exec(html);
  if (!m?.[1]) throw new Error('fixture without a saved-from URL');
  return m[1];
}

/**
 * Runs one feature on a page with a state the test sets. Its layer parts go into a plain container the
 * test can inspect (the real layer's shadow root is closed, by design).
 */
export function mountFeature(feature: Feature, win: Win, deps: ContentDeps) {
  const container = win.document.createElement('div');
  win.document.body.append(container);
  const state = createStore<PageState | null>(null);
  const alive = new AbortController();
  const layer: Layer = {
    mount() {
      const part = win.document.createElement('div');
      container.append(part);
      return part;
    },
    owns: (node) => container.contains(node),
    remove: () => container.remove(),
  };
  feature.init(alive.signal, { win, deps, layer, state });
  return { container, state, stop: () => alive.abort() };
}

/**
 * A page state as the watcher would publish it once the worker answered with `kept` (the account's kept
 * promotions) at NOW, days counted in `timeZone`; null: not answered yet.
 */
export function stateOf(
  read: PageSnapshot,
  targets: Partial<Targets> = {},
  kept: PromotionRecord[] = [],
  timeZone: string | null = 'UTC',
): PageState {
  const answered = timeZone === null ? null : keptOnPage(kept, NOW, timeZone);
  const snapshot = seenPage(read);
  const said = answered && keptIn({ kept: answered.promotions, until: answered.until }, snapshot.accountId);
  return {
    url: snapshot.url ?? 'https://ads.tiktok.com/i18n/account/payment',
    snapshot,
    targets: { ...NO_TARGETS, ...targets },
    kept: said,
    checklist: checklistOf(snapshot, said?.promotions ?? []),
  };
}

/** Lets what the features wait on (the fake worker's answers, storage reads) settle. */
export const rendered = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The next animation frame, then what it waits on: for what a feature draws or places at a frame. */
export async function framed(frames: { frame(): void }): Promise<void> {
  frames.frame();
  await rendered();
}

export function record(over: Partial<PromotionRecord> = {}): PromotionRecord {
  return blankPromotion({
    id: 'p1',
    accountId: '111',
    type: 'conditional',
    status: 'earning',
    terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', minSpend: 50, spendWindowDays: 30 },
    activatedOn: '2026-11-10',
    source: 'page',
    createdAt: '2026-11-10T00:00:00.000Z',
    ...over,
  });
}
