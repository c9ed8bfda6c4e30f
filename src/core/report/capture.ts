// A page's structure as the reader sees it, copied out of a live Document: tags, roles, aria-*, hidden,
// colspan/rowspan, class names and whether each element is shown. Nothing that runs, loads or links is
// copied (scripts, handlers, styles, images, frames, link targets), and no form value but the redeem
// code's. Values are copied as they are: redact.ts turns every text into its redacted shape afterwards.

import { styleRuleHider } from '../page/cascade.ts';
import { hidingDeclaration } from '../page/hiding.ts';

/** The review page's request to a tab's content script for its page (core/messages.ts validates the answer). */
export const REPORT_CAPTURE = 'report-capture';

/** Is the element shown to the user? The extension asks the browser's computed style; the CLI the markup. */
export type Shown = (el: Element) => boolean;

export interface CapturedElement {
  tag: string;
  /** Kept attributes only, in page order. */
  attrs: Array<[name: string, value: string]>;
  /** Hidden here while its parent is shown: where the page starts hiding a subtree. */
  hides: boolean;
  children: CapturedNode[];
}

export type CapturedNode = CapturedElement | { text: string };

/** What each element the page hid is marked on itself (`hides`): the page's style rules are not needed. */
export interface Capture {
  root: CapturedElement;
}

export interface CaptureOptions {
  shown: Shown;
  /** The redeem dialog's code field: the only form value kept (as its shape, once redacted). */
  codeInput: Element | null;
  /** Elements that are not the page's (the extension's own host element). */
  skip?: (el: Element) => boolean;
}

/** Elements dropped with everything inside them: they run, load, draw or are not page text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'link',
  'meta',
  'base',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'map',
  'area',
  'portal',
  'slot',
]);

/** Attributes copied as they are: structure the reader or a maintainer uses, never page data. */
export const STRUCTURAL_ATTRIBUTES = new Set([
  'role',
  'hidden',
  'colspan',
  'rowspan',
  'class',
  'lang',
  'dir',
  'type',
  'open',
  'disabled',
  'scope',
  'span',
  'aria-hidden',
  'aria-selected',
  'aria-current',
  'aria-expanded',
  'aria-checked',
  'aria-disabled',
  'aria-pressed',
  'aria-level',
  'aria-modal',
  'aria-haspopup',
  'aria-live',
  'aria-sort',
  'aria-orientation',
  'aria-autocomplete',
  'aria-multiselectable',
  'aria-readonly',
  'aria-required',
  'aria-invalid',
  'aria-busy',
  'aria-atomic',
  'aria-relevant',
  'aria-rowindex',
  'aria-colindex',
  'aria-rowcount',
  'aria-colcount',
  'aria-rowspan',
  'aria-colspan',
  'aria-setsize',
  'aria-posinset',
]);

/** Attributes that say something in words or numbers: copied, then redacted like page text. */
export const TEXT_ATTRIBUTES = new Set([
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'aria-valuenow',
  'aria-valuemin',
  'aria-valuemax',
  'aria-braillelabel',
]);

/** Attributes naming other elements by id: copied, then renamed consistently. */
export const REFERENCE_ATTRIBUTES = new Set([
  'id',
  'for',
  'headers',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-activedescendant',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
]);

const TAG_NAME = /^[a-z][a-z0-9-]*$/;

export function capturePage(doc: Document, options: CaptureOptions): Capture {
  const root = doc.documentElement;
  return {
    root: root ? captureElement(root, true, options) : { tag: 'html', attrs: [], hides: false, children: [] },
  };
}

function captureElement(el: Element, parentShown: boolean, options: CaptureOptions): CapturedElement {
  const tag = el.localName.toLowerCase();
  // The head is never shown; only its title says something the reader uses.
  const inHead = tag === 'head';
  const shown = inHead || tag === 'html' || options.shown(el);
  const attrs: Array<[string, string]> = [];
  for (const { name, value } of Array.from(el.attributes)) {
    const n = name.toLowerCase();
    if (STRUCTURAL_ATTRIBUTES.has(n) || TEXT_ATTRIBUTES.has(n) || REFERENCE_ATTRIBUTES.has(n))
      attrs.push([n, value]);
  }
  if (el === options.codeInput) {
    const live = (el as { value?: unknown }).value;
    const value = typeof live === 'string' ? live : (el.getAttribute('value') ?? '');
    if (value !== '') attrs.push(['value', value]);
  }
  const children: CapturedNode[] = [];
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) {
      // Text areas hold what the user typed: a form value, not page wording.
      if (tag === 'textarea') continue;
      // Adjacent texts are one text (a parser may cut one at an entity: "R$&nbsp;250,00"), as a reader sees it.
      const last = children.at(-1);
      if (last && 'text' in last) last.text += child.nodeValue ?? '';
      else children.push({ text: child.nodeValue ?? '' });
      continue;
    }
    if (child.nodeType !== 1) continue;
    const c = child as Element;
    const name = c.localName.toLowerCase();
    if (!TAG_NAME.test(name) || DROPPED.has(name) || options.skip?.(c)) continue;
    if (inHead && name !== 'title') continue;
    children.push(captureElement(c, shown, options));
  }
  return { tag, attrs, hides: parentShown && !shown, children };
}

/**
 * Shown as the markup says, for a Document no browser laid out (the command line): not the hidden
 * attribute, an inline display:none, or the page's style rules as the reader cascades them. The extension
 * asks the computed style instead.
 */
export function shownByMarkup(doc: Document): Shown {
  const hides = styleRuleHider(doc);
  return (el) =>
    !el.hasAttribute('hidden') &&
    !hidingDeclaration(el.getAttribute('style') ?? '') &&
    !(hides?.(el) ?? false);
}
