// The content script over the shared fixture pages, with the real reader and the real checklist: which
// step is current and which element gets the outline, as the advertiser would see it.
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { FEATURES } from '../../src/content/features/index.ts';
import { outlinedElement } from '../../src/content/features/outline.ts';
import { diagnose } from '../../src/core/diagnosis/index.ts';
import { translatorFrom } from '../../src/core/i18n.ts';
import { detectView, locateTargets, readPage } from '../../src/core/page/read.ts';
import type { Feature, PageState } from '../../src/content/types.ts';
import { watchPages } from '../../src/content/watch.ts';
import { fakeDeps, fixtureHtml, fixtureSnapshot, pageWindow, savedUrl, settle } from './content.harness.ts';

const reader = { detectView, readPage, locateTargets };

const t = translatorFrom(en);

function open(name: string, features: readonly Feature[] = []) {
  const html = fixtureHtml(name);
  const win = pageWindow(savedUrl(html), html);
  const { deps, frames, sent } = fakeDeps({
    reader,
    diagnose: (c, history) => diagnose(c, t, history),
  });
  let state: PageState | null = null;
  const probe: Feature = {
    name: 'probe',
    init: (signal, ctx) => ctx.state.subscribe((s) => (state = s), signal),
  };
  watchPages(win, deps, [...features, probe]);
  frames.frame();
  return { win, sent, frames, state: () => state! };
}

/** How the outlined element identifies itself to the advertiser. */
function describeElement(el: Element | null): string | null {
  if (!el) return null;
  return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${(el.textContent ?? '').trim() || el.getAttribute('placeholder')}`;
}

const CASES: [fixture: string, current: string | null, outlined: string | null][] = [
  ['en-payment', 'enter-code', 'button:Redeem coupon'],
  ['en-redeem-error', 'enter-code', 'input:Enter coupon code'],
  ['ja-payment', null, null],
  ['en-promotions-earning', 'meet-minimum', null],
  ['es-promotions-earning', 'meet-minimum', null],
  ['en-promotions-available', null, null],
  ['en-promotions-not-available', 'check-balance', 'tab:Available(3)'],
];

describe('content script on the fixture pages', () => {
  it.each(CASES)('%s: current step %s, outlines %s', (fixture, current, outlined) => {
    const { state, sent } = open(fixture);
    const s = state();
    expect(s.snapshot).toMatchObject({ ...fixtureSnapshot(fixture), warnings: expect.any(Array) });
    expect(sent).toEqual([{ type: 'snapshot', snapshot: s.snapshot }]);
    expect(s.checklist.current).toBe(current);
    expect(describeElement(outlinedElement(s))).toBe(outlined);
  });

  it('redeeming on the payment page: the outline moves from the button to the field to Activate', async () => {
    const { win, state, frames } = open('en-payment');
    expect(state().targets.dialog).toBeNull();
    const root = win.document.querySelector<HTMLElement>('.byted-modal-root-ftLR9')!;
    root.removeAttribute('style');
    root.querySelector('[role="dialog"]')!.removeAttribute('aria-hidden');
    await settle();
    frames.frame();
    expect(state().checklist.steps[2]!.instructionKey).toBe('steps_doTypeCode');
    expect(describeElement(outlinedElement(state()))).toBe('input:Enter coupon code');

    const input = win.document.querySelector('input#coupon-code-input') as HTMLInputElement;
    input.value = 'TTADS-50OFF';
    input.dispatchEvent(new win.Event('input', { bubbles: true }));
    frames.frame();
    expect(describeElement(outlinedElement(state()))).toBe('button:Activate');
  });

  it('a refused code on the page reaches the worker once, with core diagnosis', async () => {
    const { sent, frames, win } = open('en-redeem-error', FEATURES);
    const attempts = () => sent.filter((m) => m.type === 'redeem-attempt');
    expect(attempts()).toHaveLength(1);
    const attempt = attempts()[0]!;
    expect(attempt).toMatchObject({
      code: 'TTADS-5O0FF',
      accountId: '7305550198765432101',
      succeeded: false,
    });
    if (attempt.type !== 'redeem-attempt') throw new Error('unreachable');
    expect(attempt.reasons[0]!.id).toBe('code-typo');
    expect(attempt.reasons[0]!.evidence.length).toBeGreaterThan(0);

    // The page re-renders the same error: nothing new is sent.
    win.document.querySelector('[role="alert"]')!.append(win.document.createTextNode(''));
    await settle();
    frames.frame();
    expect(attempts()).toHaveLength(1);
  });

  it('each earning row of the list is found with its name, for the annotations', () => {
    const { state } = open('en-promotions-earning');
    expect(state().targets.promotionRows.map((r) => r.name)).toEqual([
      'Spend 50 Get 50 - New advertiser',
      'Holiday spend bonus',
    ]);
  });
});
