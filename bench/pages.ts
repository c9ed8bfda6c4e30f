// The pages every reading figure is measured on, from the test generator: the Earning tab, where each
// row carries the most to parse (a requirement sentence, an "X / Y" progress, amounts and a date range).
import { promotionsPage, samplePromotions, type BuiltPage } from '../test/support/pages.ts';

export const SIZES = [10, 100, 1000, 3000] as const;

export function benchPage(rows: number): BuiltPage {
  const page = promotionsPage(samplePromotions(rows, { seed: rows, tab: 'earning', currency: 'USD' }), {
    lang: 'en',
    tab: 'earning',
  });
  return { ...page, url: `${page.url}&tab=earning` };
}

/** Whether a reader's promotions are the ones the page was generated from: a fast wrong reader proves nothing. */
export function readsCorrectly(page: BuiltPage, promotions: unknown): boolean {
  return JSON.stringify(promotions) === JSON.stringify(page.expected.promotions);
}
