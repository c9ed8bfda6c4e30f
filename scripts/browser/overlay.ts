// Reads what our on-page panel shows. The panel lives in a closed shadow root that page scripts (and
// Playwright's locators) cannot enter; the DevTools protocol can, so the tests see what a user sees.
import type { Page } from 'playwright-core';

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const HOST = 'AD-CREDIT-GUIDE';

function collectText(node: DomNode, out: string[]): void {
  if (node.nodeName === 'STYLE') return;
  if (node.nodeType === 3 && node.nodeValue?.trim()) out.push(node.nodeValue.trim());
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) collectText(child, out);
}

function findHost(node: DomNode): DomNode | null {
  if (node.nodeName === HOST) return node;
  for (const child of node.children ?? []) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

/** The panel's visible text joined by spaces, or null when the page has no panel of ours. */
export async function overlayText(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = findHost(root);
    if (!host) return null;
    const out: string[] = [];
    collectText(host, out);
    return out.join(' ');
  } finally {
    await cdp.detach();
  }
}
