// Five tabs on the same ad account report their pages at once, 100 times each, interleaved: the worker's
// one write queue must keep every update (no read-modify-write overwriting another's change).
import { describe, expect, it } from 'vitest';

import { startWorker } from '../../src/background/worker.ts';
import type { Result } from '../../src/core/messages.ts';
import type { PagePromotion, PageSnapshot } from '../../src/core/schemas.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { readKept } from '../../src/platform/store.ts';
import { random } from '../support/pages.ts';
import { createFakeBrowser } from '../fake-browser.ts';
import { report, scaled } from './figures.ts';

const ACCOUNT = '7301234567890123456';
const TABS = 5;

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

function snapshot(promotions: PagePromotion[], credit: number): PageSnapshot {
  return {
    view: 'promotions',
    url: `https://ads.tiktok.com/i18n/account/promotion?aadvid=${ACCOUNT}`,
    lang: 'en',
    accountId: ACCOUNT,
    currency: 'USD',
    balance: { total: credit, cash: 0, credit },
    promotions,
    redeem: null,
    warnings: [],
  };
}

describe('concurrent snapshot writes (fake browser)', () => {
  // Each write reads the whole store (500 records by the end): give it time on a loaded machine.
  it(
    'keeps every update from 5 tabs x 100 interleaved snapshots of one account',
    { timeout: 120_000 },
    async () => {
      const writes = scaled(100);
      const fake = createFakeBrowser({ now: Date.parse('2026-03-05T10:00:00Z') });
      setBrowser(fake.browser);
      const worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
      await worker.idle();

      // Each write: the tab's own running promotion with its spend one higher (an update to an existing
      // record), and a promotion seen for the first time (a new record). New rows differ in amount: rows
      // with the same start date, amount and type are taken for one promotion read in another language.
      const plan = Array.from({ length: TABS }, (_, tab) =>
        Array.from({ length: writes }, (_, i) =>
          snapshot(
            [
              row(`Tab ${tab} running offer`, day(tab), i + 1),
              row(`Tab ${tab} offer ${i}`, day(100 + i), 0, 1000 * (tab + 1) + i),
            ],
            i,
          ),
        ),
      );
      // Interleaved in a seeded random order that keeps each tab's own writes in sequence, as a tab sends them.
      const next = random(5);
      const cursor = new Array<number>(TABS).fill(0);
      const answers: Promise<unknown>[] = [];
      while (answers.length < TABS * writes) {
        const open = cursor.flatMap((c, tab) => (c < writes ? [tab] : []));
        const tab = open[Math.floor(next() * open.length)]!;
        answers.push(
          fake.send({ type: 'snapshot', snapshot: plan[tab]![cursor[tab]!]! }, fake.senders.content(tab + 1)),
        );
        cursor[tab]! += 1;
      }
      const results = (await Promise.all(answers)) as Result<unknown>[];
      await worker.idle();

      const kept = await readKept();
      const running = Array.from({ length: TABS }, (_, tab) =>
        kept.promotions.find((p) => p.name === `Tab ${tab} running offer`),
      );
      const lostSpends = running.reduce(
        (n, p) => n + writes - new Set(p?.observations.map((o) => o.spent) ?? []).size,
        0,
      );
      const lostRecords = TABS * writes + TABS - kept.promotions.length;
      report(
        'concurrency (fake)',
        `${TABS} tabs x ${writes} writes, ${results.filter((r) => !r.ok).length} refused, ` +
          `${lostRecords} records lost, ${lostSpends} spend updates lost`,
      );
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(lostRecords).toBe(0);
      expect(lostSpends).toBe(0);
      expect(running.map((p) => p?.observations.at(-1)?.spent)).toEqual(running.map(() => writes));
      expect(kept.balances[ACCOUNT]?.balance.credit).toBe(writes - 1);
    },
  );
});
