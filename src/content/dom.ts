// The overlay is drawn with the DOM alone: the content script loads on every Ads Manager page, and a UI
// library there would weigh more than these few helpers. Each feature makes its nodes once and brings
// them up to date in place, so a new page state (several a second) leaves focus, the caret and a screen
// reader's place where they were. Text goes in as Text nodes only: page text never becomes markup.

/** Present when true, absent when false, null or undefined. */
export type AttrValue = string | boolean | null | undefined;
/** Attributes by name; an `on…` name takes a listener for that event instead (`onclick`, `onkeydown`). */
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

export type Build = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: Array<Node | string>
) => HTMLElementTagNameMap[K];

/** An element builder for `doc`, the page's document (our layer lives in its shadow root). */
export function builder(doc: Document): Build {
  return (tag, attrs = {}, ...children) => {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (typeof value === 'function') el.addEventListener(name.slice(2), value);
      else setAttrs(el, { [name]: value });
    }
    el.append(...children);
    return el;
  };
}

// Only what differs is written: rewriting the same text in a live region would have it read out again.

export function setAttrs(el: Element, attrs: Record<string, AttrValue>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else {
      const text = value === true ? '' : value;
      if (el.getAttribute(name) !== text) el.setAttribute(name, text);
    }
  }
}

export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Makes `parent`'s children exactly `children` (null and false left out), in that order. A node already
 * in its place is not touched: moving or re-inserting one would take the focus out of it.
 */
export function setChildren(parent: Node, children: ReadonlyArray<Node | null | false>): void {
  let at = parent.firstChild;
  for (const child of children) {
    if (!child) continue;
    if (child === at) at = at.nextSibling;
    else parent.insertBefore(child, at);
  }
  while (at) {
    const next = at.nextSibling;
    parent.removeChild(at);
    at = next;
  }
}

/** An item's node, and how to bring it up to date when the item changes (none for an item that cannot). */
export interface Part<T> {
  node: Node;
  update?(item: T): void;
}

/**
 * The nodes of a list, one per item, kept from call to call by the item's key: an item still there keeps
 * its node (updated), a new one gets a new node, and the nodes of items gone are dropped. Items with the
 * same key each get their own node, in order.
 */
export function keyed<T>(keyOf: (item: T) => unknown, create: (item: T) => Part<T>) {
  let parts = new Map<unknown, Array<Part<T>>>();
  return (items: readonly T[]): Node[] => {
    const next = new Map<unknown, Array<Part<T>>>();
    const nodes = items.map((item) => {
      const key = keyOf(item);
      const part = parts.get(key)?.shift() ?? create(item);
      part.update?.(item);
      const same = next.get(key);
      if (same) same.push(part);
      else next.set(key, [part]);
      return part.node;
    });
    parts = next;
    return nodes;
  };
}
