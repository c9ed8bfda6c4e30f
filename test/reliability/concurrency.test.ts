// Five tabs on the same ad account report their pages at once, 100 times each, interleaved: the worker's
// one write queue must keep every update (no read-modify-write overwriting another's change).
import { describe, expect, it } from 'vitest';

import { startWorker } from '../../src/background/worker.ts';
import type { Result } from '../../src/core/messages.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { readKept } from '../../src/platform/store.ts';
import { random } from '../support/pages.ts';
import { createFakeBrowser } from '../fake-browser.ts';
import { report, scaled } from './figures.ts';
import { ACCOUNT, TABS, runningName, snapshotPlan } from './snapshot-plan.ts';

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

      const plan = snapshotPlan(TABS, writes);
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
        kept.promotions.find((p) => p.name === runningName(tab)),
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
