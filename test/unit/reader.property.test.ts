// On fixture pages mutated at random the reader never throws and always returns a valid snapshot.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { readPage } from '../../src/core/page/read.ts';
import { PageSnapshot } from '../../src/core/schemas.ts';
import { parseHtml } from '../support/dom.ts';

const DIR = join(import.meta.dirname, '../fixtures/pages');
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(join(DIR, f), 'utf8'));

type Mutation =
  | { kind: 'remove'; at: number }
  | { kind: 'shuffle'; at: number; seed: number }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'strip'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: fc.string({ maxLength: 30 }) }),
  fc.record({ kind: fc.constant('strip' as const), at: fc.nat() }),
);

function allNodes(doc: Document, show: number): Node[] {
  const out: Node[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, show);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
}

function mutate(doc: Document, m: Mutation): void {
  if (m.kind === 'text') {
    const texts = allNodes(doc, 0x4);
    const node = texts[m.at % Math.max(texts.length, 1)];
    if (node) node.nodeValue = m.text;
    return;
  }
  const elements = allNodes(doc, 0x1) as Element[];
  const el = elements[m.at % Math.max(elements.length, 1)];
  if (!el) return;
  if (m.kind === 'remove') el.parentNode?.removeChild(el);
  else if (m.kind === 'strip') for (const name of el.getAttributeNames()) el.removeAttribute(name);
  else {
    const children = Array.from(el.childNodes);
    let s = m.seed;
    for (let i = children.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) >>> 0;
      const j = s % (i + 1);
      [children[i], children[j]] = [children[j]!, children[i]!];
    }
    for (const c of children) el.appendChild(c);
  }
}

describe('reader on mutated fixture pages', () => {
  it('never throws and always returns a snapshot the schema accepts', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: pages.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 25 }),
        fc.option(fc.webUrl(), { nil: null }),
        (page, mutations, url) => {
          const doc = parseHtml(pages[page]!);
          for (const m of mutations) mutate(doc, m);
          const snapshot = readPage(doc, url);
          const parsed = PageSnapshot.safeParse(snapshot);
          expect(parsed.success, parsed.error?.message).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('survives documents that are barely pages at all', () => {
    for (const html of [
      '',
      '<p>hi',
      '<table><tr><td>USD 5</td></tr></table>',
      '<div role="dialog"><input></div>',
    ])
      expect(PageSnapshot.safeParse(readPage(parseHtml(html), 'not a url')).success).toBe(true);
  });
});
