import { describe, expect, it } from 'vitest';
import { hidingDeclaration, styleRules } from '../../src/core/page/hiding.ts';
import { hiddenByMarkup, scanPage } from '../../src/core/page/scan.ts';
import { shownByMarkup } from '../../src/core/report/capture.ts';
import { parseHtml } from '../support/dom.ts';

const page = (style: string, body = '') =>
  parseHtml(`<!doctype html><html><head><style>${style}</style></head><body>${body}</body></html>`);

describe('hidingDeclaration', () => {
  it('names what a declaration list hides with, wherever the declaration stands in it', () => {
    expect(hidingDeclaration('display:none')).toBe('display:none');
    expect(hidingDeclaration('color: red; DISPLAY : none !important ;')).toBe('display:none');
    expect(hidingDeclaration(' visibility: hidden ')).toBe('visibility:hidden');
  });

  it('says nothing of declarations that leave the element shown', () => {
    for (const shown of ['display: block', 'visibility: visible', 'display: none-ish', 'x-display: none', ''])
      expect(hidingDeclaration(shown), shown).toBeNull();
  });
});

describe('styleRules', () => {
  it('keeps each rule with its selector list as written and its declarations', () => {
    expect(styleRules(page('.a { display: none } .b { color: red } .c, .d { visibility: hidden }'))).toEqual([
      { selector: '.a', declarations: ' display: none ' },
      { selector: '.b', declarations: ' color: red ' },
      { selector: '.c, .d', declarations: ' visibility: hidden ' },
    ]);
  });

  it('leaves out rules inside at-rules, at any depth, and comments', () => {
    const css = `/* .x { display: none } */
      @media (max-width: 600px) { .m { display: none } }
      @supports (display: grid) { @media print { .p { display: none } } }
      .kept { display: none }`;
    expect(styleRules(page(css)).map((r) => r.selector)).toEqual(['.kept']);
  });

  it('does not take an at-rule statement for part of the selector after it', () => {
    const css = '@import url(theme.css); @charset "utf-8"; .gone { display: none }';
    expect(styleRules(page(css)).map((r) => r.selector)).toEqual(['.gone']);
  });
});

describe('the reader and the report read hidden-ness by the same rule', () => {
  const doc = page(
    '@import url(theme.css); .gone { display: none } @media print { .printed { display: none } }',
    `<p class="gone">Hidden by a rule</p><p class="printed">Shown on screen</p>
     <p style="visibility:hidden">Hidden inline</p><p>Plain</p>`,
  );
  const paragraphs = Array.from(doc.querySelectorAll('p'));

  it('in the command line reader, which asks no browser', () => {
    const texts = scanPage(doc)
      .blocks.filter((b) => !b.hidden)
      .map((b) => b.text);
    expect(texts).toEqual(['Shown on screen', 'Plain']);
    expect(paragraphs.map((p) => hiddenByMarkup(p))).toEqual([false, false, true, false]);
  });

  it('in the report captured from the command line', () => {
    const shown = shownByMarkup(doc);
    expect(paragraphs.map((p) => shown(p))).toEqual([false, true, false, true]);
  });
});
