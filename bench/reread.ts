// What the content script pays once a page is read: a row changes (its name toggles, as the churn in
// extension.ts does) and the page is read again with the memo of the last read and the changed node.
import { newPageMemo, readPageAndTargets } from '../src/core/page/read.ts';

const SHOW_TEXT = 0x4;

/** A function that changes one more row and reads the page again, row after row. */
export function rereadOneRow(doc: Document, url: string): () => unknown {
  const memo = newPageMemo();
  readPageAndTargets(doc, url, memo);
  const names = [...doc.querySelectorAll('[role="row"], tr')]
    .slice(1)
    .map((row) => doc.createTreeWalker(row, SHOW_TEXT).nextNode() as Text | null)
    .filter((n): n is Text => n !== null);
  let next = 0;
  return () => {
    const name = names[next++ % names.length]!;
    name.data = name.data.endsWith(' ✓') ? name.data.slice(0, -2) : `${name.data} ✓`;
    return readPageAndTargets(doc, url, memo, [name]);
  };
}
