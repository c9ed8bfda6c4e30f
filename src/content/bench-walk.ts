// The least any reader must do on a page: one TreeWalker pass over its text, touching each text node's
// data. `npm run bench` divides the content script's first read of a page by this walk, and for the ratio
// to mean anything both must run in the same world: the content script's isolated world, where every
// DOM node the script touches gets wrappers of that world's own (the walk there costs several times the
// page world's). Bench builds only (VITE_ACG_TIMING=1): a page carrying `data-acg-bench-walk` has its
// text walked once, before anything of ours has touched it, and an `acg:walk` measure left; shipped
// builds carry none of this.
import { userTiming } from './schedule.ts';

const SHOW_TEXT = 0x4;

/** Returns the total text length so that no engine can drop the walk as dead code. */
export function textWalk(doc: Document): number {
  const walker = doc.createTreeWalker(doc.documentElement, SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return chars;
}

export function benchWalk(doc: Document): void {
  if (import.meta.env.VITE_ACG_TIMING !== '1' || !doc.documentElement.hasAttribute('data-acg-bench-walk'))
    return;
  const start = performance.now();
  textWalk(doc);
  userTiming(performance).measure('acg:walk', start);
}
