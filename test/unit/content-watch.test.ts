import { describe, expect, it } from 'vitest';
import { HOST_TAG } from '../../src/content/layer.ts';
import { STARTED_EVENT, watchPages } from '../../src/content/watch.ts';
import type { Result } from '../../src/core/messages.ts';
import type { ContentDeps, Feature, Outgoing, PageState, Win } from '../../src/content/types.ts';
import { keptOnPage } from '../../src/core/kept-on-page.ts';
import { fakeDeps, headingReader, NOW, pageWindow, record, settle } from './content.harness.ts';

const PAYMENT = 'https://ads.tiktok.com/i18n/account/payment?aadvid=111';
const DASHBOARD = 'https://ads.tiktok.com/i18n/dashboard?aadvid=111';
const page = (heading: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>${heading}</h1><ul></ul></main></body></html>`;

/** Counts MutationObservers the page's window hands out, and how many are still connected. */
function countObservers(win: Win) {
  const counts = { created: 0, connected: 0 };
  const Base = win.MutationObserver;
  class Counting extends Base {
    constructor(cb: MutationCallback) {
      super(cb);
      counts.created += 1;
    }
    override observe(target: Node, options?: MutationObserverInit) {
      counts.connected += 1;
      super.observe(target, options);
    }
    override disconnect() {
      counts.connected -= 1;
      super.disconnect();
    }
  }
  win.MutationObserver = Counting;
  return counts;
}

/** A feature that records the states it is given and whether it was aborted. */
function probe() {
  const seen: (PageState | null)[] = [];
  const signals: AbortSignal[] = [];
  const feature: Feature = {
    name: 'probe',
    init(signal, ctx) {
      signals.push(signal);
      ctx.state.subscribe((s) => seen.push(s), signal);
    },
  };
  return { feature, seen, signals };
}

/** Runs the tasks deferred so far, as the event loop would after the frame. */
const runAll = (tasks: Array<() => void>) => {
  while (tasks.length > 0) tasks.shift()!();
};

const hosts = (win: Win) => win.document.getElementsByTagName(HOST_TAG).length;

/** SPA navigation as Ads Manager does it: the address changes, then the view is re-rendered. */
function spaNavigate(win: Win, url: string, heading: string) {
  win.history.pushState({}, '', url);
  const main = win.document.querySelector('main')!;
  const h1 = win.document.createElement('h1');
  h1.textContent = heading;
  main.replaceChildren(h1);
}

/** A worker that answers only when told: the headings of the snapshots sent, and one answer per send. */
function heldSends() {
  const headings: string[] = [];
  const answers: Array<() => void> = [];
  const send = ((m: Outgoing) => {
    if (m.type === 'snapshot') headings.push(m.snapshot.warnings[0]!);
    return new Promise<Result<unknown>>((resolve) =>
      answers.push(() => resolve({ ok: true, value: { changed: [] } })),
    );
  }) as ContentDeps['send'];
  return { headings, answers, send };
}

describe('content script: deciding and following the page', () => {
  it('off the billing pages it returns at once: no observer, no element, no read', async () => {
    const win = pageWindow(DASHBOARD, page('Dashboard'));
    const observers = countObservers(win);
    const { deps, frames } = fakeDeps();
    const reader = deps.reader as ReturnType<typeof headingReader>;
    watchPages(win, deps, [probe().feature]);
    win.document.querySelector('ul')!.append(win.document.createElement('li'));
    await settle();
    frames.frame();
    expect(observers.created).toBe(0);
    expect(hosts(win)).toBe(0);
    expect(frames.pending()).toBe(0);
    expect(reader.reads).toBe(0);
  });

  it('on a billing page: one host, one read in the first frame, the snapshot sent once', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const observers = countObservers(win);
    const { deps, frames, sent } = fakeDeps();
    watchPages(win, deps, []);
    expect(observers.connected).toBe(1);
    expect(hosts(win)).toBe(1);
    frames.frame();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'snapshot', snapshot: { view: 'payment', accountId: '111' } });
  });

  it('a burst of mutations costs one read per frame, and only a changed snapshot is sent', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames, sent } = fakeDeps();
    const reader = deps.reader as ReturnType<typeof headingReader>;
    watchPages(win, deps, []);
    frames.frame();
    expect(reader.reads).toBe(1);

    // Mutations spread over many tasks within one frame, as a re-rendering page makes them.
    const list = win.document.querySelector('ul')!;
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 10; j++) list.append(win.document.createElement('li'));
      await settle();
    }
    expect(frames.pending()).toBe(1);
    frames.frame();
    expect(reader.reads).toBe(2);
    expect(sent).toHaveLength(1); // the heading did not change: same snapshot, nothing sent

    for (let i = 0; i < 50; i++) list.firstElementChild!.remove();
    win.document.querySelector('h1')!.textContent = 'Payment (updated)';
    await settle();
    frames.frame();
    expect(reader.reads).toBe(3);
    expect(sent).toHaveLength(2);

    await settle();
    frames.frame();
    expect(reader.reads).toBe(3); // idle page: no work
  });

  it('tells the reader which nodes changed since its last read, or that anything may have', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames } = fakeDeps();
    const reader = deps.reader as ReturnType<typeof headingReader>;
    watchPages(win, deps, []);
    frames.frame();
    const heading = win.document.querySelector('h1')!;
    const list = win.document.querySelector('ul')!;
    const items = Array.from({ length: 10_001 }, () => win.document.createElement('li'));
    heading.firstChild!.nodeValue = 'Payment!';
    heading.firstChild!.nodeValue = 'Payment!!';
    list.append(...items);
    await settle();
    frames.frame();
    for (const item of items) item.className = 'seen';
    await settle();
    frames.frame();
    win.document.body.dispatchEvent(new win.Event('input', { bubbles: true }));
    frames.frame();
    // First read: a whole scan. Then the changed nodes, each once. Then more nodes than are worth
    // following: a whole scan again. Typing changes no node.
    expect(reader.changed).toEqual([null, [heading.firstChild, list], null, []]);
    expect(reader.reads).toBe(4);
  });

  it('spreads a whole read of a long page over frames, one slice per frame', () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const reader = headingReader();
    let slices = 0;
    const { deps, frames, sent } = fakeDeps({
      reader: Object.assign(reader, {
        readAhead: (_d: Document, _u: string, _m: unknown, fresh: boolean) => {
          reader.changed.push(fresh ? null : []);
          return ++slices >= 3;
        },
      }),
    });
    watchPages(win, deps, []);
    frames.frame();
    frames.frame();
    expect(reader.reads).toBe(0);
    expect(frames.pending()).toBe(1);
    frames.frame();
    expect(reader.reads).toBe(1);
    expect(reader.changed).toEqual([null, [], []]);
    expect(sent).toHaveLength(1);
  });

  it('leaves the read to a frame of its own when scanning and parsing spent the slice', () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const reader = headingReader();
    let now = 0;
    win.performance.now = () => now;
    const { deps, frames, sent } = fakeDeps({
      reader: Object.assign(reader, {
        readAhead: (_d: Document, _u: string, _m: unknown, fresh: boolean) => {
          reader.changed.push(fresh ? null : []);
          // The first frame's work is done, and took the whole slice.
          if (fresh) now += 100;
          return true;
        },
      }),
    });
    watchPages(win, deps, []);
    frames.frame();
    expect(reader.reads).toBe(0);
    expect(frames.pending()).toBe(1);
    frames.frame();
    expect(reader.reads).toBe(1);
    // The second frame goes on where the first stopped: no scan of the page again.
    expect(reader.changed).toEqual([null, []]);
    expect(sent).toHaveLength(1);
  });

  it('works through one batch of changes at a time: changes made meanwhile wait for the next', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const reader = headingReader();
    const seen = new WeakSet<Set<Node>>();
    const batches: Node[][] = [];
    const { deps, frames } = fakeDeps({
      reader: Object.assign(reader, {
        // Any batch with changes in it takes two frames.
        readAhead: (_d: Document, _u: string, _m: unknown, _f: boolean, _e: unknown, changed: Set<Node>) => {
          batches.push([...changed]);
          if (changed.size === 0 || seen.has(changed)) return true;
          seen.add(changed);
          return false;
        },
      }),
    });
    watchPages(win, deps, []);
    frames.frame();
    const heading = win.document.querySelector('h1')!.firstChild!;
    const list = win.document.querySelector('ul')!;
    heading.nodeValue = 'Payment 2';
    await settle();
    frames.frame();
    list.append(win.document.createElement('li'));
    await settle();
    frames.frame();
    expect(reader.reads).toBe(2);
    frames.frame();
    frames.frame();
    expect(reader.reads).toBe(3);
    expect(batches).toEqual([[], [heading], [heading], [list], [list]]);
    expect(frames.pending()).toBe(0);
  });

  it('sends a snapshot in a task after the read, and not at all once the page was left', () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const tasks: Array<() => void> = [];
    const { deps, frames, sent } = fakeDeps({ defer: (run) => void tasks.push(run) });
    const stop = watchPages(win, deps, []);
    frames.frame();
    expect(sent).toHaveLength(0);
    runAll(tasks);
    expect(sent).toHaveLength(1);

    win.document.querySelector('h1')!.textContent = 'Payment 2';
    return settle().then(() => {
      frames.frame();
      expect(tasks).toHaveLength(2);
      stop();
      runAll(tasks);
      expect(sent).toHaveLength(1);
    });
  });

  it('hands the features each read in a task after it, and only the newest of reads made meanwhile', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const tasks: Array<() => void> = [];
    const { deps, frames } = fakeDeps({ defer: (run) => void tasks.push(run) });
    const { feature, seen } = probe();
    watchPages(win, deps, [feature]);
    frames.frame();
    expect(seen).toEqual([]);
    win.document.querySelector('h1')!.textContent = 'Payment 2';
    await settle();
    frames.frame();
    runAll(tasks);
    expect(seen.map((s) => s?.snapshot.warnings)).toEqual([['Payment 2']]);
  });

  it('sends again, on coming back, a snapshot that the page was left before it went', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const tasks: Array<() => void> = [];
    const { deps, frames, sent } = fakeDeps({ defer: (run) => void tasks.push(run) });
    watchPages(win, deps, []);
    frames.frame();
    spaNavigate(win, DASHBOARD, 'Dashboard');
    await settle();
    runAll(tasks);
    expect(sent).toHaveLength(0);
    spaNavigate(win, PAYMENT, 'Payment');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    frames.frame();
    runAll(tasks);
    expect(sent).toHaveLength(1);
  });

  it('sends again, on coming back, the snapshot that was waiting when the page was left', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { headings, answers, send } = heldSends();
    const { deps, frames } = fakeDeps({ send });
    watchPages(win, deps, []);
    frames.frame();
    win.document.querySelector('h1')!.textContent = 'Payment 2';
    await settle();
    frames.frame();
    spaNavigate(win, DASHBOARD, 'Dashboard');
    await settle();
    answers.shift()!();
    await settle();
    expect(headings).toEqual(['Payment']);
    spaNavigate(win, PAYMENT, 'Payment 2');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    frames.frame();
    expect(headings).toEqual(['Payment', 'Payment 2']);
  });

  it('keeps one snapshot on its way to the worker: while it is, only the newest waits', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { headings, answers, send } = heldSends();
    const { deps, frames } = fakeDeps({ send });
    watchPages(win, deps, []);
    frames.frame();
    for (const text of ['Payment 1', 'Payment 2', 'Payment 3']) {
      win.document.querySelector('h1')!.textContent = text;
      await settle();
      frames.frame();
    }
    expect(headings).toEqual(['Payment']);
    answers.shift()!();
    await settle();
    expect(headings).toEqual(['Payment', 'Payment 3']);
    answers.shift()!();
    await settle();
    expect(headings).toEqual(['Payment', 'Payment 3']);
  });

  it('typing in a field (no DOM mutation) schedules a read', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames } = fakeDeps();
    const reader = deps.reader as ReturnType<typeof headingReader>;
    watchPages(win, deps, []);
    frames.frame();
    const input = win.document.createElement('input');
    win.document.body.append(input);
    await settle();
    frames.frame();
    const before = reader.reads;
    input.dispatchEvent(new win.Event('input', { bubbles: true }));
    frames.frame();
    expect(reader.reads).toBe(before + 1);
  });

  it('follows SPA navigation away from billing: observer disconnected, features aborted, host removed', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const observers = countObservers(win);
    const { deps, frames } = fakeDeps();
    const reader = deps.reader as ReturnType<typeof headingReader>;
    const p = probe();
    watchPages(win, deps, [p.feature]);
    frames.frame();
    expect(p.seen.at(-1)?.snapshot.view).toBe('payment');

    spaNavigate(win, DASHBOARD, 'Dashboard');
    await settle();
    expect(observers.connected).toBe(0);
    expect(p.signals[0]!.aborted).toBe(true);
    expect(hosts(win)).toBe(0);

    const reads = reader.reads;
    win.document.querySelector('main')!.append(win.document.createElement('p'));
    await settle();
    frames.frame();
    expect(reader.reads).toBe(reads);
  });

  it('leaves when the page re-renders as not billing after its address changed first', async () => {
    const finance = 'https://ads.tiktok.com/i18n/finance?aadvid=111'; // a path only the page's words decide
    const win = pageWindow(finance, page('Payment'));
    const observers = countObservers(win);
    const { deps, frames } = fakeDeps();
    watchPages(win, deps, []);
    frames.frame();
    expect(observers.connected).toBe(1);

    // The address changes; the old view is still on screen when the route is judged.
    win.history.pushState({}, '', 'https://ads.tiktok.com/i18n/overview?aadvid=111');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    expect(observers.connected).toBe(1);

    // Then the new view renders.
    win.document.querySelector('h1')!.textContent = 'Overview';
    await settle();
    frames.frame();
    expect(observers.connected).toBe(0);
    expect(hosts(win)).toBe(0);
  });

  it('follows SPA navigation into billing from a click (no Navigation API) and from popstate', async () => {
    const win = pageWindow(DASHBOARD, page('Dashboard'));
    const observers = countObservers(win);
    const { deps, frames, sent } = fakeDeps();
    const p = probe();
    watchPages(win, deps, [p.feature]);

    win.document.body.dispatchEvent(new win.MouseEvent('click', { bubbles: true }));
    spaNavigate(win, PAYMENT, 'Payment');
    frames.frame(); // the click's address check
    expect(observers.connected).toBe(1);
    expect(p.signals).toHaveLength(1);
    frames.frame(); // the first read
    expect(sent.at(-1)).toMatchObject({ snapshot: { view: 'payment' } });

    // Back to the dashboard through the browser's back button.
    win.history.replaceState({}, '', DASHBOARD);
    win.document.querySelector('h1')!.textContent = 'Dashboard';
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    expect(observers.connected).toBe(0);
    expect(p.signals[0]!.aborted).toBe(true);
  });

  it('uses the Navigation API where the browser has it', () => {
    const win = pageWindow(DASHBOARD, page('Dashboard'));
    const navigation = new win.EventTarget();
    Object.defineProperty(win, 'navigation', { value: navigation });
    const { deps } = fakeDeps();
    watchPages(win, deps, []);
    win.history.pushState({}, '', PAYMENT);
    navigation.dispatchEvent(new win.Event('currententrychange'));
    expect(hosts(win)).toBe(1);
  });

  it('payment → promotions stays one session; the features see the new page', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const observers = countObservers(win);
    const { deps, frames } = fakeDeps();
    const p = probe();
    watchPages(win, deps, [p.feature]);
    frames.frame();
    spaNavigate(win, 'https://ads.tiktok.com/i18n/account/promotion?aadvid=111', 'Promotions');
    await settle();
    frames.frame();
    expect(observers.created).toBe(1);
    expect(p.signals).toHaveLength(1);
    expect(p.seen.at(-1)?.snapshot.view).toBe('promotions');
  });

  it('a snapshot the worker did not take is sent again at the next change', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames, sent, worker } = fakeDeps();
    worker.accepts = () => false;
    watchPages(win, deps, []);
    frames.frame();
    await settle();
    worker.accepts = () => true;
    win.document.querySelector('ul')!.append(win.document.createElement('li'));
    await settle();
    frames.frame();
    expect(sent).toHaveLength(2);
  });

  it('hands the features what the worker said of the account’s kept promotions, and nothing dated before it', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames, sent, worker } = fakeDeps();
    const mine = record({ id: 'mine', name: 'Mine' });
    worker.kept = [mine, record({ id: 'theirs', name: 'Theirs', accountId: '222' })];
    worker.timeZone = 'America/Los_Angeles';
    const p = probe();
    watchPages(win, deps, [p.feature]);
    frames.frame();
    // Published before the answer: nothing kept is known, so nothing that counts days.
    expect(p.seen[0]).toMatchObject({ kept: null });
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['snapshot']);
    const said = keptOnPage([mine], NOW, 'America/Los_Angeles');
    expect(p.seen.at(-1)?.kept).toMatchObject({ accountId: '111', ...said });
    // 04:00 in Los Angeles: it holds until the day ends there.
    expect(said.until).toBe(Date.parse('2026-11-25T08:00:00Z'));
  });

  it('shows nothing dated once the answer no longer holds, asks again once, and goes on with the new answer', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames, sent, worker, wake } = fakeDeps();
    worker.kept = [record({ id: 'mine', status: 'activated' })];
    worker.timeZone = 'UTC';
    let clock = NOW;
    deps.now = () => new Date(clock);
    const p = probe();
    watchPages(win, deps, [p.feature]);
    frames.frame();
    await settle();
    const first = p.seen.at(-1)?.kept;
    expect(first?.until).toBe(Date.parse('2026-11-25T00:00:00Z'));
    // Changes the snapshot does not show: redrawn with the same answer, nothing sent.
    const redraw = async () => {
      const seen = p.seen.length;
      win.document.querySelector('ul')!.append(win.document.createElement('li'));
      await settle();
      frames.frame();
      await settle();
      expect(p.seen.length).toBeGreaterThan(seen);
    };
    clock += 11 * 3600_000 + 59 * 60_000;
    wake();
    await redraw();
    expect(p.seen.at(-1)?.kept).toBe(first);
    expect(sent).toHaveLength(1);

    // Midnight in the zone while the page sits still: nothing dated, and one question, answered by a
    // worker whose clock is a minute behind (the demo's goes by whole minutes): no second question.
    clock += 60_000;
    worker.now = clock - 60_000;
    wake();
    await settle();
    expect(sent).toHaveLength(2);
    expect(p.seen.at(-1)?.kept).toBeNull();
    await redraw();
    expect(p.seen.at(-1)?.kept).toBeNull();
    expect(sent).toHaveLength(2);

    // The worker's clock past midnight too: the next change's answer holds until the next midnight.
    worker.now = undefined;
    win.document.querySelector('h1')!.textContent = 'Payment page';
    await settle();
    frames.frame();
    await settle();
    expect(sent).toHaveLength(3);
    expect(p.seen.at(-1)?.kept?.until).toBe(Date.parse('2026-11-26T00:00:00Z'));
    expect(p.seen.at(-1)?.kept?.promotions.map((v) => v.status)).toEqual(['activated']);
  });

  it('asks again at a read past what the answer holds, with no wait needed', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames, sent, worker } = fakeDeps();
    worker.kept = [record({ id: 'mine' })];
    let clock = NOW;
    deps.now = () => new Date(clock);
    const p = probe();
    watchPages(win, deps, [p.feature]);
    frames.frame();
    await settle();
    // The machine slept through midnight: the wait has not run, the next read finds the answer stale.
    clock += 24 * 3600_000;
    win.document.querySelector('ul')!.append(win.document.createElement('li'));
    await settle();
    frames.frame();
    await settle();
    expect(sent).toHaveLength(2);
    expect(p.seen.at(-1)?.kept?.until).toBe(Date.parse('2026-11-26T00:00:00Z'));
  });

  it('waits for one answer at a time to stop holding, and for none once the page is left', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames, waits } = fakeDeps();
    watchPages(win, deps, []);
    frames.frame();
    await settle();
    win.document.querySelector('h1')!.textContent = 'Payment page';
    await settle();
    frames.frame();
    await settle();
    expect(waits.filter((w) => !w.cancelled)).toHaveLength(1);
    spaNavigate(win, DASHBOARD, 'Dashboard');
    await settle();
    expect(waits.filter((w) => !w.cancelled)).toHaveLength(0);
  });

  it('passes the clock the worker answered with on to the demo clock', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames } = fakeDeps();
    const clocks: number[] = [];
    deps.workerClock = (now) => clocks.push(now);
    watchPages(win, deps, []);
    frames.frame();
    await settle();
    expect(clocks).toEqual([Date.parse('2026-11-24T12:00:00Z')]);
  });

  it('asks again on coming back to a billing page, so that the visit hears what is kept', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames, sent, worker } = fakeDeps();
    worker.kept = [record({ id: 'mine' })];
    const p = probe();
    watchPages(win, deps, [p.feature]);
    frames.frame();
    await settle();
    spaNavigate(win, DASHBOARD, 'Dashboard');
    await settle();
    spaNavigate(win, PAYMENT, 'Payment');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    frames.frame();
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['snapshot', 'snapshot']);
    expect(p.signals).toHaveLength(2);
    expect(p.seen.at(-1)?.kept?.promotions.map((v) => v.name)).toEqual([record().name]);
  });
});

describe('content script: one feature failing', () => {
  it('logs the feature by name and the others start, update and draw', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const { deps, frames } = fakeDeps();
    const errors: unknown[][] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const failing: Feature[] = [
        {
          name: 'broken-start',
          init: () => {
            throw new Error('start');
          },
        },
        {
          name: 'broken-update',
          init: (signal, ctx) =>
            ctx.state.subscribe(() => {
              throw new Error('update');
            }, signal),
        },
        {
          name: 'broken-frame',
          init: (_signal, ctx) =>
            void ctx.deps.schedule(() => {
              throw new Error('frame');
            }),
        },
      ];
      const p = probe();
      const drawn: number[] = [];
      const after: Feature = {
        name: 'after',
        init: (_s, ctx) => void ctx.deps.schedule(() => drawn.push(1)),
      };
      watchPages(win, deps, [...failing, p.feature, after]);
      frames.frame();
      await settle();
      expect(p.seen.length).toBeGreaterThan(0);
      expect(drawn).toEqual([1]);
      win.document.querySelector('h1')!.textContent = 'Payment 2';
      await settle();
      frames.frame();
      expect(p.seen.at(-1)?.snapshot.warnings).toEqual(['Payment 2']);
      await settle();
      const names = errors.map((e) => e[0]);
      expect(new Set(names)).toEqual(
        new Set(['broken-start', 'broken-update', 'broken-frame'].map((n) => `Ad Credit Guide: ${n} failed`)),
      );
      expect(
        names.filter((n) => n === 'Ad Credit Guide: broken-update failed').length,
      ).toBeGreaterThanOrEqual(2);
      expect(errors.every((e) => e[1] instanceof Error)).toBe(true);
    } finally {
      console.error = error;
    }
  });
});

describe('content script: left behind by an update or reload', () => {
  it('stops at its next look at the page once cut off: no observer, no listener, no panel', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const observers = countObservers(win);
    let connected = true;
    const { deps, frames, sent } = fakeDeps({ connected: () => connected });
    const p = probe();
    watchPages(win, deps, [p.feature]);
    frames.frame();
    await settle();
    expect(hosts(win)).toBe(1);
    connected = false;
    win.document.querySelector('h1')!.textContent = 'Payment 2';
    await settle();
    frames.frame();
    expect(hosts(win)).toBe(0);
    expect(observers.connected).toBe(0);
    expect(p.signals[0]!.aborted).toBe(true);
    expect(frames.pending()).toBe(0);
    // Its listeners are gone too: navigating opens nothing.
    spaNavigate(win, DASHBOARD, 'Dashboard');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    spaNavigate(win, PAYMENT, 'Payment');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    frames.frame();
    await settle();
    expect(hosts(win)).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('stops, failing nothing, when a frame a feature asked for comes after it was cut off', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const observers = countObservers(win);
    let connected = true;
    const { deps, frames } = fakeDeps({ connected: () => connected });
    const drawn: string[] = [];
    // A feature that, like the panel, draws at the frame after a page state and calls the browser there.
    const redraws: Feature = {
      name: 'redraws',
      init: (signal, ctx) =>
        ctx.state.subscribe(
          () =>
            void ctx.deps.schedule(() => {
              if (!connected) throw new Error('Extension context invalidated.');
              drawn.push('drawn');
            }),
          signal,
        ),
    };
    const error = console.error;
    const errors: unknown[][] = [];
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      watchPages(win, deps, [redraws]);
      frames.frame();
      await settle();
      frames.frame();
      expect(drawn.length).toBeGreaterThan(0);
      const before = drawn.length;
      win.document.querySelector('h1')!.textContent = 'Payment 2';
      await settle();
      frames.frame();
      // The read published, and the redraw it asked for waits for the next frame; the update comes first.
      expect(frames.pending()).toBeGreaterThan(0);
      connected = false;
      frames.frame();
      expect(drawn).toHaveLength(before);
      expect(errors).toEqual([]);
      expect(hosts(win)).toBe(0);
      expect(observers.connected).toBe(0);
    } finally {
      console.error = error;
    }
  });

  it('the new script takes over: the old one stops when it announces itself, one host ever', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    const observers = countObservers(win);
    let oldConnected = true;
    const old = fakeDeps({ connected: () => oldConnected });
    const oldProbe = probe();
    watchPages(win, old.deps, [oldProbe.feature]);
    old.frames.frame();
    await settle();
    oldConnected = false;
    const fresh = fakeDeps();
    const freshProbe = probe();
    watchPages(win, fresh.deps, [freshProbe.feature]);
    expect(oldProbe.signals[0]!.aborted).toBe(true);
    expect(hosts(win)).toBe(1);
    expect(observers.connected).toBe(1);
    fresh.frames.frame();
    await settle();
    expect(freshProbe.seen.at(-1)?.snapshot.view).toBe('payment');
    expect(fresh.sent.map((m) => m.type)).toEqual(['snapshot']);
  });

  it('announces itself only as it adds its panel to a billing page: other pages hear nothing of ours', async () => {
    const win = pageWindow(DASHBOARD, page('Dashboard'));
    const heard: string[] = [];
    win.document.addEventListener(STARTED_EVENT, () => heard.push(win.location.href));
    const { deps, frames } = fakeDeps();
    watchPages(win, deps, []);
    frames.frame();
    expect(heard).toEqual([]);
    spaNavigate(win, PAYMENT, 'Payment');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    expect(heard).toEqual([PAYMENT]);
    expect(hosts(win)).toBe(1);
  });

  it('replaces a host an older script left, and a page announcing a start stops no connected script', async () => {
    const win = pageWindow(PAYMENT, page('Payment'));
    // Left by a script that predates stopping (or was stopped before it could remove it).
    win.document.documentElement.append(win.document.createElement(HOST_TAG));
    const { deps, frames } = fakeDeps();
    const p = probe();
    watchPages(win, deps, [p.feature]);
    expect(hosts(win)).toBe(1);
    win.document.dispatchEvent(new win.Event(STARTED_EVENT));
    frames.frame();
    await settle();
    expect(p.signals[0]!.aborted).toBe(false);
    expect(hosts(win)).toBe(1);
  });
});
