// How a page hides an element with its own style, read from the markup alone: an inline style's
// declaration, and the page's <style> rules, which cascade.ts cascades where no browser computes style.

/** A declaration that hides what it applies to; the property is the first group. */
const HIDES = /(?:^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
/** A style rule: its selector list (never an at-rule's prelude) and its declarations. */
const RULE = /([^{}@;]+)\{([^{}]*)\}/g;
/** An at-rule's block, with blocks nested in it. */
const AT_RULE_BLOCK = /@[^{};]*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g;

/** What a list of declarations (a style attribute, a rule's body) hides with, or null. */
export function hidingDeclaration(declarations: string): 'display:none' | 'visibility:hidden' | null {
  const hides = HIDES.exec(declarations);
  return hides ? (/^d/i.test(hides[1]!) ? 'display:none' : 'visibility:hidden') : null;
}

/**
 * The style rules of the page's <style> elements, each as its selector list as the page wrote it and its
 * declarations, in the order written. Rules inside at-rules (@media, @supports) are left out: they apply
 * only on some screens. So are at-rule statements (@import, @charset), which would otherwise be read as
 * part of a selector.
 */
export function styleRules(doc: Document): Array<{ selector: string; declarations: string }> {
  const rules: Array<{ selector: string; declarations: string }> = [];
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    let css = (style.textContent ?? '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (let before = ''; before !== css;) {
      before = css;
      css = css.replace(AT_RULE_BLOCK, '');
    }
    for (const m of css.replace(/@[^{};]*;/g, '').matchAll(RULE)) {
      const selector = m[1]!.trim();
      if (selector) rules.push({ selector, declarations: m[2]! });
    }
  }
  return rules;
}
