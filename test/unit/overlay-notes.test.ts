import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translatorFrom, type Messages } from '../../src/core/i18n.ts';
import {
  newNotesMemo,
  noteText,
  notesFor,
  notesInView,
  promotionNotes,
} from '../../src/content/features/promotion-notes.ts';
import { keptOnPage } from '../../src/core/kept-on-page.ts';
import { EMPTY_TERMS, type PromotionRecord } from '../../src/core/schemas.ts';
import {
  emptySnapshot,
  fakeDeps,
  keyT,
  mountFeature,
  NOW,
  pageWindow,
  record,
  rendered,
  stateOf,
} from './content.harness.ts';

const URL_P = 'https://ads.tiktok.com/i18n/account/promotion?aadvid=111';
const page = `<!DOCTYPE html><html lang="en"><head></head><body><div role="row">Spend 50 Get 50</div><div role="row">Holiday spend bonus</div><div role="row">Mystery</div></body></html>`;

const promo = (name: string, status: 'earning' | 'processing') => ({
  name,
  type: 'conditional' as const,
  status,
  amount: 50,
  minSpend: 50,
  spent: 20,
  unused: null,
  redeemedOn: null,
  validFrom: null,
  validUntil: null,
  assigned: null,
});

const PROGRESS = { fraction: 0.4, daysToSpendDeadline: 16, pace: 'at-risk' } as const;

/** A kept promotion 40% of the way on 2026-11-24, 16 days before its deadline, at a pace that gets there. */
const earning = (over: Partial<PromotionRecord> = {}) =>
  record({
    name: 'Spend 50 Get 50',
    observations: [
      { at: '2026-11-20T12:00:00.000Z', spent: 10 },
      { at: '2026-11-24T11:00:00.000Z', spent: 20 },
    ],
    ...over,
  });

const listSnapshot = () =>
  emptySnapshot({
    view: 'promotions',
    accountId: '111',
    promotions: [
      promo('Spend 50 Get 50', 'earning'),
      promo('Holiday spend bonus', 'processing'),
      promo('Mystery', 'earning'),
    ],
  });

/** The page's rows, each with the name and status the read took from it (the snapshot's, in order). */
function rowsOf(win: Window) {
  const { promotions } = listSnapshot();
  return [...win.document.querySelectorAll('[role="row"]')].map((row, i) => ({
    row,
    name: row.textContent,
    status: promotions[i]!.status,
  }));
}

function listState(win: Window, kept: PromotionRecord[]) {
  return stateOf(listSnapshot(), { promotionRows: rowsOf(win) }, kept);
}

