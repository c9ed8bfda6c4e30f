// The pages every reading figure is measured on, from the test generator: the Earning tab, where each
// row carries the most to parse (a requirement sentence, an "X / Y" progress, amounts and a date range).
import { promotionsPage, random, samplePromotions, type BuiltPage } from '../test/support/pages.ts';

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

/**
 * An Ads Manager page that is not a billing page: the campaign list, a table of `rows` campaigns with
 * their delivery figures. The content script must do nothing here but notice the address.
 */
export function campaignPage(rows: number): { url: string; html: string } {
  const columns = [
    'Campaign name',
    'Status',
    'Budget',
    'Cost',
    'Impressions',
    'Clicks',
    'CTR',
    'Conversions',
  ];
  const next = random(rows);
  const body = Array.from({ length: rows }, (_, i) => {
    const impressions = Math.floor(next() * 1e6);
    const clicks = Math.floor(impressions * next() * 0.05);
    const cells = [
      `Spring sale ${i + 1}`,
      next() < 0.7 ? 'Active' : 'Not delivering',
      `$${(10 + Math.floor(next() * 990)).toFixed(2)}`,
      `$${(next() * 5000).toFixed(2)}`,
      impressions.toLocaleString('en-US'),
      clicks.toLocaleString('en-US'),
      `${impressions ? ((clicks / impressions) * 100).toFixed(2) : '0.00'}%`,
      String(Math.floor(clicks * next() * 0.1)),
    ];
    return `<tr>${cells.map((c) => `<td><div class="cell"><span>${c}</span></div></td>`).join('')}</tr>`;
  }).join('\n');
  return {
    url: 'https://ads.tiktok.com/i18n/manage/campaign?aadvid=7301234567890123456',
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Campaign | TikTok Ads Manager</title></head>
<body><h1>Campaign</h1><table><thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table></body></html>`,
  };
}
