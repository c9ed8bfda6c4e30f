import { describe, expect, it } from 'vitest';
import { outline, outlinedElement } from '../../src/content/features/outline.ts';
import { emptySnapshot, fakeDeps, mountFeature, pageWindow, rendered, stateOf } from './content.harness.ts';

const URL_A = 'https://ads.tiktok.com/i18n/account/payment?aadvid=111';
const page = '<!DOCTYPE html><html lang="en"><head></head><body><button>Redeem coupon</button></body></html>';
const payment = emptySnapshot({ accountId: '111', balance: { total: 10, cash: 10, credit: 0 } });

describe('outline of the next element', () => {
  it('follows the element: placed around it, moved after a scroll, hidden when it goes away', async () => {
    const win = pageWindow(URL_A, page);
    const button = win.document.querySelector('button')!;
    let top = 100;
    button.getBoundingClientRect = () => new win.DOMRect(40, top, 120, 32);
    const { deps, frames } = fakeDeps();
    const { container, state } = mountFeature(outline, win, deps);
    const box = container.querySelector<HTMLElement>('[data-part="outline"]')!;
    expect(box.hidden).toBe(true);

    const s = stateOf(payment, { redeemButton: button });
    expect(outlinedElement(s)).toBe(button);
    state.set(s);
    frames.frame();
    expect(box.hidden).toBe(false);
    expect([box.style.left, box.style.top, box.style.width, box.style.height]).toEqual([
      '36px',
      '96px',
      '128px',
      '40px',
    ]);

    top = 20;
    win.dispatchEvent(new win.Event('scroll'));
    win.dispatchEvent(new win.Event('scroll'));
    expect(frames.pending()).toBe(1);
    frames.frame();
    expect(box.style.top).toBe('16px');

    button.remove();
    state.set(stateOf(payment, { redeemButton: button }));
    frames.frame();
    expect(box.hidden).toBe(true);
    await rendered();
  });

  it('outlines nothing when the step has no element (or the page lacks it)', () => {
    expect(outlinedElement(stateOf(payment))).toBeNull();
    expect(outlinedElement(null)).toBeNull();
  });
});
