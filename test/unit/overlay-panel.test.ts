import { describe, expect, it } from 'vitest';
import { panel } from '../../src/content/features/panel.ts';
import { EMPTY_TERMS, blankPromotion } from '../../src/core/schemas.ts';
import { createLayer, HOST_TAG } from '../../src/content/layer.ts';
import { emptySnapshot, fakeDeps, framed, mountFeature, pageWindow, stateOf } from './content.harness.ts';

const URL_A = 'https://ads.tiktok.com/i18n/account/payment?aadvid=111';
const blank = '<!DOCTYPE html><html lang="en"><head></head><body></body></html>';

const payment = (accountId: string) =>
  emptySnapshot({ accountId, balance: { total: 10, cash: 10, credit: 0 }, redeem: null });

function setup() {
  const win = pageWindow(URL_A, blank);
  const { deps, frames, collapsed } = fakeDeps();
  const m = mountFeature(panel, win, deps);
  // The panel draws (and places itself) at the next frame after a page state.
  const drawn = () => framed(frames);
  return { win, deps, frames, collapsed, drawn, ...m };
}

const texts = (root: ParentNode, sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent);

describe('overlay panel', () => {
  it('shows the five steps, the current one marked, with its instruction and pitfalls', async () => {
    const { container, state, drawn } = setup();
    state.set(stateOf(payment('111')));
    await drawn();
    const steps = [...container.querySelectorAll('ol > li')];
    expect(steps.map((li) => li.getAttribute('data-state'))).toEqual([
      'done',
      'done',
      'current',
      'todo',
      'todo',
    ]);
    expect(steps[2]!.getAttribute('aria-current')).toBe('step');
    expect(steps[2]!.textContent).toContain('steps_enterCode');
    expect(texts(container, '[data-part="now"]')).toEqual(['steps_doOpenRedeem']);
    expect(texts(container, 'ul > li')).toEqual([
      'steps_pitfallTypos',
      'steps_pitfallExpiry',
      'steps_pitfallEligibility',
    ]);
  });

  it('does not say "do this now" for a missed minimum: it says what to do instead', async () => {
    const { container, state, drawn } = setup();
    const missed = blankPromotion({
      id: 'code:LATE',
      accountId: '111',
      status: 'missed',
      type: 'conditional',
      terms: { ...EMPTY_TERMS, minSpend: 50 },
      activatedOn: '2026-10-01',
      source: 'page',
      createdAt: '2026-10-01T10:00:00.000Z',
    });
    state.set(stateOf(payment('111'), {}, [missed]));
    await drawn();
    const steps = [...container.querySelectorAll('ol > li')];
    expect(steps.map((li) => li.getAttribute('data-state'))).toEqual([
      'done',
      'done',
      'done',
      'missed',
      'todo',
    ]);
    expect(container.querySelector('[aria-current]')).toBeNull();
    expect(steps[3]!.textContent).toContain('overlay_stepMissed');
    expect(container.textContent).not.toContain('overlay_stepCurrent');
    expect(texts(container, '[data-part="now"]')).toEqual(['steps_doAskSupport']);
  });

  it('folds to a tab, remembers it for that ad account only, and unfolds again', async () => {
    const { container, state, collapsed, drawn } = setup();
    state.set(stateOf(payment('111')));
    await drawn();
    container.querySelector<HTMLButtonElement>('header button')!.click();
    await drawn();
    expect(container.querySelector('[data-part="panel"]')).toBeNull();
    const tab = container.querySelector<HTMLButtonElement>('[data-part="tab"]')!;
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(collapsed.get('111')).toBe(true);

    // Another account on the same tab: its own (default, open) state.
    state.set(stateOf(payment('222')));
    await drawn();
    expect(container.querySelector('[data-part="panel"]')).not.toBeNull();

    // Back to the first: still folded.
    state.set(stateOf(payment('111')));
    await drawn();
    expect(container.querySelector('[data-part="panel"]')).toBeNull();
    container.querySelector<HTMLButtonElement>('[data-part="tab"]')!.click();
    await drawn();
    expect(container.querySelector('[data-part="panel"]')).not.toBeNull();
    expect(collapsed.get('111')).toBe(false);
  });

  it('a folded panel stays folded when the page is opened again (state from storage)', async () => {
    const win = pageWindow(URL_A, blank);
    const { deps, collapsed, frames } = fakeDeps();
    const drawn = () => framed(frames);
    collapsed.set('111', true);
    const { container, state } = mountFeature(panel, win, deps);
    state.set(stateOf(payment('111')));
    await drawn();
    expect(container.querySelector('[data-part="tab"]')).not.toBeNull();
    expect(container.querySelector('[data-part="panel"]')).toBeNull();
  });

  it('Escape folds it and the focus moves to the tab', async () => {
    const { win, container, state, collapsed, drawn } = setup();
    state.set(stateOf(payment('111')));
    await drawn();
    const fold = container.querySelector<HTMLButtonElement>('header button')!;
    fold.focus();
    fold.dispatchEvent(new win.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await drawn();
    const tab = container.querySelector('[data-part="tab"]');
    expect(tab).not.toBeNull();
    expect(win.document.activeElement).toBe(tab);
    expect(collapsed.get('111')).toBe(true);
  });

  it('a new page state updates the panel in place: focus, and every step, stay where they were', async () => {
    const { win, container, state, drawn } = setup();
    state.set(stateOf(payment('111')));
    await drawn();
    const section = container.querySelector('[data-part="panel"]')!;
    const steps = [...section.querySelectorAll('ol > li')];
    const fold = section.querySelector<HTMLButtonElement>('header button')!;
    fold.focus();

    // The code is accepted, read again and again: the current step moves on.
    const accepted = emptySnapshot({
      accountId: '111',
      balance: { total: 10, cash: 10, credit: 0 },
      redeem: { open: true, code: 'C1', error: null, succeeded: true },
    });
    state.set(stateOf(accepted));
    state.set(stateOf(accepted));
    await drawn();
    expect(container.querySelector('[data-part="panel"]')).toBe(section);
    const now = [...section.querySelectorAll('ol > li')];
    expect(now.length === steps.length && now.every((li, i) => li === steps[i])).toBe(true);
    expect(steps.map((li) => li.getAttribute('data-state'))).toEqual([
      'done',
      'done',
      'done',
      'done',
      'current',
    ]);
    expect(win.document.activeElement).toBe(fold);
    expect(fold.isConnected).toBe(true);
  });

  it('is made of buttons in reading order, with accessible names', async () => {
    const { container, state, drawn } = setup();
    state.set(stateOf(payment('111')));
    await drawn();
    const section = container.querySelector('[data-part="panel"]')!;
    expect(section.getAttribute('aria-label')).toBe('overlay_title');
    const fold = section.querySelector('button')!;
    expect(fold.getAttribute('type')).toBe('button');
    expect(fold.getAttribute('aria-label')).toBe('overlay_collapse');
    expect(section.querySelector('[tabindex]')).toBeNull();
  });

  it('never covers the redeem dialog: moves to the left edge, or out of the way when there is no room', async () => {
    const { win, container, state, drawn } = setup();
    const dialog = win.document.createElement('div');
    win.document.body.append(dialog);
    let rect = new win.DOMRect(800, 100, 400, 300); // reaches into the right edge's strip
    dialog.getBoundingClientRect = () => rect;
    const open = emptySnapshot({
      accountId: '111',
      redeem: { open: true, code: null, error: null, succeeded: false },
    });
    state.set(stateOf(open, { dialog }));
    await drawn();
    expect(container.querySelector('[data-part="panel"]')!.getAttribute('data-side')).toBe('left');

    rect = new win.DOMRect(100, 100, 1080, 300); // wider than the room on either side
    state.set(stateOf(open, { dialog }));
    await drawn();
    expect(container.querySelector('[data-part="panel"]')).toBeNull();

    state.set(stateOf(payment('111'))); // dialog closed
    await drawn();
    expect(container.querySelector('[data-part="panel"]')!.getAttribute('data-side')).toBe('right');
  });

  it('at 1280 and 1366 px shows only its tab over the promotions table, and opens when the tab is clicked', async () => {
    for (const width of [1280, 1366]) {
      const { win, container, state, drawn } = setup();
      Object.defineProperty(win, 'innerWidth', { value: width, configurable: true });
      Object.defineProperty(win, 'innerHeight', { value: 800, configurable: true });
      const at = (left: number, top: number, w: number, h: number) => {
        const el = win.document.createElement('div');
        win.document.body.append(el);
        el.getBoundingClientRect = () => new win.DOMRect(left, top, w, h);
        return el;
      };
      // The demo's table and Redeem button as Chromium lays them out at this width.
      const rows = [at(253, 306, width - 298, 52), at(253, 358, width - 298, 52)];
      const redeemButton = at(width - 175, 200, 130, 32);
      const list = emptySnapshot({ view: 'promotions', accountId: '111' });
      state.set(
        stateOf(list, {
          redeemButton,
          promotionRows: rows.map((row, i) => ({ row, name: `Offer ${i}`, status: 'earning' as const })),
        }),
      );
      await drawn();
      expect(container.querySelector('[data-part="panel"]')).toBeNull();
      const tab = container.querySelector<HTMLButtonElement>('[data-part="tab"]')!;
      tab.click();
      await drawn();
      expect(container.querySelector('[data-part="panel"]')).not.toBeNull();
    }
  });

  it("reads the page's layout at the next frame, not in the task that published the page state", async () => {
    const { win, container, state, drawn } = setup();
    await drawn();
    const dialog = win.document.createElement('div');
    win.document.body.append(dialog);
    let layoutReads = 0;
    dialog.getBoundingClientRect = () => {
      layoutReads += 1;
      return new win.DOMRect(800, 100, 400, 300);
    };
    const open = emptySnapshot({
      accountId: '111',
      redeem: { open: true, code: null, error: null, succeeded: false },
    });
    state.set(stateOf(open, { dialog }));
    state.set(stateOf(open, { dialog }));
    expect(layoutReads).toBe(0);
    await drawn();
    expect(layoutReads).toBeGreaterThan(0);
    expect(container.querySelector('[data-part="panel"]')!.getAttribute('data-side')).toBe('left');
  });

  it('goes away with its page', async () => {
    const { container, state, stop, drawn } = setup();
    state.set(stateOf(payment('111')));
    await drawn();
    stop();
    expect(container.childElementCount).toBe(0);
  });
});

describe('overlay layer', () => {
  it('one host element with no id or class, its shadow root closed to the page', () => {
    const win = pageWindow(URL_A, blank);
    const layer = createLayer(win.document);
    const part = layer.mount();
    const hosts = win.document.getElementsByTagName(HOST_TAG);
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    expect(host.attributes).toHaveLength(0);
    expect(host.shadowRoot).toBeNull();
    expect(win.document.contains(part)).toBe(false);
    expect(layer.owns(host)).toBe(true);
    expect(layer.owns(win.document.body)).toBe(false);
    layer.remove();
    expect(win.document.getElementsByTagName(HOST_TAG)).toHaveLength(0);
  });
});
