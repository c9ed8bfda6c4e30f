// The floor a label-based reader is measured against: one TreeWalker pass over every text node of the
// document, touching each node's data. No reader can know what a page says for less.

const SHOW_TEXT = 0x4;

/** Returns the total text length so that no engine can drop the walk as dead code. */
export function textFloor(doc: Document): number {
  const walker = doc.createTreeWalker(doc.documentElement, SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return chars;
}
