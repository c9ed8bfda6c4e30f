// Writes the generated unseen pages in test/pages/ (page + expected snapshot), the same shape as the
// shared fixtures, so `node ../shared/tools/check-fixtures.mjs test --only pages` scores the CLI on them.
// Run: npx tsx test/support/write-pages.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { defaultCurrency, paymentPage, promotionsPage, samplePromotions } from './pages.ts';
import type { BuiltPage } from './pages.ts';

const OUT = join(import.meta.dirname, '../pages/pages');

const pages: Record<string, BuiltPage> = {
  'de-business-payment': paymentPage(
    { total: 512.3, cash: 400, credit: 112.3, redeem: { open: false } },
    { lang: 'de', businessCenter: true, nesting: 2, amountStyle: 'symbol' },
  ),
  'fr-payment-redeem-error': paymentPage(
    {
      total: 90,
      cash: 90,
      credit: 0,
      redeem: { open: true, code: 'TT ADS-2025 ', error: 'alreadyRedeemed' },
    },
    { lang: 'fr', amountStyle: 'symbol' },
  ),
  'ja-promotions-earning-table-shuffled': promotionsPage(
    samplePromotions(12, { seed: 21, tab: 'earning', currency: 'JPY' }),
    { lang: 'ja', tab: 'earning', realTable: true, shuffleSeed: 5, extraColumns: true },
  ),
  'pt-promotions-available-300': promotionsPage(
    samplePromotions(300, { seed: 22, tab: 'available', currency: defaultCurrency('pt') }),
    { lang: 'pt', amountStyle: 'symbol', nesting: 1 },
  ),
  'vi-promotions-not-available': promotionsPage(
    samplePromotions(9, { seed: 23, tab: 'notAvailable', currency: defaultCurrency('vi') }),
    { lang: 'vi', tab: 'notAvailable', shuffleSeed: 8 },
  ),
  'id-promotions-available-no-status': promotionsPage(
    samplePromotions(7, { seed: 24, tab: 'available', currency: defaultCurrency('id') }),
    { lang: 'id', withoutStatusColumn: true, realTable: true, nesting: 3 },
  ),
};

mkdirSync(OUT, { recursive: true });
for (const [name, page] of Object.entries(pages)) {
  const saved = `<!-- saved from url=(${String(page.url.length).padStart(4, '0')})${page.url} -->`;
  writeFileSync(join(OUT, `${name}.html`), page.html.replace('<!DOCTYPE html>', `<!DOCTYPE html>\n${saved}`));
  writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(page.expected, null, 2)}\n`);
}
