// The seams between the content script and the rest of the extension. main.ts wires the real ones
// (the page reader, the platform's messaging and storage, the browser's i18n); tests pass fakes, so
// every feature can be exercised in a DOM environment without a browser.
import type { Checklist } from '../core/checklist.ts';
import type { Diagnosis, DiagnosisCase, PageSnapshot, PageView, PromotionRecord } from '../core/schemas.ts';
import type { Scheduler } from './schedule.ts';
import type { Store } from './store.ts';
import type { Layer } from './layer.ts';

/** The page's window, with its constructors (tests pass a happy-dom or jsdom window). */
export type Win = Window & typeof globalThis;

/** Message text by messages.json key, as `browser.i18n.getMessage` gives it. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The page elements the panel points at, found by their labels (the reader's `locateTargets`). */
export interface Targets {
  redeemButton: Element | null;
  codeInput: Element | null;
  activateButton: Element | null;
  dialog: Element | null;
  promotionsLink: Element | null;
  earningTab: Element | null;
  availableTab: Element | null;
  promotionRows: { row: Element; name: string | null }[];
}

export interface Reader {
  detectView(url: string, doc: Document): PageView;
  readPage(doc: Document, url: string): PageSnapshot;
  locateTargets(doc: Document, lang: string | null): Targets;
}

/** What the content script tells the worker. */
export type Outgoing =
  | { type: 'snapshot'; snapshot: PageSnapshot }
  | {
      type: 'redeem-attempt';
      accountId: string | null;
      code: string;
      error: string | null;
      succeeded: boolean;
      lang: string | null;
      reasons: Diagnosis['reasons'];
    }
  | { type: 'terms-text'; accountId: string | null; code: string | null; text: string; lang: string | null };

export interface ProgressView {
  fraction: number | null;
  daysToSpendDeadline: number | null;
  dailyNeeded: number | null;
  pace: string | null;
}

export interface ContentDeps {
  reader: Reader;
  t: Translate;
  /** Resolves true when the worker took the message; never rejects. */
  send(message: Outgoing): Promise<boolean>;
  keptFor(accountId: string | null): Promise<PromotionRecord[]>;
  panelCollapsed: {
    get(accountId: string | null): Promise<boolean>;
    set(accountId: string | null, collapsed: boolean): Promise<void>;
  };
  diagnose(c: DiagnosisCase): Diagnosis;
  progress(record: PromotionRecord, now: Date): ProgressView;
  /** One callback per animation frame: reads, outline moves and annotations all go through it. */
  schedule: Scheduler;
  now(): Date;
}

/** Everything a billing page shows us at one read. */
export interface PageState {
  url: string;
  snapshot: PageSnapshot;
  targets: Targets;
  /** Promotions the extension keeps for the page's ad account. */
  kept: PromotionRecord[];
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
