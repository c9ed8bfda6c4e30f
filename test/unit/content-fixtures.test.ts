// The content script over the shared fixture pages, with the real reader and the real checklist: which
// step is current and which element gets the outline, as the advertiser would see it.
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { FEATURES } from '../../src/content/features/index.ts';
import { outlinedElement } from '../../src/content/features/outline.ts';
import { diagnose } from '../../src/core/diagnosis/index.ts';
import { finishSnapshot } from '../../src/core/page/row-values.ts';
import { translatorFrom } from '../../src/core/i18n.ts';
import { pageReader as reader } from '../../src/content/reader.ts';
import { HOST_TAG } from '../../src/content/layer.ts';
import type { Feature, PageState, Win } from '../../src/content/types.ts';
import { watchPages } from '../../src/content/watch.ts';
import { fakeDeps, fixtureHtml, fixtureSnapshot, pageWindow, savedUrl, settle } from './content.harness.ts';

const t = translatorFrom(en);

function open(name: string, features: readonly Feature[] = [], edit = (html: string) => html) {
  const html = edit(fixtureHtml(name));
  const win = pageWindow(savedUrl(html), html);
  // Only here: open the shadow root so the test can read what the advertiser would see.
  const attach = win.Element.prototype.attachShadow;
  win.Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: 'open' });
  };
  const { deps, frames, sent, worker } = fakeDeps({ reader, t });
  // The worker diagnoses a refused code with core diagnosis, as the real one does.
  worker.reasons = (m) =>
    diagnose(
      { ...m, snapshot: m.snapshot ? finishSnapshot(m.snapshot) : null, now: '2026-11-24T12:00:00.000Z' },
      t,
    ).reasons;
  let state: PageState | null = null;
  const probe: Feature = {
    name: 'probe',
    init: (signal, ctx) => ctx.state.subscribe((s) => (state = s), signal),
  };
  watchPages(win, deps, [...features, probe]);
  drain(frames);
  return { win, sent, frames, state: () => state! };
}

/**
 * Runs frames until the content script has nothing left to do: a read goes a slice of wall-clock time per
 * frame, so how many frames it takes depends on how busy the machine is, never on what the page shows.
 */
function drain(frames: { pending(): number; frame(): void }) {
  for (let i = 0; i < 100 && frames.pending() > 0; i++) frames.frame();
}

const overlay = (win: Win) => win.document.getElementsByTagName(HOST_TAG)[0]!.shadowRoot!;

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
  it.each(CASES)('%s: current step %s, outlines %s', async (fixture, current, outlined) => {
    const { state, sent, frames } = open(fixture);
    // As the page shows it once the worker has read it (a success waits for that: see withDialogRead).
    await settle();
    drain(frames);
    const s = state();
    expect(finishSnapshot(s.snapshot)).toMatchObject({
      ...fixtureSnapshot(fixture),
      warnings: expect.any(Array),
    });
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
    drain(frames);
    expect(state().checklist.steps[2]!.instructionKey).toBe('steps_doTypeCode');
    expect(describeElement(outlinedElement(state()))).toBe('input:Enter coupon code');

    const input = win.document.querySelector('input#coupon-code-input') as HTMLInputElement;
    input.value = 'TTADS-50OFF';
    input.dispatchEvent(new win.Event('input', { bubbles: true }));
    drain(frames);
    expect(describeElement(outlinedElement(state()))).toBe('button:Activate');
  });

  it('a refusal the page shows in words only: known once the worker has read it, then diagnosed', async () => {
    const { sent, frames, win, state } = open('en-redeem-error', FEATURES, (html) =>
      html.replace('role="alert"', 'data-was="alert"'),
    );
    const refusal = 'This code is invalid. Check the code and try again.';
    // The page's own read knows only what the markup marks: here, nothing.
    const snapshot = sent.find((m) => m.type === 'snapshot')!;
    expect(snapshot.snapshot.redeem).toMatchObject({ error: null, succeeded: false });
    expect(snapshot.snapshot.redeem!.heard).toContain(refusal);
    await settle();
    drain(frames);
    await settle();
    expect(state().snapshot.redeem).toMatchObject({ error: refusal, succeeded: false });
    expect(state().checklist.target).toBe('codeInput');
    expect(sent.filter((m) => m.type === 'redeem-attempt')).toEqual([
      expect.objectContaining({ code: 'TTADS-5O0FF', error: refusal, succeeded: false }),
    ]);
    expect(overlay(win).querySelector('[data-part="card"]')!.textContent).toContain(
      diagnose({ code: 'TTADS-5O0FF', error: refusal, lang: 'en', now: '2026-11-24T12:00:00.000Z' }, t)
        .reasons[0]!.fix,
    );
  });

  it('a refused code: sent to the worker once, its diagnosis shown beside the dialog', async () => {
    const { sent, frames, win } = open('en-redeem-error', FEATURES);
    const attempts = () => sent.filter((m) => m.type === 'redeem-attempt');
    expect(attempts()).toHaveLength(1);
    expect(attempts()[0]).toMatchObject({
      code: 'TTADS-5O0FF',
      error: 'This code is invalid. Check the code and try again.',
      accountId: '7305550198765432101',
      succeeded: false,
      snapshot: { view: 'payment' },
    });
    await settle();
    const reasons = diagnose(
      { ...fixtureSnapshot('en-redeem-error').redeem!, now: '2026-11-24T12:00:00.000Z', lang: 'en' },
      t,
    ).reasons;
    expect(reasons[0]!.id).toBe('code-typo');
    const card = overlay(win).querySelector('[data-part="card"]')!;
    expect(card.textContent).toContain(reasons[0]!.fix);
    expect(card.textContent).toContain(reasons[0]!.evidence[0]);

    // The page re-renders the same error: nothing new is sent.
    win.document.querySelector('[role="alert"]')!.append(win.document.createTextNode(''));
    await settle();
    drain(frames);
    expect(attempts()).toHaveLength(1);
  });

  it('an accepted code on the page: "Promotion saved" and the terms box', async () => {
    const { win } = open('ja-payment', FEATURES);
    await settle();
    const card = overlay(win).querySelector('[data-part="card"]')!;
    expect(card.querySelector('h2')!.textContent).toBe(t('overlay_saved'));
    expect(card.querySelector('textarea')).not.toBeNull();
  });

  it('each earning row of the list is found with its name, for the annotations', () => {
    const { state } = open('en-promotions-earning');
    expect(state().targets.promotionRows.map((r) => r.name)).toEqual([
      'Spend 50 Get 50 - New advertiser',
      'Holiday spend bonus',
    ]);
  });
});
