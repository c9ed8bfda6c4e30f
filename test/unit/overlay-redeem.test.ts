import { describe, expect, it } from 'vitest';
import { redeemHelp } from '../../src/content/features/redeem-help.ts';
import type { Win } from '../../src/content/types.ts';
import type { Reason } from '../../src/core/schemas.ts';
import {
  emptySnapshot,
  fakeDeps,
  mountFeature,
  pageWindow,
  record,
  settle,
  stateOf,
} from './content.harness.ts';

const URL_A = 'https://ads.tiktok.com/i18n/account/payment?aadvid=111';
const blank = '<!DOCTYPE html><html lang="en"><head></head><body></body></html>';
const HOSTILE = '<img src=x onerror="alert(1)">';

const REASONS: Reason[] = [
  { id: 'code-typo', likelihood: 0.8, evidence: ['the code has a letter O', HOSTILE], fix: 'Type a zero' },
  { id: 'code-expired', likelihood: 0.4, evidence: [], fix: 'Ask for a new code' },
  { id: 'not-recipient', likelihood: 0.3, evidence: [], fix: 'Use the account it was sent to' },
  { id: 'unknown', likelihood: 0.1, evidence: [], fix: 'Contact support' },
];

const dialog = (code: string | null, error: string | null, succeeded = false) =>
  emptySnapshot({ accountId: '111', redeem: { open: true, code, error, succeeded } });

function setup() {
  const win = pageWindow(URL_A, blank);
  const { deps, sent, worker } = fakeDeps();
  worker.reasons = () => REASONS;
  const m = mountFeature(redeemHelp, win, deps);
  return { win, deps, sent, worker, ...m };
}

describe('redeem help', () => {
  it('a refused code: the worker’s top three reasons with evidence and fix, page text as text only', async () => {
    const { container, state, sent } = setup();
    state.set(stateOf(dialog('TTADS-5O0FF', 'This code is invalid.')));
    expect(sent).toEqual([
      expect.objectContaining({
        type: 'redeem-attempt',
        code: 'TTADS-5O0FF',
        error: 'This code is invalid.',
        succeeded: false,
        lang: 'en',
        accountId: '111',
        snapshot: expect.objectContaining({ accountId: '111' }),
      }),
    ]);
    await settle();
    const card = container.querySelector('[data-part="card"]')!;
    expect(card.querySelector('h2')!.textContent).toBe('overlay_redeemFailed');
    const items = card.querySelectorAll(':scope > ol > li');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('the code has a letter O');
    expect(items[0]!.textContent).toContain('Type a zero');
    expect(items[0]!.textContent).toContain(HOSTILE);
    expect(card.querySelector('img')).toBeNull();
  });

  it('until (or if never) the worker answers: the general causes of a refused code', async () => {
    const { container, state, worker } = setup();
    worker.accepts = () => false;
    state.set(stateOf(dialog('TTADS-5O0FF', 'This code is invalid.')));
    await settle();
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual([
      'steps_pitfallTypos',
      'steps_pitfallExpiry',
      'steps_pitfallEligibility',
    ]);
  });

  it('sends each distinct attempt to the worker once, however often the page re-renders', async () => {
    const { state, sent } = setup();
    for (let i = 0; i < 5; i++) state.set(stateOf(dialog('TTADS-5O0FF', 'This code is invalid.')));
    await settle();
    state.set(stateOf(dialog('TTADS-5O0FF', 'This code has expired.')));
    state.set(stateOf(dialog('TTADS-5O0FF', 'This code has expired.')));
    await settle();
    expect(sent.map((m) => m.type === 'redeem-attempt' && m.error)).toEqual([
      'This code is invalid.',
      'This code has expired.',
    ]);
  });

  it('nothing while the dialog is closed, empty or waiting for Activate', async () => {
    const { container, state, sent } = setup();
    state.set(stateOf(emptySnapshot({ redeem: { open: false, code: null, error: null, succeeded: false } })));
    state.set(stateOf(dialog(null, null)));
    state.set(stateOf(dialog('ABC', null)));
    await settle();
    expect(container.querySelector('[data-part="card"]')).toBeNull();
    expect(sent).toHaveLength(0);
  });

  it('an accepted code without terms on the page: "Promotion saved" and a box for the terms', async () => {
    const { win, container, state, sent } = setup();
    state.set(
      stateOf(dialog('TTJP-NEW10K', null, true), {}, [record({ code: 'TTJP-NEW10K', termsNeeded: true })]),
    );
    expect(sent).toEqual([expect.objectContaining({ type: 'redeem-attempt', succeeded: true, error: null })]);
    const card = container.querySelector('[data-part="card"]')!;
    expect(card.querySelector('h2')!.textContent).toBe('overlay_saved');
    const textarea = card.querySelector('textarea')!;
    expect(textarea.closest('label')!.textContent).toContain('overlay_termsPrompt');
    type(win, textarea, 'Spend $50 within 30 days, get $50 in ad credit');
    submit(win, card);
    await settle();
    expect(sent.at(-1)).toEqual({
      type: 'terms-text',
      accountId: '111',
      code: 'TTJP-NEW10K',
      text: 'Spend $50 within 30 days, get $50 in ad credit',
      lang: 'en',
    });
    expect(container.textContent).toContain('overlay_termsSaved');
    expect(container.querySelector('textarea')).toBeNull();
  });

  it('the page read again while terms are typed: the box keeps its text, its caret and the focus', async () => {
    const { win, container, state } = setup();
    const accepted = () => stateOf(dialog('C1', null, true));
    state.set(accepted());
    const card = container.querySelector('[data-part="card"]')!;
    const textarea = container.querySelector('textarea')!;
    textarea.focus();
    type(win, textarea, 'Spend 50 get 50');
    textarea.setSelectionRange(5, 5);
    for (let i = 0; i < 3; i++) state.set(accepted());
    await settle();
    expect(container.querySelector('[data-part="card"]')).toBe(card);
    expect(container.querySelector('textarea')).toBe(textarea);
    expect(win.document.activeElement).toBe(textarea);
    expect(textarea.value).toBe('Spend 50 get 50');
    expect(textarea.selectionStart).toBe(5);
  });

  it('an accepted code whose terms the page showed: no box', () => {
    const { container, state } = setup();
    state.set(
      stateOf(dialog('TTJP-NEW10K', null, true), {}, [record({ code: 'TTJP-NEW10K', termsNeeded: false })]),
    );
    expect(container.textContent).toContain('overlay_saved');
    expect(container.querySelector('textarea')).toBeNull();
  });

  it('terms the worker could not keep: says so and keeps the text for another try', async () => {
    const { win, container, state, worker } = setup();
    worker.accepts = (m) => m.type !== 'terms-text';
    state.set(stateOf(dialog('C1', null, true)));
    type(win, container.querySelector('textarea')!, 'Spend 50 get 50');
    submit(win, container);
    await settle();
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('overlay_termsFailed');
    expect(container.querySelector('textarea')!.value).toBe('Spend 50 get 50');
  });
});

function type(win: Win, field: HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new win.Event('input', { bubbles: true }));
}

function submit(win: Win, within: ParentNode) {
  within.querySelector('form')!.dispatchEvent(new win.Event('submit', { bubbles: true, cancelable: true }));
}
