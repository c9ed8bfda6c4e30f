// The popup's first paint: the summary's cards from the first script, before anything else is read or
// loaded, then everything once read, in the same tree; "Loading…" and never a card when the summary
// cannot be trusted. With no worker running, since the popup reads storage itself. In Node, with the popup
// rendered into a happy-dom Window of its own: the fake browser finds its messages through a file URL,
// which happy-dom's global URL cannot make.
import { within } from '@testing-library/preact';
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { summaryOf } from '../../src/background/summary.ts';
import { translatorFrom, type Messages } from '../../src/core/i18n.ts';
import { DEFAULT_SETTINGS, type PromotionRecord } from '../../src/core/schemas.ts';
import { EMPTY_REMINDER_STATE, KEY, promoKey, quarantineKey } from '../../src/core/store/layout.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { askFirstPaint, readFirstPaint } from '../../src/platform/first-paint.ts';
import { PopupApp, readHead } from '../../src/popup/App.tsx';
import { watchPopup, type Shown } from '../../src/popup/full.ts';
import { PAGE_SIZE } from '../../src/ui/PromotionList.tsx';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { NOW, earning, t } from './ui-records.tsx';

let fake: FakeBrowser;
/** Reads of everything held until released. */
let held: Array<{ release: () => void }>;
let window: Window;

beforeEach(() => {
  fake = createFakeBrowser({ now: NOW.getTime() });
  setBrowser(fake.browser);
  held = [];
  window = new Window();
  // The summary is of NOW's day: the popup's clock must agree.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  window.close();
});

/** Every read of everything (the full read) waits for release(); the first paint's read does not. */
function holdFullRead() {
  const local = fake.browser.storage.local;
  const get = local.get.bind(local);
  local.get = (keys) => {
    if (keys != null) return get(keys);
    const answer = get(keys);
    return new Promise((resolve) => held.push({ release: () => resolve(answer) }));
  };
}

const kept = (promotions: PromotionRecord[]) => ({ promotions, reminders: EMPTY_REMINDER_STATE });
/** No summary stored at all. */
const MISSING = Symbol('missing');
function keep(records: PromotionRecord[], summary: unknown = summaryOf(kept(records), NOW.getTime(), 'UTC')) {
  Object.assign(fake.storage, { settings: { ...DEFAULT_SETTINGS, timeZone: 'UTC' }, [KEY.summary]: summary });
  if (summary === MISSING) delete fake.storage[KEY.summary];
  for (const r of records) fake.storage[promoKey(r.accountId, r.id)] = r;
}
const many = (n: number) => Array.from({ length: n }, (_, i) => earning({ name: `Promotion ${i}` }));

const open = () => {
  const body = window.document.body as unknown as HTMLElement;
  render(<PopupApp head={readHead()} />, body);
  return within(body);
};

