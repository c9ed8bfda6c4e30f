// Our one element in the page: a host with a closed shadow root. The page's scripts cannot reach into
// it and its styles do not apply inside; ours stay inside. The host has no id or class for the page to
// collide with, and every feature renders into its own part of the root.
import STYLES from './overlay.css?inline';

/** A custom-element name (never defined: the name alone keeps page selectors like `div` off it). */
export const HOST_TAG = 'ad-credit-guide';

/**
 * Events that carry what is typed. A page's listeners in the capture phase on the window or document run
 * before the host's and still see a key's value (not the text box, which the closed root hides):
 * SECURITY.md says so.
 */
export const TYPING_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'copy',
  'cut',
] as const;

export interface Layer {
  /** A new container for one feature, inside the shadow root. */
  mount(): HTMLElement;
  /** Is this node ours (so mutations of it are not page changes)? */
  owns(node: Node): boolean;
  remove(): void;
}

export function createLayer(doc: Document): Layer {
  // A host still here is one an older content script left (an update stopped it before it could remove
  // it, or it predates stopping at all): this one replaces it, so the page never shows two panels.
  for (const stale of doc.querySelectorAll(HOST_TAG)) stale.remove();
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLES;
  root.append(style);
  // Keys, text and IME composition typed into our boxes (the offer terms) cross the closed root, retargeted
  // to the host: stopped here, the page's own listeners on the way up never hear them.
  for (const type of TYPING_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  // Outside <body>: single-page apps replace the body's content, not the document element's children.
  doc.documentElement.append(host);
  return {
    mount() {
      const part = doc.createElement('div');
      root.append(part);
      return part;
    },
    owns: (node) => node === host || host.contains(node),
    remove: () => host.remove(),
  };
}
