// Reading what is kept for the popup's full read and the options page: everything, then again with each
// change; with no worker running in any of these tests, since the pages read storage themselves. (The
// popup's first paint from the summary: popup-first-paint.test.tsx.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { summaryOf } from '../../src/background/summary.ts';
import { DEFAULT_SETTINGS, type PromotionRecord } from '../../src/core/schemas.ts';
import { EMPTY_REMINDER_STATE, KEY, promoKey } from '../../src/core/store/layout.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { watchKept, type KeptState } from '../../src/ui/kept.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { NOW, earning, record } from './ui-records.tsx';

let fake: FakeBrowser;
/** Reads held until released, each with what storage held when it was made. */
let held: Array<{ release: () => void }>;

beforeEach(() => {
  fake = createFakeBrowser({ now: NOW.getTime() });
  setBrowser(fake.browser);
  held = [];
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
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
async function watch(): Promise<KeptState[]> {
  const shown: KeptState[] = [];
  const stop = watchKept((state) => shown.push(state));
  await vi.waitFor(() => expect(shown.at(-1)?.state).toBe('ready'));
  stop();
  return shown;
}
const countOf = (state: KeptState) => (state.state === 'ready' ? state.kept.promotions.length : -1);

describe('watchKept', () => {
  it('reads everything, never the summary alone', async () => {
    keep(many(3));
    hold('summary');
    expect((await watch()).map((s) => s.state)).toEqual(['ready']);
    expect(held).toEqual([]);
  });

  it('shows only the read started last when two overlap, and nothing once stopped', async () => {
    keep(many(1));
    hold('everything');
    const shown: KeptState[] = [];
    const stop = watchKept((state) => shown.push(state));
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
});