describe("the popup's first paint", () => {
  it("paints the summary's cards before the full read, then every card and the set-aside notice", async () => {
    keep(many(PAGE_SIZE + 5));
    fake.storage[quarantineKey('q1')] = {
      id: 'q1',
      key: 'promo:x:y',
      reason: 'bad',
      at: NOW.toISOString(),
      raw: 1,
    };
    holdFullRead();
    const popup = open();
    await vi.waitFor(() => expect(popup.getAllByRole('article')).toHaveLength(8));
    // The most urgent first, as the full list ranks them; nothing else claims to be known yet.
    expect(popup.getAllByRole('heading', { level: 3 })[0]!.textContent).toBe('Promotion 0');
    expect(popup.queryByRole('status')).toBeNull();
    await vi.waitFor(() => expect(held).toHaveLength(1));
    held[0]!.release();
    // The full read validates 55 records in happy-dom: on a busy machine that is more than waitFor's 1 s.
    await vi.waitFor(() => expect(popup.getAllByRole('article')).toHaveLength(PAGE_SIZE), {
      timeout: 10_000,
    });
    expect(popup.getByRole('status').textContent).toMatch(/1/);
  });

  it.each([
    ['missing', MISSING],
    ['corrupt', { day: 42 }],
    ['of another day', summaryOf(kept(many(1)), NOW.getTime() - 86_400_000, 'UTC')],
    ['empty', summaryOf(kept([]), NOW.getTime(), 'UTC')],
    // A summary written before a field it must have existed (an older layout): not painted, read again.
    [
      'of an older layout',
      (() => {
        const s = summaryOf(kept(many(2)), NOW.getTime(), 'UTC');
        const { termsNeeded: _dropped, ...older } = s.promotions[0]!;
        return { ...s, promotions: [older, ...s.promotions.slice(1)] };
      })(),
    ],
  ])('says "Loading…" and paints no card when the summary is %s, then every card', async (_, summary) => {
    keep(many(3), summary);
    holdFullRead();
    const popup = open();
    await vi.waitFor(() => expect(popup.getByRole('status').textContent).toBe('Loading…'));
    expect(popup.queryAllByRole('article')).toEqual([]);
    await vi.waitFor(() => expect(held).toHaveLength(1));
    held[0]!.release();
    await vi.waitFor(() => expect(popup.getAllByRole('article')).toHaveLength(3));
    expect(popup.queryByRole('status')).toBeNull();
  });

  it('paints no card while the settings are in doubt: their zone decides which day it is', async () => {
    keep(many(3));
    fake.storage[KEY.settings] = { ...DEFAULT_SETTINGS, timeZone: 'Mars/Olympus_Mons' };
    holdFullRead();
    const popup = open();
    await vi.waitFor(() => expect(popup.getByRole('status').textContent).toBe('Loading…'));
    expect(popup.queryAllByRole('article')).toEqual([]);
  });

  it('keeps the focus where the keyboard left it when the full read replaces the first cards', async () => {
    keep(many(12));
    holdFullRead();
    const popup = open();
    await vi.waitFor(() => expect(popup.getAllByRole('article')).toHaveLength(8));
    const edit = popup.getAllByRole('button', { name: 'Edit' })[0]!;
    edit.focus();
    await vi.waitFor(() => expect(held).toHaveLength(1));
    held[0]!.release();
    await vi.waitFor(() => expect(popup.getAllByRole('article')).toHaveLength(12));
    // The same element, still in the page: the first paint's tree is the full popup's.
    expect(window.document.activeElement).toBe(edit);
    expect(edit.isConnected).toBe(true);
  });

  it("speaks the browser's language from the first card: words from its messages, amounts in its format", async () => {
    const fr = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', '..', 'public', '_locales', 'fr', 'messages.json'),
        'utf8',
      ),
    ) as Messages;
    const tFr = translatorFrom(fr, 'fr');
    fake.browser.i18n.getMessage = (key, subs) =>
      tFr(key, subs === undefined ? [] : typeof subs === 'string' ? [subs] : subs);
    keep(many(3));
    holdFullRead();
    const popup = open();
    await vi.waitFor(() => expect(popup.getAllByRole('article')).toHaveLength(3));
    expect(popup.getByRole('heading', { level: 2 }).textContent).toBe(fr.popup_promotionsTitle!.message);
    const amount = new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD' }).format(50);
    expect(popup.getAllByRole('article')[0]!.querySelector('.card-amount')!.textContent).toBe(amount);
    expect(popup.getAllByRole('button', { name: fr.popup_edit!.message })).toHaveLength(3);
  });

  it("paints from the read the page's first script asked for, once: a later read asks storage again", async () => {
    keep(many(3));
    const local = fake.browser.storage.local;
    const get = local.get.bind(local);
    const asked: unknown[] = [];
    local.get = (keys) => {
      asked.push(keys);
      return get(keys);
    };
    askFirstPaint(local);
    // Stored after the ask: the cards are what the early read found.
    keep(many(5));
    holdFullRead();
    const popup = open();
    await vi.waitFor(() => expect(popup.getAllByRole('article')).toHaveLength(3));
    expect(asked[0]).toEqual([KEY.summary, KEY.settings]);
    expect(asked.filter((keys) => Array.isArray(keys) && keys.includes(KEY.summary))).toHaveLength(1);
    expect((await readFirstPaint()).summary).toEqual(fake.storage[KEY.summary]);
    expect(asked.filter((keys) => Array.isArray(keys) && keys.includes(KEY.summary))).toHaveLength(2);
  });

  it('says what went wrong when storage cannot be read', async () => {
    keep(many(3));
    fake.browser.storage.local.get = () => Promise.reject(new Error('storage is gone'));
    const popup = open();
    await vi.waitFor(() => expect(popup.getByRole('alert').textContent).toContain('storage is gone'));
  });
});

describe("the popup's full part", () => {
  it('takes down at once a painted summary that its schema refuses', () => {
    keep(many(2));
    const summary = summaryOf(kept(many(2)), NOW.getTime(), 'UTC');
    // What the first script's check would never let through, handed over as if it had.
    const refused = { ...summary, promotions: [{ ...summary.promotions[0]!, id: '' }] };
    const shown: Shown[] = [];
    const stop = watchPopup({ summary: refused, timeZone: 'UTC' }, t, (s) => shown.push(s));
    stop();
    expect(shown).toEqual([{ state: 'loading' }]);
  });

  it('leaves a summary its schema accepts on screen until everything is read', async () => {
    keep(many(2));
    const summary = summaryOf(kept(many(2)), NOW.getTime(), 'UTC');
    const shown: Shown[] = [];
    const stop = watchPopup({ summary, timeZone: 'UTC' }, t, (s) => shown.push(s));
    await vi.waitFor(() => expect(shown.length).toBeGreaterThan(0));
    stop();
    expect(shown.map((s) => s.state)).toEqual(['ready']);
  });
});