describe('promotion list annotations', () => {
  it('only earning rows with kept terms get a note, saying what the worker worked out', () => {
    const win = pageWindow(URL_P, page);
    const kept = [
      earning(),
      record({ id: 'p2', name: 'Holiday spend bonus' }),
      record({ id: 'p3', name: 'Mystery', termsNeeded: true }),
    ];
    const notes = notesFor(listState(win, kept));
    expect(notes.map((n) => n.name)).toEqual(['Spend 50 Get 50']);
    expect(notes[0]!.view).toEqual(keptOnPage(kept, NOW, 'UTC').promotions[0]);
    expect(notes[0]!.view).toMatchObject({ fraction: 0.4, daysToSpendDeadline: 16, pace: 'on-track' });
    expect(notes[0]!.row.textContent).toBe('Spend 50 Get 50');
  });

  it('looks the kept promotions up by name once per answer', () => {
    const win = pageWindow(URL_P, page);
    const memo = newNotesMemo();
    const state = listState(win, [earning()]);
    notesFor(state, memo);
    const byName = memo.byName;
    notesFor({ ...state }, memo);
    expect(memo.byName).toBe(byName);
    // Another answer (another record for the row's name): looked up anew.
    const [again] = notesFor(
      listState(win, [earning({ id: 'p9', terms: { ...EMPTY_TERMS, minSpend: 100 } })]),
      memo,
    );
    expect(memo.byName).not.toBe(byName);
    expect(again!.view.fraction).toBe(0.2);
  });

  it('goes by each row’s own status: of two promotions with one name, only the earning one gets a note', () => {
    const win = pageWindow(
      URL_P,
      '<!DOCTYPE html><html lang="en"><body><div role="row">Spend 50 Get 50</div><div role="row">Spend 50 Get 50</div></body></html>',
    );
    const [first, second] = [...win.document.querySelectorAll('[role="row"]')];
    const snapshot = emptySnapshot({
      view: 'promotions',
      accountId: '111',
      promotions: [promo('Spend 50 Get 50', 'processing'), promo('Spend 50 Get 50', 'earning')],
    });
    const promotionRows = [
      { row: first!, name: 'Spend 50 Get 50', status: 'processing' as const },
      { row: second!, name: 'Spend 50 Get 50', status: 'earning' as const },
    ];
    const notes = notesFor(stateOf(snapshot, { promotionRows }, [earning()]));
    expect(notes.map((n) => n.row)).toEqual([second]);
  });

  it('nothing before the worker has said what is kept', () => {
    const win = pageWindow(URL_P, page);
    const state = stateOf(listSnapshot(), { promotionRows: rowsOf(win) }, [earning()], null);
    expect(state.kept).toBeNull();
    expect(notesFor(state)).toEqual([]);
  });

  it('nothing on the payment page', () => {
    expect(notesFor(stateOf(emptySnapshot({ view: 'payment' }), {}, [earning()]))).toEqual([]);
  });

  it('says progress, days left and pace, and leaves out what is unknown', () => {
    expect(noteText(keyT, PROGRESS)).toBe(
      'overlay_noteProgress(40) · overlay_noteDaysLeft(16) · overlay_paceAtRisk',
    );
    expect(noteText(keyT, { ...PROGRESS, fraction: null, pace: null, daysToSpendDeadline: -2 })).toBe(
      'overlay_noteDeadlinePassed',
    );
  });

  it('says "1 day left", not "1 days left", by each language’s plural rules', () => {
    const words = (lang: string) =>
      translatorFrom(
        JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages,
        lang.replace('_', '-'),
      );
    const days = (lang: string, n: number) =>
      noteText(words(lang), { ...PROGRESS, fraction: null, pace: null, daysToSpendDeadline: n });
    expect([1, 2, 0].map((n) => days('en', n))).toEqual(['1 day left', '2 days left', '0 days left']);
    expect([1, 2, 0].map((n) => days('fr', n))).toEqual(['encore 1 jour', 'encore 2 jours', 'encore 0 jour']);
    expect([1, 5].map((n) => days('de', n))).toEqual(['noch 1 Tag', 'noch 5 Tage']);
    expect([1, 5].map((n) => days('ja', n))).toEqual(['残り1日', '残り5日']);
  });

  it('draws the note at the row’s edge, in our layer, leaving the page’s own rows untouched', async () => {
    const win = pageWindow(URL_P, page);
    const { deps, frames } = fakeDeps();
    const { container, state } = mountFeature(promotionNotes, win, deps);
    const rows = [...win.document.querySelectorAll('[role="row"]')];
    rows[0]!.getBoundingClientRect = () => new win.DOMRect(200, 300, 900, 48);
    const before = rows.map((r) => r.cloneNode(true));
    state.set(listState(win, [earning()]));
    frames.frame();
    await rendered();
    const note = container.querySelector<HTMLElement>('[data-part="note"]')!;
    expect(note.textContent).toBe(
      'overlay_noteProgress(40) · overlay_noteDaysLeft(16) · overlay_paceOnTrack',
    );
    expect(note.getAttribute('aria-label')).toBe('overlay_noteLabel(Spend 50 Get 50)');
    expect(note.style.left).toBe('1100px');
    expect(note.style.top).toBe('300px');
    expect(rows.every((r, i) => r.isEqualNode(before[i]!))).toBe(true);
  });

  it('works its notes out in the frame that draws them, once per page state', () => {
    const win = pageWindow(URL_P, page);
    const { deps, frames } = fakeDeps();
    const { state } = mountFeature(promotionNotes, win, deps);
    const s = listState(win, [earning()]);
    const rows = s.targets.promotionRows;
    let looked = 0;
    const counted = {
      ...s,
      targets: {
        ...s.targets,
        get promotionRows() {
          looked++;
          return rows;
        },
      },
    };
    // The task that tells every feature of a new state leaves a long list's notes to the next frame.
    state.set(counted);
    expect(looked).toBe(0);
    frames.frame();
    expect(looked).toBe(1);
    // A scroll places the same notes again; a new state works them out anew.
    win.dispatchEvent(new win.Event('scroll'));
    frames.frame();
    expect(looked).toBe(1);
    state.set({ ...counted });
    frames.frame();
    expect(looked).toBe(2);
  });

  it('moves its note when the list scrolls, rather than drawing it anew', async () => {
    const win = pageWindow(URL_P, page);
    const { deps, frames } = fakeDeps();
    const { container, state } = mountFeature(promotionNotes, win, deps);
    const row = win.document.querySelector('[role="row"]')!;
    let top = 300;
    row.getBoundingClientRect = () => new win.DOMRect(200, top, 900, 48);
    state.set(listState(win, [earning()]));
    frames.frame();
    const note = container.querySelector<HTMLElement>('[data-part="note"]')!;
    top = 120;
    win.dispatchEvent(new win.Event('scroll'));
    frames.frame();
    state.set(listState(win, [earning()]));
    frames.frame();
    await rendered();
    expect(container.querySelectorAll('[data-part="note"]')).toHaveLength(1);
    expect(container.querySelector('[data-part="note"]')).toBe(note);
    expect(note.style.top).toBe('120px');
  });

  it('draws no note once what the worker said no longer holds (the next day), rather than a stale count', async () => {
    const win = pageWindow(URL_P, page);
    let clock = NOW;
    const { deps, frames } = fakeDeps({ now: () => new Date(clock) });
    const { container, state } = mountFeature(promotionNotes, win, deps);
    const row = win.document.querySelector('[role="row"]')!;
    row.getBoundingClientRect = () => new win.DOMRect(200, 300, 900, 48);
    state.set(listState(win, [earning()]));
    frames.frame();
    await rendered();
    expect(container.querySelector('[data-part="note"]')?.textContent).toContain('overlay_noteDaysLeft(16)');
    // Midnight UTC passes while the page sits still; a scroll redraws.
    clock = Date.parse('2026-11-25T00:00:00Z');
    win.dispatchEvent(new win.Event('scroll'));
    frames.frame();
    await rendered();
    expect(container.querySelector('[data-part="note"]')).toBeNull();
  });

  it('draws no note for a row scrolled out of view', async () => {
    const win = pageWindow(URL_P, page);
    const { deps, frames } = fakeDeps();
    const { container, state } = mountFeature(promotionNotes, win, deps);
    const rows = [...win.document.querySelectorAll('[role="row"]')];
    rows[0]!.getBoundingClientRect = () => new win.DOMRect(200, win.innerHeight + 400, 900, 48);
    state.set(listState(win, [earning()]));
    frames.frame();
    await rendered();
    expect(container.querySelector('[data-part="note"]')).toBeNull();
  });

  it('finds the notes in view of a long list with a few layout reads, not one per row', () => {
    let reads = 0;
    const scrolled = 20_000;
    const view = keptOnPage([earning()], NOW, 'UTC').promotions[0]!;
    const notes = Array.from({ length: 3000 }, (_, i) => ({
      name: `Promotion ${i}`,
      view: { ...view, name: `Promotion ${i}` },
      row: {
        isConnected: true,
        getBoundingClientRect() {
          reads += 1;
          return { left: 0, top: i * 40 - scrolled, width: 900, height: 40 };
        },
      } as unknown as Element,
    }));
    const shown = notesInView(notes, 800);
    expect(shown.map((s) => s.note.name)).toEqual(
      Array.from({ length: 20 }, (_, k) => `Promotion ${500 + k}`),
    );
    expect(reads).toBeLessThan(60);
  });
});
