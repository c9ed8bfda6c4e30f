// Random damage to a parsed page, for tests that prove the reader copes with pages it was not built
// for: elements removed, children shuffled, text replaced, attributes stripped. A mutation names its
// target by index modulo the live node count, so any number picks some node on any page.
import fc from 'fast-check';

export type Mutation =
  | { kind: 'remove'; at: number }
  | { kind: 'shuffle'; at: number; seed: number }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'strip'; at: number };

/** Mutations with replacement text drawn from `text` (default: short arbitrary strings). */
export function mutationArb(
  text: fc.Arbitrary<string> = fc.string({ maxLength: 30 }),
): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('shuffle' as const), at: fc.nat(), seed: fc.nat() }),
    fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text }),
    fc.record({ kind: fc.constant('strip' as const), at: fc.nat() }),
  );
}

function allNodes(doc: Document, show: number): Node[] {
  const out: Node[] = [];
  if (!doc.documentElement) return out;
  const walker = doc.createTreeWalker(doc.documentElement, show);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
}

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

export function mutate(doc: Document, m: Mutation): void {
  if (m.kind === 'text') {
    const texts = allNodes(doc, SHOW_TEXT);
    const node = texts[m.at % Math.max(texts.length, 1)];
    if (node) node.nodeValue = m.text;
    return;
  }
  const elements = allNodes(doc, SHOW_ELEMENT) as Element[];
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
