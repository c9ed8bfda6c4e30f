// Outlines the element the current step needs (the Redeem coupon button, the code field, Activate,
// the Promotions link or a tab), found by its label, and follows it; steps aside when it goes away.
import { follow } from '../follow.ts';
import { visibleBox } from '../geometry.ts';
import type { Feature, PageState } from '../types.ts';

const PAD = 4;

/** The page element to outline for a state, or null. */
export function outlinedElement(state: PageState | null): Element | null {
  const target = state?.checklist.target;
  return target ? state.targets[target] : null;
}

export const outline: Feature = {
  name: 'outline',
  init(signal, { win, deps, layer, state }) {
    const box = layer.mount();
    box.setAttribute('data-part', 'outline');
    box.setAttribute('aria-hidden', 'true');
    box.hidden = true;
    let target: Element | null = null;

    const follower = follow(win, deps.schedule, signal, () => {
      const rect = visibleBox(target);
      box.hidden = !rect;
      if (!rect) return;
      box.style.left = `${rect.left - PAD}px`;
      box.style.top = `${rect.top - PAD}px`;
      box.style.width = `${rect.width + 2 * PAD}px`;
      box.style.height = `${rect.height + 2 * PAD}px`;
    });

    state.subscribe((s) => {
      target = outlinedElement(s);
      follower.observe(target ? [target] : []);
      follower.request();
    }, signal);
    signal.addEventListener('abort', () => box.remove());
  },
};
