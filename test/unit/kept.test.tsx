// Reading what is kept for the popup: the summary first when it can be trusted, then everything; with no
// worker running in any of these tests, since the pages read storage themselves. In Node, with the popup
// rendered into a happy-dom Window of its own: the fake browser finds its messages through a file URL,
// which happy-dom's global URL cannot make.
import { within } from '@testing-library/preact';
import { Window } from 'happy-dom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { summaryOf } from '../../src/background/summary.ts';
import { DEFAULT_SETTINGS, type PromotionRecord } from '../../src/core/schemas.ts';
import { EMPTY_REMINDER_STATE, KEY, promoKey, quarantineKey } from '../../src/core/store/layout.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { PopupApp } from '../../src/popup/App.tsx';
import { watchKept, type HeadState, type KeptState } from '../../src/ui/kept.ts';
import { PAGE_SIZE } from '../../src/ui/PromotionList.tsx';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { NOW, earning, record } from './ui-records.tsx';

let fake: FakeBrowser;
/** Reads held until released, each with what storage held when it was made. */
let held: Array<{ release: () => void }>;

let window: Window;

beforeEach(() => {
  fake = createFakeBrowser({ now: NOW.getTime() });
  setBrowser(fake.browser);
  held = [];
  window = new Window();
  // The summary is of NOW's day: the pages' clock must agree.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  window.close();
});

/** Every read of `keys` (null: everything; 'summary': the head read) waits for release(). */
function hold(which: 'everything' | 'summary') {
  const local = fake.browser.storage.local;
  const get = local.get.bind(local);
  local.get = (keys) => {
    const matches = which === 'everything' ? keys == null : Array.isArray(keys) && keys.includes(KEY.summary);
    if (!matches) return get(keys);
    const answer = get(keys);
    return new Promise((resolve) => held.push({ release: () => resolve(answer) }));
  };
}

function keep(records: PromotionRecord[], summary: unknown = summaryOf(kept(records), NOW.getTime(), 'UTC')) {
  Object.assign(fake.storage, { settings: { ...DEFAULT_SETTINGS, timeZone: 'UTC' }, [KEY.summary]: summary });
  for (const r of records) fake.storage[promoKey(r.accountId, r.id)] = r;
}
const kept = (promotions: PromotionRecord[]) => ({ promotions, reminders: EMPTY_REMINDER_STATE });
const many = (n: number) => Array.from({ length: n }, (_, i) => earning({ name: `Promotion ${i}` }));

/** Watches until a full read has shown, returning every state shown on the way. */
async function watch(headFirst = true): Promise<Array<KeptState | HeadState>> {
  const shown: Array<KeptState | HeadState> = [];
  const stop = watchKept((state) => shown.push(state), headFirst);
  await vi.waitFor(() => expect(shown.at(-1)?.state).toBe('ready'));
  stop();
  return shown;
}
const countOf = (state: KeptState | HeadState) =>
  state.state === 'head'
    ? state.head.summary.promotions.length
    : state.state === 'ready'
      ? state.kept.promotions.length
      : -1;

describe('watchKept', () => {
  it('shows the summary first, then everything', async () => {
    keep(many(20));
    const shown = await watch();
    expect(shown.map((s) => s.state)).toEqual(['head', 'ready']);
    expect(shown.map(countOf)).toEqual([8, 20]);
  });

  it.each([
    ['missing', undefined],
    ['broken', { day: 42 }],
    ['of another day', { ...summaryOf(kept(many(1)), NOW.getTime() - 86_400_000, 'UTC') }],
    ['empty', summaryOf(kept([]), NOW.getTime(), 'UTC')],
  ])('reads everything alone when the summary is %s', async (_, summary) => {
    keep(many(3), summary);
    if (summary === undefined) delete fake.storage[KEY.summary];
    expect((await watch()).map((s) => s.state)).toEqual(['ready']);
  });

  it('without headFirst, never reads the summary', async () => {
    keep(many(3));
    hold('summary');
    expect((await watch(false)).map((s) => s.state)).toEqual(['ready']);
    expect(held).toEqual([]);
  });

  it('shows only the read started last when two overlap, and nothing once stopped', async () => {
    keep(many(1));
    hold('everything');
    const shown: Array<KeptState | HeadState> = [];
    const stop = watchKept((state) => shown.push(state), false);
    await vi.waitFor(() => expect(held).toHaveLength(1));
    await fake.browser.storage.local.set({ [promoKey('1', 'late')]: record({ id: 'late', accountId: '1' }) });
    await vi.waitFor(() => expect(held).toHaveLength(2));
    held[1]!.release();
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    held[0]!.release();
    await fake.browser.storage.local.set({ [KEY.settings]: DEFAULT_SETTINGS });
    stop();
    await vi.waitFor(() => expect(held).toHaveLength(3));
    held[2]!.release();
    // A macrotask: every promise callback the released read queued has run by then.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown.map(countOf)).toEqual([2]);
  });

  it('never shows a summary that arrives after everything was read', async () => {
    keep(many(12));
    hold('summary');
    const shown: Array<KeptState | HeadState> = [];
    const stop = watchKept((state) => shown.push(state), true);
    await fake.browser.storage.local.set({ [KEY.reminders]: EMPTY_REMINDER_STATE });
    await vi.waitFor(() => expect(shown.map((s) => s.state)).toEqual(['ready']));
    held[0]!.release();
    // The late summary still starts the full read it would have: that read shows, the summary does not.
    await vi.waitFor(() => expect(shown).toHaveLength(2));
    stop();
    expect(shown.map((s) => s.state)).toEqual(['ready', 'ready']);
  });
});

describe('the popup', () => {
  const open = () => {
    const body = window.document.body as unknown as HTMLElement;
    render(<PopupApp />, body);
    return within(body);
  };

  it("paints the summary's cards, then every card and the set-aside notice once all is read", async () => {
    keep(many(PAGE_SIZE + 5));
    fake.storage[quarantineKey('q1')] = {
      id: 'q1',
      key: 'promo:x:y',
      reason: 'bad',
      at: NOW.toISOString(),
      raw: 1,
    };
    hold('everything');
    const popup = open();
    await vi.waitFor(() => expect(popup.getAllByRole('article')).toHaveLength(8));
    expect(popup.queryByRole('status')).toBeNull();
    held[0]!.release();
    await vi.waitFor(() => expect(popup.getAllByRole('article')).toHaveLength(PAGE_SIZE));
    expect(popup.getByRole('status').textContent).toMatch(/1/);
  });

  it('says what went wrong when storage cannot be read', async () => {
    keep(many(3));
    fake.browser.storage.local.get = () => Promise.reject(new Error('storage is gone'));
    const popup = open();
    await vi.waitFor(() => expect(popup.getByRole('alert').textContent).toContain('storage is gone'));
  });
});
