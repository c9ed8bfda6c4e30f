// Follows Ads Manager, a single-page app, from the content script's isolated world. Off billing pages it
// holds only a few event listeners (no observer, no timers). On a billing page it holds one batched
// MutationObserver: any number of mutations in a frame cost one read, and the worker hears a snapshot
// only when it changed. Leaving the billing pages disconnects everything and aborts the features.
//
// An update or reload of the extension leaves this script running in the pages it was in, cut off from
// the worker. It stops (observer, listeners, features and layer) at its next look at the page once cut
// off, or at once when a newer content script announces itself on the page; the newer one also removes
// any host an older one left (layer.ts), so a page has one panel of ours, ever.
import { checklistOf } from '../core/checklist.ts';
import { newPageMemo, sameSnapshot } from '../core/page/read.ts';
import type { SeenPage } from '../core/schemas.ts';
import { dialogIn, keptAt, keptIn, withDialogRead, type DialogRead, type Kept } from './kept.ts';
import { isolated, isolatedContext } from './isolate.ts';
import { createLayer } from './layer.ts';
import { coalesce, userTiming, type Scheduler } from './schedule.ts';
import { createStore } from './store.ts';
import type { ContentDeps, Feature, PageState, Targets, Win } from './types.ts';

// What a re-render, a tab switch or a dialog opening changes besides the tree itself.
const WATCHED_ATTRIBUTES = [
  'aria-selected',
  'aria-hidden',
  'aria-current',
  'class',
  'hidden',
  'style',
  'value',
];

/** Longest stretch of scanning and parsing in one frame. */
const SLICE_MS = 8;

/**
 * Past this many changed nodes between two reads the page is read whole. Following a node costs a
 * climb to its row, far less than reading the page, so the bound is there for memory: a hidden tab
 * runs no frames, and a page may go on changing under it for hours.
 */
const MAX_CHANGED = 10_000;

/**
 * Dispatched on the document by a content script as it adds its panel to a billing page, where the
 * panel tells the page we are here anyway (other pages hear nothing of ours). A page can dispatch it
 * too: a script stops on hearing it only when it is itself cut off from the extension, which no page
 * can make it.
 */
export const STARTED_EVENT = 'ad-credit-guide-started';

interface Session {
  /** Reads the whole page at the next frame. */
  readAll(): void;
  close(): void;
}

