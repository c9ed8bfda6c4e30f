// The reader on pages it has never seen, built from data in every glossary language.
import { describe, expect, it } from 'vitest';

import { minorDigits } from '../../src/core/money.ts';
import { readPage } from '../../src/core/page/index.ts';
import { parseHtml } from '../support/dom.ts';
import {
  PAGE_LANGUAGES,
  defaultCurrency,
  paymentPage,
  promotionsPage,
  samplePromotions,
} from '../support/pages.ts';
import type { BuiltPage, PageOptions, Tab } from '../support/pages.ts';

function expectReads(page: BuiltPage): void {
  const actual = readPage(parseHtml(page.html), page.url);
  const { warnings: _, ...expected } = page.expected;
  const { warnings, ...got } = actual;
  expect(got, warnings.join('; ')).toEqual(expected);
}

const TABS: Tab[] = ['available', 'earning', 'notAvailable'];

describe.each(PAGE_LANGUAGES)('generated pages in %s', (lang) => {
  it.each(TABS)('promotions, %s tab, div grid', (tab) => {
    const currency = defaultCurrency(lang);
    expectReads(promotionsPage(samplePromotions(6, { seed: 1, tab, currency }), { lang, tab }));
  });

  it('promotions as a real table, columns shuffled, extra columns and nesting, symbols', () => {
    const options: PageOptions = {
      lang,
      tab: 'notAvailable',
      realTable: true,
      shuffleSeed: lang.length + 3,
      extraColumns: true,
      nesting: 3,
      amountStyle: 'symbol',
    };
    expectReads(
      promotionsPage(
        samplePromotions(6, { seed: 2, tab: 'notAvailable', currency: defaultCurrency(lang) }),
        options,
      ),
    );
  });

  it('payment page with an open redeem dialog showing an error', () => {
    const redeem = { open: true, code: ' TTADS-5O0FF', error: 'expiredCode' } as const;
    const whole = minorDigits(defaultCurrency(lang)) === 0 ? 1000 : 1;
    const balance = { total: 1284.15 * whole, cash: 1034.5 * whole, credit: 249.65 * whole };
    expectReads(paymentPage({ ...balance, redeem }, { lang, amountStyle: 'symbol' }));
  });

  it('Business Center payment page: account id shown on the page, success answer', () => {
    const redeem = { open: true, code: 'TTNEW10', succeeded: true } as const;
    expectReads(
      paymentPage({ total: 300, cash: 0, credit: 300, redeem }, { lang, businessCenter: true, nesting: 2 }),
    );
  });
});

describe('generated pages, other cases', () => {
  it('rows without a status tag take the selected tab status', () => {
    for (const tab of TABS)
      expectReads(
        promotionsPage(samplePromotions(4, { seed: 3, tab }), { lang: 'en', tab, withoutStatusColumn: true }),
      );
  });

  it('a hidden redeem dialog reads as closed', () => {
    expectReads(paymentPage({ total: 10, cash: 10, credit: 0, redeem: { open: false } }, { lang: 'de' }));
  });

  it('300 rows in page order, in JPY', () => {
    const data = samplePromotions(300, { seed: 4, tab: 'available', currency: 'JPY' });
    expectReads(promotionsPage(data, { lang: 'ja', currency: 'JPY', realTable: true }));
  });
});

describe('icons inside cells', () => {
  it('reads every row when name cells carry nested SVG icons', () => {
    const page = promotionsPage(samplePromotions(5, { seed: 2, tab: 'earning', currency: 'USD' }), {
      lang: 'en',
      tab: 'earning',
    });
    const icon = '<svg viewBox="0 0 16 16" aria-hidden="true"><g><path d="M1 1h14v14H1z"/></g></svg>';
    // Real Ads Manager rows put an icon before the credit name; before the fix, the first one
    // unwound the reader's stack past the table and every row after it was lost.
    const html = page.html.replace(/(<div class="[^"]*vi-credit-name[^"]*">)/g, `$1${icon}`);
    expect(html).not.toBe(page.html);
    expectReads({ ...page, html });
  });
});
