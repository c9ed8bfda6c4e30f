// The floor a label-based reader is measured against: one TreeWalker pass over every text node of the
// document. The content script's bench build walks with the very same function (src/content/bench-walk.ts).
export { textWalk as textFloor } from '../src/content/bench-walk.ts';
