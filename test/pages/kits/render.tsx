// Renders every page in pages.tsx with its kit's real components in jsdom and saves it as a browser would:
// the "saved from" comment, <html lang>, the page's own style rules, the body as the kits left it (portals
// included), and beside it the expected snapshot. Run: npm install && npm run render
import { jsdom, seedRandomness } from './dom';

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as React from 'react';
import { createRoot } from 'react-dom/client';

import { kits } from './kits';
import { pages } from './pages';

const OUT = join(__dirname, 'pages');
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

async function render(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const only = process.argv[2];
  for (const spec of pages) {
    if (only && !spec.name.includes(only)) continue;
    const doc = jsdom.window.document;
    doc.documentElement.lang = spec.htmlLang;
    doc.body.replaceChildren();
    const mount = doc.createElement('div');
    mount.id = 'root';
    doc.body.append(mount);
    const root = createRoot(mount);
    seedRandomness([...spec.name].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
    const kit = kits[spec.kit]();
    for (const phase of spec.phases(kit)) {
      await React.act(async () => {
        root.render(phase);
        await settle(80);
      });
      await finishAnimations(doc);
      // Transitions run on timers that start when React commits, which it does as an act() ends: a few more
      // rounds let them end (a dialog's exit, then its hiding) as they would have in a browser.
      for (let round = 0; round < (kit.settleRounds ?? 0); round++)
        await React.act(async () => {
          await settle(300);
        });
    }
    // The promotions the kit put in the selected pane, by their (unique) names, in page order.
    const keys = [
      ...new Set(
        [...doc.querySelectorAll(`[data-pane="${tabOf(spec.url)}"] .promo-name__text`)].map(
          (r) => r.textContent ?? '',
        ),
      ),
    ];
    const body = doc.body.innerHTML.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
    const fromHead = kit.stylesInHead ? hidingRulesInHead(doc) : '';
    const saved = `<!-- saved from url=(${String(spec.url.length).padStart(4, '0')})${spec.url} -->`;
    const html =
      `<!DOCTYPE html>\n${saved}\n<html lang="${spec.htmlLang}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeText(spec.title)}</title>` +
      `<style>${kit.hidingRules}${fromHead}${spec.style ?? ''}</style>` +
      `</head><body>${body}</body></html>\n`;
    writeFileSync(join(OUT, `${spec.name}.html`), html);
    writeFileSync(join(OUT, `${spec.name}.json`), `${JSON.stringify(spec.expected(keys), null, 2)}\n`);
    await React.act(async () => root.unmount());
    for (const s of doc.head.querySelectorAll('style')) s.remove();
    console.log(`${spec.name}: ${html.length} bytes${keys.length ? `, ${keys.length} rows` : ''}`);
  }
}

/** Class names the kits give an element while it animates in or out (not the "-done" that follows). */
const ANIMATING = /(?:^|[\s-])(?:enter|leave|appear|exit)(?:-(?:start|active|prepare))?(?=\s|$)/;

/**
 * Ends the kits' animations as a browser does when their time is up: jsdom runs no CSS, so it never fires the
 * animationend and transitionend events the kits wait for before they hide a closed dialog or tooltip.
 */
async function finishAnimations(doc: Document): Promise<void> {
  for (let round = 0; round < 6; round++) {
    const moving = [...doc.querySelectorAll('[class]')].filter((e) =>
      ANIMATING.test(e.getAttribute('class') ?? ''),
    );
    if (moving.length === 0) return;
    await React.act(async () => {
      for (const e of moving) {
        e.dispatchEvent(new jsdom.window.Event('animationend'));
        e.dispatchEvent(new jsdom.window.Event('transitionend'));
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
  }
}

/** A declaration that keeps an element, and the text in it, off the screen. */
const HIDES =
  /(?:^|;)\s*(?:display:\s*none|visibility:\s*hidden|opacity:\s*0(?:[;\s]|$)|height:\s*0(?:px)?(?:[;\s]|$)|clip:\s*rect\(0)/;

/**
 * The rules a kit wrote into <head> at run time (MUI's emotion writes thousands) that hide an element the saved
 * body holds: those a browser would apply to the saved page to keep something off the screen, and the @media rules
 * that show it again on a wide screen (MUI hides some labels on phones only). In the order the kit wrote them;
 * rules with pseudo-elements, which name no element of the body, are left out.
 */
function hidingRulesInHead(doc: Document): string {
  const selectors = new Set<string>();
  const { CSSStyleRule, CSSMediaRule } = jsdom.window;
  const oneLine = (css: string) => css.replace(/\s*\n\s*/g, ' ');
  const keep = (rules: Iterable<CSSRule>, kept: string[]) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) {
        const inner = [...rule.cssRules].filter(
          (r) => r instanceof CSSStyleRule && selectors.has(r.selectorText),
        );
        if (inner.length) kept.push(oneLine(rule.cssText));
        continue;
      }
      // Cascade layers (Chakra writes its reset and recipes in `@layer reset, base, tokens, recipes`): the
      // rules of a layer that hide something are kept in a block of that layer, after the statement that orders
      // the layers.
      if (rule.constructor.name === 'CSSLayerStatementRule') {
        kept.push(oneLine(rule.cssText));
        continue;
      }
      if (rule.constructor.name === 'CSSLayerBlockRule') {
        const layer = rule as CSSRule & { name: string; cssRules: CSSRuleList };
        const inner: string[] = [];
        keep(layer.cssRules, inner);
        if (inner.length) kept.push(`@layer ${layer.name}{${inner.join('')}}`);
        continue;
      }
      if (!(rule instanceof CSSStyleRule) || !HIDES.test(rule.style.cssText)) continue;
      let used = false;
      try {
        used = doc.body.querySelector(rule.selectorText) !== null;
      } catch {
        // A selector jsdom cannot match (pseudo-elements): no element of the body to hide.
      }
      if (used) {
        selectors.add(rule.selectorText);
        kept.push(oneLine(rule.cssText));
      }
    }
  };
  const kept: string[] = [];
  for (const style of doc.head.querySelectorAll('style')) keep(style.sheet?.cssRules ?? [], kept);
  // The statement ordering the layers only where a layer's rules were kept.
  const used = kept.some((k) => k.startsWith('@layer ') && k.includes('{'));
  return [...new Set(kept.filter((k) => used || !/^@layer [^{]*;$/.test(k)))].join('');
}

/** The promotions tab a page's URL names (the pane whose rows are the page's promotions). */
function tabOf(address: string): string {
  const tab = new URL(address).searchParams.get('tab');
  return tab === 'not_available' ? 'notAvailable' : (tab ?? '');
}

render().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
