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
const settle = () => new Promise((resolve) => setTimeout(resolve, 80));
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
        await settle();
      });
      await finishAnimations(doc);
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
    const saved = `<!-- saved from url=(${String(spec.url.length).padStart(4, '0')})${spec.url} -->`;
    const html =
      `<!DOCTYPE html>\n${saved}\n<html lang="${spec.htmlLang}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeText(spec.title)}</title>` +
      `<style>${kit.hidingRules}${spec.style ?? ''}</style>` +
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
