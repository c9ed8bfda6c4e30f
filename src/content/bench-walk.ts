// The least any reader must do on a page: one TreeWalker pass over its text, touching each text node's
// data. `npm run bench` divides the content script's first read of a page by this walk, and for the ratio
// to mean anything both must run in the same world: the content script's isolated world, where every
// DOM node the script touches gets wrappers of that world's own (the walk there costs several times the
// page world's). Bench builds only (VITE_ACG_TIMING=1): a page carrying `data-acg-bench-walk` has its
// text walked once, before anything of ours has touched it, and an `acg:walk` measure left; shipped
// builds carry none of this.
//
// Beside it, the least a reader that goes by structure must do (`data-acg-bench-walk="structure"`): the
// same pass over elements as well as text, asking each element its tag, its parent and the names of
// its attributes (roles, ARIA states, hiding). No reading yet: the bench reports it beside the text
// walk, so the share of the first read that is the isolated world's price per element is in figures.
import { userTiming } from './schedule.ts';

const SHOW_TEXT = 0x4;
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;

/** Returns the total text length so that no engine can drop the walk as dead code. */
export function textWalk(doc: Document): number {
  const walker = doc.createTreeWalker(doc.documentElement, SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return chars;
}

/** Returns a count of what it looked at, for the same reason. */
export function structureWalk(doc: Document): number {
  const walker = doc.createTreeWalker(doc.documentElement, SHOW_ELEMENTS_AND_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const tag: unknown = (node as Element).localName;
    if (node.parentNode !== null) seen++;
    if (typeof tag !== 'string') seen += (node as Text).data.length;
    else if ((node as Element).hasAttributes()) seen += (node as Element).getAttributeNames().length;
  }
  return seen;
}

export function benchWalk(doc: Document): void {
  if (import.meta.env.VITE_ACG_TIMING !== '1') return;
  const kind = doc.documentElement.getAttribute('data-acg-bench-walk');
  if (kind === null) return;
  const start = performance.now();
  if (kind === 'structure') structureWalk(doc);
  else textWalk(doc);
  userTiming(performance).measure('walk', start);
}
