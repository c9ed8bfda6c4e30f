// The seams between the content script and the rest of the extension. main.ts wires the real ones
// (the page reader, the messages to the worker, the browser's i18n); tests pass fakes, so
// every feature can be exercised in a DOM environment without a browser.
import type { Checklist } from '../core/checklist.ts';
import type { Translate } from '../core/i18n.ts';
import type { Answers, ContentMessage, Result } from '../core/messages.ts';
import type { PageMemo, PageReading, PageTargets } from '../core/page/read.ts';
import type { PageView, SeenPage } from '../core/schemas.ts';
import type { Kept } from './kept.ts';
import type { Scheduler } from './schedule.ts';
import type { Store } from './store.ts';
import type { Layer } from './layer.ts';

/** The page's window, with its constructors (tests pass a happy-dom or jsdom window). */
export type Win = Window & typeof globalThis;

export interface Reader {
  detectView(url: string, doc: Document): PageView;
  /**
   * A slice of the work toward the next read (see core readAhead): `fresh` starts a scan of the page,
   * else the rows holding the `changed` nodes are scanned again. True once nothing is left for it.
   */
  readAhead(
    doc: Document,
    url: string,
    memo: PageMemo,
    fresh: boolean,
    enough: () => boolean,
    changed: Set<Node>,
  ): boolean;
  /** The snapshot and the targets, once readAhead has left nothing to scan or parse. */
  read(doc: Document, url: string, memo: PageMemo): PageReading;
}

/** What the content script tells the worker (the worker's protocol, types only: no validator shipped). */
export type Outgoing = ContentMessage;

export type { Translate };

/** The elements the panel points at, found by their labels. */
export type Targets = PageTargets;

export interface ContentDeps {
  reader: Reader;
  t: Translate;
  /** The worker's answer, or a typed failure (worker asleep, updating, gone); never rejects. */
  /** `copied` hears when each copy of the message into the browser began (bridge.ts send). */
  send<M extends Outgoing>(message: M, copied?: (start: number) => void): Promise<Result<Answers[M['type']]>>;
  panelCollapsed: {
    get(accountId: string | null): Promise<boolean>;
    set(accountId: string | null, collapsed: boolean): Promise<void>;
  };
  /** The worker's clock, as its last answer gave it (platform/clock.ts: only the demo build goes by it). */
  workerClock(workerNow: number): void;
  /** One callback per animation frame: reads, outline moves and annotations all go through it. */
  schedule: Scheduler;
  /** Runs `run` in a task of its own, after this one: the browser may paint and take input in between. */
  defer(run: () => void): void;
  now(): Date;
  /** Runs `run` once `now()` has reached `instant` (ms since the epoch), or soon after; returns a cancel. */
  at(instant: number, run: () => void): () => void;
  /** "Read wrong?": answers the review page's request for this page with `capture()`, until `signal` aborts. */
  answerReportRequests(capture: () => unknown, signal: AbortSignal): void;
  /** False once an update or reload of the extension has left this script behind. */
  connected(): boolean;
}

/** Everything a billing page shows us at one read. */
export interface PageState {
  url: string;
  /** The page as seen: its rows' numbers and dates are the worker's to read (core/page/row-values.ts). */
  snapshot: SeenPage;
  targets: Targets;
  /**
   * What the worker said of the promotions kept for the page's ad account; null until it has said it, and
   * from the moment what it said no longer holds (a new day) until it says it again.
   */
  kept: Kept | null;
  /** The redemption checklist for this page, as the popup shows it. */
  checklist: Checklist;
}

export interface FeatureContext {
  win: Win;
  deps: ContentDeps;
  layer: Layer;
  state: Store<PageState | null>;
}

/** One on-page feature. `init` runs when a billing page opens; `signal` aborts when it is left. */
export interface Feature {
  name: string;
  init(signal: AbortSignal, ctx: FeatureContext): void;
}