/** Starts following the page; returns a function that stops everything. */
export function watchPages(win: Win, deps: ContentDeps, features: readonly Feature[]): () => void {
  const doc = win.document;
  const listeners = new AbortController();
  let href = win.location.href;
  let session: Session | null = null;

  function route(): void {
    if (!deps.connected()) return stop();
    href = win.location.href;
    const billing = deps.reader.detectView(href, doc) !== 'other';
    if (billing && !session) session = openSession();
    else if (!billing) leave();
    else session?.readAll();
  }

  function leave(): void {
    session?.close();
    session = null;
  }

  function openSession(): Session {
    const alive = new AbortController();
    const { signal } = alive;
    // Heard at once by a script an update left behind (DOM events cross isolated worlds), which then
    // stops and removes its panel before this one adds its own.
    doc.dispatchEvent(new win.Event(STARTED_EVENT));
    const layer = createLayer(doc);
    const timeline = win.performance;
    const marks = userTiming(timeline);
    const state = createStore<PageState | null>(null);
    // The account's kept promotions, as the worker's last answer to a snapshot said them: until it answers
    // for this account, and once what it said no longer holds, nothing date-dependent is shown.
    let kept: Kept | null = null;
    // The redeem dialog as the worker last read it (a refusal in words only is known to it alone).
    let dialogRead: DialogRead | null = null;
    // Until when the answer held that a new day (or a reading leaving a pace's window) made the page ask
    // again for: once for each, so that clocks a little apart (the demo's) cannot make it ask without end.
    let askedAgainAt: number | null = null;
    // Stops the wait for the last answer to stop holding (one wait at a time, however often the page answers).
    let stopWaiting = () => {};
    let snapshot: SeenPage | null = null;
    // The last snapshot sent. Each visit sends its first one even when the last visit sent the same:
    // the answer is what tells the visit the account's kept promotions.
    let lastSent: SeenPage | null = null;

    const memo = newPageMemo();
    // What the page changed since the current batch was taken; null when that is unknown (the first
    // read, a route change, typing) or too much to be worth following node by node.
    let changed: Set<Node> | null = null;
    // The changes the next read answers for, worked through a slice per frame. Changes made meanwhile
    // wait for the batch after: a page that never stops changing still gets read, batch by batch.
    let batch: { fresh: boolean; nodes: Set<Node> } | null = null;
    let targets: Targets | null = null;
    // One snapshot on its way to the worker at a time: while the page keeps changing, the newest one
    // waits and older ones are dropped, so a busy page costs the worker what it can take.
    let sending = false;
    let waiting: SeenPage | null = null;
    // The last snapshot the worker refused: snapshots with the same rows are not sent.
    let refused: SeenPage | null = null;
    // The account this page is about, and the address it was read at: a page that names another account
    // without its address changing is not followed (a hostile page rewriting another account's promotions).
    let account: { id: string | null; href: string } | null = null;
    let warnedAccount = false;

    // The features redraw from what the page and the worker say; on a long list that is tens of ms of
    // work of ours, so it leaves a measure of its own, as reads and sends do.
    const publish = (url: string, snap: SeenPage, found: Targets) =>
      marks.time('publish', () => {
        const said = kept?.accountId === snap.accountId ? kept : null;
        const views = said && keptAt(said, deps.now());
        if (said && !views && askedAgainAt !== said.until) {
          askedAgainAt = said.until;
          lastSent = snap;
          deps.defer(() => {
            if (!signal.aborted) sendSnapshot(snap);
          });
        }
        const shown = withDialogRead(snap, dialogRead);
        state.set({
          url,
          snapshot: shown,
          targets: found,
          kept: views ? said : null,
          checklist: checklistOf(shown, views ?? []),
        });
      });

    const answered = (accountId: string | null, value: unknown) => {
      const said = keptIn(value, accountId);
      if (!said || signal.aborted || snapshot?.accountId !== accountId) return;
      kept = said;
      if (said.workerNow !== null) deps.workerClock(said.workerNow);
      if (targets) publish(win.location.href, snapshot, targets);
      // A page left open past the moment the answer stops holding redraws without it, and asks again.
      stopWaiting();
      stopWaiting = deps.at(said.until, () => {
        if (!signal.aborted && kept === said && snapshot && targets)
          publish(win.location.href, snapshot, targets);
      });
    };

    const sendSnapshot = (snap: SeenPage): void => {
      if (sending) {
        waiting = snap;
        return;
      }
      sending = true;
      // The browser copies a message before sending it: for a long list that copy is work of ours the
      // page waits for, so each copy (a long list goes in parts, each in a task of its own) is measured
      // like a read.
      const answer = deps.send({ type: 'snapshot', snapshot: snap }, (start) =>
        marks.measure('snapshot', start),
      );
      // The answer carries the account's kept promotions as the snapshot left them.
      void answer.then((result) => {
        sending = false;
        // Refused (storage full, too large): the same rows would be refused again, and copying a long
        // list costs the page and the worker each time. Nothing goes until the rows change. Unanswered
        // (a worker stopping): the next read sends it again.
        if (!result.ok && result.error.code !== 'no-answer') refused = snap;
        else if (!result.ok && lastSent === snap) lastSent = null;
        else if (result.ok) {
          dialogRead = dialogIn(result.value, snap) ?? dialogRead;
          answered(snap.accountId, result.value);
        }
        const next = waiting;
        waiting = null;
        if (next && !signal.aborted) sendSnapshot(next);
      });
    };

    // Scanning and parsing go SLICE_MS at a time, one slice a frame, so that neither a long list read
    // whole nor hundreds of rows changed at once hold the page for long; the read itself comes once the
    // batch is through, and finds every row scanned and parsed.
    const readNow = () => {
      const url = win.location.href;
      if (!batch) {
        batch = { fresh: changed === null, nodes: changed ?? new Set() };
        changed = new Set();
      }
      const until = timeline.now() + SLICE_MS;
      const enough = () => timeline.now() > until;
      const ready = deps.reader.readAhead(doc, url, memo, batch.fresh, enough, batch.nodes);
      batch.fresh = false;
      // Putting a long list's parsed rows into a snapshot is work of its own: after a slice spent on
      // scanning and parsing it waits for a frame of its own, where readAhead finds nothing left to do.
      if (!ready || enough()) return read.request();
      batch = null;
      const reading = deps.reader.read(doc, url, memo);
      if (changed === null || changed.size > 0) read.request();
      const snap = reading.snapshot;
      // The address may have changed before the page re-rendered (the route was judged on the old
      // page's words): once the new page says it is not billing, leave.
      if (snap.view === 'other') return leave();
      if (account && account.id !== null && snap.accountId !== account.id && url === account.href) {
        if (!warnedAccount)
          console.warn('Ad Credit Guide: the page changed its ad account without navigating; ignored');
        warnedAccount = true;
        return;
      }
      account = { id: snap.accountId, href: url };
      snapshot = snap;
      targets = reading.targets;
      // A task of its own, after the read: the read and the redraw of a long list would together hold
      // the page past 50 ms. A newer read publishes its own.
      deps.defer(() => {
        if (!signal.aborted && snapshot === snap) publish(url, snap, reading.targets);
      });
      const refusedRows =
        refused !== null && sameSnapshot(refused, { ...refused, promotions: snap.promotions });
      if (!sameSnapshot(lastSent, snap) && !refusedRows) {
        lastSent = snap;
        // Copying a long list into a message takes as long as reading it again: a task of its own.
        deps.defer(() => {
          if (!signal.aborted) sendSnapshot(snap);
        });
      }
    };
    // Each read and each snapshot sent leaves a User Timing measure in builds that ask for them
    // (schedule.ts userTiming), so that DevTools and `npm run bench` can count them from the page's timeline.
    const read = coalesce(deps.schedule, () => (deps.connected() ? marks.time('read', readNow) : stop()));

    const observer = new win.MutationObserver((records) => {
      if (win.location.href !== href) return route();
      let ours = true;
      for (const r of records) {
        if (layer.owns(r.target)) continue;
        ours = false;
        if (changed && changed.size < MAX_CHANGED) changed.add(r.target);
        else changed = null;
      }
      if (!ours) read.request();
    });
    observer.observe(doc.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    // Typing changes an input's value, not the DOM: the code field is read from the event.
    doc.addEventListener(
      'input',
      (e) => {
        // The field's value is read live, from the element the last scan found.
        if (!(e.target instanceof win.Node) || !layer.owns(e.target)) read.request();
      },
      { capture: true, signal },
    );

    // A frame a feature asked for may come after an update or reload cut this script off (a redraw
    // requested by the last read, say): it then stops the script, as the next look at the page would,
    // instead of calling the browser's APIs and failing. Each such frame leaves a measure (acg:draw):
    // what a feature puts off to a frame holds the page as much as a read does.
    const schedule: Scheduler = (callback) =>
      deps.schedule(() => (deps.connected() ? marks.time('draw', callback) : stop()));
    const ctx = { win, deps: { ...deps, schedule }, layer, state };
    for (const feature of features) {
      const own = isolatedContext(feature.name, ctx);
      isolated(feature.name, () => feature.init(signal, own))();
    }
    read.request();

    return {
      readAll() {
        changed = null;
        batch = null;
        read.request();
      },
      close() {
        observer.disconnect();
        read.cancel();
        stopWaiting();
        alive.abort();
        layer.remove();
      },
    };
  }

  const opts = { signal: listeners.signal };
  win.addEventListener('popstate', route, opts);
  win.addEventListener('hashchange', route, opts);
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', route, opts);
  else {
    // Without the Navigation API a pushState from the page's own script fires no event in our world;
    // SPA links navigate on click, so a click is the cue to compare the address once, a frame later.
    const afterClick = coalesce(deps.schedule, () => {
      if (win.location.href !== href) route();
    });
    win.addEventListener('click', () => afterClick.request(), { ...opts, capture: true, passive: true });
    listeners.signal.addEventListener('abort', () => afterClick.cancel());
  }

  doc.addEventListener(STARTED_EVENT, () => void (deps.connected() || stop()), opts);
  route();
  return stop;

  function stop(): void {
    listeners.abort();
    leave();
  }
}
