import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { detectView, locateTargets, readPage } from '../../src/core/page/read.ts';
import { PageSnapshot } from '../../src/core/schemas.ts';
import { parseHtml } from '../support/dom.ts';

const DIR = join(import.meta.dirname, '../fixtures/pages');
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html'));
const savedUrl = (html: string) => /saved from url=\(\d+\)(\S+) -->/.exec(html)?.[1] ?? null;

describe('reader on the fixture pages', () => {
  it.each(pages)('%s reads to its expected snapshot, field by field', (file) => {
    const html = readFileSync(join(DIR, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.html$/, '.json')), 'utf8'));
    const actual = readPage(parseHtml(html), savedUrl(html));
    expect(PageSnapshot.safeParse(actual).success).toBe(true);
    for (const key of Object.keys(expected) as Array<keyof PageSnapshot>) {
      if (key === 'warnings') continue;
      expect(actual[key], key).toEqual(expected[key]);
    }
  });

  it('finds the view from the page words when the URL is unknown', () => {
    for (const file of pages) {
      const html = readFileSync(join(DIR, file), 'utf8');
      const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.html$/, '.json')), 'utf8'));
      expect(detectView(null, parseHtml(html)), file).toBe(expected.view);
    }
  });
});

describe('overlay targets', () => {
  const read = (file: string) => parseHtml(readFileSync(join(DIR, file), 'utf8'));

  it('outlines the redeem button, tabs, promotions link and rows on a promotions page', () => {
    const t = locateTargets(read('en-promotions-earning.html'));
    expect(t.redeemButton?.textContent).toBe('Redeem coupon');
    expect(t.earningTab?.getAttribute('aria-selected')).toBe('true');
    expect(t.availableTab?.id).toBe('promotion-tab-available');
    expect(t.promotionsLink?.textContent).toBe('Promotions');
    expect(t.promotionRows.map((r) => r.name)).toEqual([
      'Spend 50 Get 50 - New advertiser',
      'Holiday spend bonus',
    ]);
    expect(t.dialog).toBeNull();
  });

  it('outlines the code field and Activate in an open redeem dialog, nothing in a hidden one', () => {
    const open = locateTargets(read('en-redeem-error.html'));
    expect(open.dialog?.getAttribute('role')).toBe('dialog');
    expect(open.codeInput?.getAttribute('value')).toBe('TTADS-5O0FF');
    expect(open.activateButton?.textContent).toBe('Activate');
    const hidden = locateTargets(read('en-payment.html'));
    expect([hidden.dialog, hidden.codeInput, hidden.activateButton]).toEqual([null, null, null]);
    expect(hidden.redeemButton?.textContent).toBe('Redeem coupon');
  });
});
