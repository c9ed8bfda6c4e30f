// The writes of the concurrency suites (fake browser and Chromium): 5 tabs on one ad account, each
// snapshot carrying the tab's running promotion with its spend one higher (an update to an existing
// record) and a promotion seen for the first time (a new record). New rows differ in amount: rows with
// the same start date, amount and type are taken for one promotion read in another language.
import type { PagePromotion, SeenPage } from '../../src/core/schemas.ts';
import { promotionsSnapshot, seenPage } from '../support/pages.ts';

export const ACCOUNT = '7301234567890123456';
export const TABS = 5;

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

function row(name: string, redeemedOn: string, spent: number, amount = 50): PagePromotion {
  return {
    name,
    type: 'conditional',
    status: 'earning',
    amount,
    minSpend: 500,
    spent,
    unused: null,
    redeemedOn,
    validFrom: null,
    validUntil: null,
    assigned: null,
  };
}

function snapshot(promotions: PagePromotion[], credit: number): SeenPage {
  return seenPage(
    promotionsSnapshot(ACCOUNT, promotions, {
      url: `https://ads.tiktok.com/i18n/account/promotion?aadvid=${ACCOUNT}`,
      balance: { total: credit, cash: 0, credit },
    }),
  );
}

export const runningName = (tab: number) => `Tab ${tab} running offer`;

/** plan[tab][i]: the i-th snapshot tab sends; the last one of each tab reports spend `writes`. */
export function snapshotPlan(tabs: number, writes: number): SeenPage[][] {
  return Array.from({ length: tabs }, (_, tab) =>
    Array.from({ length: writes }, (_, i) =>
      snapshot(
        [
          row(runningName(tab), day(tab), i + 1),
          row(`Tab ${tab} offer ${i}`, day(100 + i), 0, 1000 * (tab + 1) + i),
        ],
        i,
      ),
    ),
  );
}
