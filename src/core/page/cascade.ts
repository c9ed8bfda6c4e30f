// How a page's own style rules hide an element in a document that computes no style: the command line's
// (linkedom) and the review page's (DOMParser). A browser's page asks the browser (scan.ts); here the
// rules of the page's <style> elements are cascaded as a browser would for the two properties that hide,
// display and visibility: !important first, then the more specific selector, then the later rule, and
// the element's own style attribute above any rule but an !important one. Bootstrap's tabs are the case
// in point: `.tab-content>.tab-pane{display:none}` hides every pane and the later, as specific
// `.tab-content>.active{display:block}` shows the selected one again.
import { styleRules } from './hiding.ts';
import { useStyleHider } from './scan.ts';

interface Declared {
  property: string;
  hides: boolean;
  important: boolean;
  /** The rule's selector's; an inline style's is Infinity, above any rule of the same importance. */
  specificity: number;
  /** Where the rule stands in the page's sheets: the later wins a tie. */
  order: number;
}

/** A display or visibility declaration: property, value, !important. */
const DECLARATION = /(?:^|;)\s*(display|visibility)\s*:\s*([^;!]*?)\s*(!\s*important\s*)?(?=;|$)/gi;
/** Specificity as one number: ids, then classes, then types (no selector has 1,000 of one). */
const ID = 1e6;
const CLASS = 1e3;
/** Selectors matched in one call. */
const LIST_CHUNK = 1000;

function declared(declarations: string, specificity: number, order: number): Declared[] {
  return Array.from(declarations.matchAll(DECLARATION), (m) => {
    const property = m[1]!.toLowerCase();
    const value = m[2]!.toLowerCase();
    return {
      property,
      hides: property === 'display' ? value === 'none' : value === 'hidden' || value === 'collapse',
      important: m[3] !== undefined,
      specificity,
      order,
    };
  });
}

/** A selector's specificity as one number (ids, classes, types); :not() and :is() weigh their argument. */
function specificity(selector: string): number {
  const s = selector
    .replace(/"[^"]*"|'[^']*'/g, '')
    .replace(/\[[^\]]*\]/g, '.a')
    .replace(/::[\w-]+(?:\([^)]*\))?/g, '')
    .replace(/:(?:not|is|has)\(/gi, '(')
    .replace(/:where\([^)]*\)/gi, '');
  const count = (re: RegExp) => s.match(re)?.length ?? 0;
  return count(/#[\w-]+/g) * ID + count(/\.[\w-]+|:[\w-]+/g) * CLASS + count(/(?:^|[\s>+~(])[a-z][\w-]*/gi);
}

function isSelector(doc: Document, selector: string): boolean {
  try {
    doc.documentElement?.matches(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * The document, its page's style rules now telling the reader what they hide (nothing changes for a
 * page whose rules hide nothing).
 */
export function withStyleRules<D extends Document>(doc: D): D {
  const hides = styleRuleHider(doc);
  if (hides) useStyleHider(doc, hides);
  return doc;
}

/** Whether the page's style rules hide an element, as cascaded above; null when they hide nothing. */
export function styleRuleHider(doc: Document): ((el: Element) => boolean) | null {
  const rules = styleRules(doc)
    .flatMap(({ selector, declarations }) =>
      // Each selector of a list on its own: one this DOM cannot parse would make the whole list throw.
      selector
        .split(',')
        .map((one) => one.trim())
        .filter((one) => one !== '' && isSelector(doc, one))
        .map((one) => ({ selector: one, declarations })),
    )
    .map(({ selector, declarations }, order) => ({
      selector,
      declared: declared(declarations, specificity(selector), order),
    }))
    .filter((r) => r.declared.length > 0);
  if (!rules.some((r) => r.declared.some((d) => d.hides))) return null;
  // One list of every selector, asked first so most elements cost one call; in chunks, since a list of
  // 20,000 selectors overflows linkedom's stack (and a throw would leave every element shown).
  const lists: string[] = [];
  for (let i = 0; i < rules.length; i += LIST_CHUNK)
    lists.push(
      rules
        .slice(i, i + LIST_CHUNK)
        .map((r) => r.selector)
        .join(', '),
    );
  return (el) => {
    let matching: Declared[];
    try {
      if (!lists.some((list) => el.matches(list))) return false;
      matching = rules.filter((r) => el.matches(r.selector)).flatMap((r) => r.declared);
    } catch {
      return false;
    }
    const own = declared(el.getAttribute('style') ?? '', Infinity, Infinity);
    const wins = (a: Declared, b: Declared | undefined) =>
      !b ||
      (a.important !== b.important
        ? a.important
        : a.specificity !== b.specificity
          ? a.specificity > b.specificity
          : a.order >= b.order);
    return ['display', 'visibility'].some((property) => {
      let winner: Declared | undefined;
      for (const d of [...matching, ...own]) if (d.property === property && wins(d, winner)) winner = d;
      return winner?.hides ?? false;
    });
  };
}
