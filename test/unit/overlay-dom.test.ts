import { describe, expect, it } from 'vitest';
import { builder, keyed, setAttrs, setChildren, setText } from '../../src/content/dom.ts';
import type { Win } from '../../src/content/types.ts';
import { pageWindow } from './content.harness.ts';

const blank = '<!DOCTYPE html><html lang="en"><head></head><body></body></html>';
const HOSTILE = '<img src=x onerror="alert(1)">';

function page() {
  const win = pageWindow('https://ads.tiktok.com/i18n/account/payment', blank);
  return { win, doc: win.document, el: builder(win.document) };
}

/** The very same nodes, in the same order (toEqual would accept look-alikes). */
const same = (nodes: ArrayLike<Node>, expected: ReadonlyArray<Node | undefined>) =>
  nodes.length === expected.length && Array.from(nodes).every((n, i) => n === expected[i]);

/** The mutations `run` makes below `root`, as MutationObserver reports them. */
async function mutations(win: Win, root: Node, run: () => void): Promise<number> {
  let count = 0;
  const observer = new win.MutationObserver((records) => (count += records.length));
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  run();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return count;
}

describe('overlay DOM helpers', () => {
  it('builds an element with attributes, listeners and children, text as text', () => {
    const { doc, el } = page();
    let clicks = 0;
    const button = el(
      'button',
      {
        type: 'button',
        'aria-label': HOSTILE,
        hidden: true,
        disabled: false,
        title: null,
        onclick: () => clicks++,
      },
      HOSTILE,
      el('span', {}, 'inside'),
    );
    expect(button.ownerDocument).toBe(doc);
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-label')).toBe(HOSTILE);
    expect(button.getAttribute('hidden')).toBe('');
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(button.hasAttribute('title')).toBe(false);
    expect(button.hasAttribute('onclick')).toBe(false);
    expect(button.childNodes[0]!.nodeType).toBe(doc.TEXT_NODE);
    expect(button.textContent).toBe(`${HOSTILE}inside`);
    expect(button.querySelector('img')).toBeNull();
    button.click();
    expect(clicks).toBe(1);
  });

  it('writes only the attributes and text that differ', async () => {
    const { win, el } = page();
    const p = el('p', { 'data-state': 'todo', 'aria-current': 'step' }, 'Enter the code');
    const text = p.firstChild;
    expect(
      await mutations(win, p, () => {
        setAttrs(p, { 'data-state': 'todo', hidden: false });
        setText(p, 'Enter the code');
      }),
    ).toBe(0);
    expect(p.firstChild).toBe(text);

    setAttrs(p, { 'data-state': 'done', 'aria-current': null, hidden: true });
    setText(p, HOSTILE);
    expect(p.getAttribute('data-state')).toBe('done');
    expect(p.hasAttribute('aria-current')).toBe(false);
    expect(p.getAttribute('hidden')).toBe('');
    expect(p.textContent).toBe(HOSTILE);
    expect(p.children).toHaveLength(0);
  });

  it('sets children in order, leaving the ones in place untouched and the focus where it was', async () => {
    const { win, doc, el } = page();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => el('button', { name }));
    const parent = el('div', {}, a!, b!, c!);
    doc.body.append(parent);
    b!.focus();
    expect(await mutations(win, parent, () => setChildren(parent, [a!, b!, c!]))).toBe(0);

    setChildren(parent, [a!, null, b!, false, d!]);
    expect(same(parent.children, [a, b, d])).toBe(true);
    expect(doc.activeElement).toBe(b);

    setChildren(parent, [d!, a!]);
    expect(same(parent.children, [d, a])).toBe(true);
    setChildren(parent, []);
    expect(parent.childNodes).toHaveLength(0);
  });

  it('keeps one node per key across calls, updated, and drops the nodes of items gone', () => {
    const { el } = page();
    let made = 0;
    const items = keyed(
      (item: { id: string; label: string }) => item.id,
      () => {
        made += 1;
        const li = el('li');
        return { node: li, update: (item) => setText(li, item.label) };
      },
    );
    const first = items([
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ]);
    const second = items([
      { id: 'b', label: 'B2' },
      { id: 'c', label: 'C' },
      { id: 'a', label: 'A' },
    ]);
    expect(made).toBe(3);
    expect(same(second, [first[1], second[1], first[0]])).toBe(true);
    expect(first).not.toContain(second[1]);
    expect(second.map((n) => n.textContent)).toEqual(['B2', 'C', 'A']);
    // A repeated key gets a node of its own; 'c', left out, is dropped.
    const third = items([
      { id: 'a', label: 'A' },
      { id: 'a', label: 'A again' },
      { id: 'b', label: 'B' },
    ]);
    expect(made).toBe(4);
    expect(same(third, [first[0], third[1], first[1]])).toBe(true);
    expect(third[1]).not.toBe(first[0]);
    expect(third.map((n) => n.textContent)).toEqual(['A', 'A again', 'B']);
    expect(items([{ id: 'c', label: 'C' }])[0]).not.toBe(second[1]);
    expect(made).toBe(5);
  });
});
