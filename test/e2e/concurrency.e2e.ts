// Five Ads Manager tabs at the real host report snapshots of the same ad account at once, 100 each,
// from their content scripts' own worlds (real tab senders, through the worker's sender rules); the
// worker must keep every new record and every spend update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/core/messages.ts';
import { PromotionRecord } from '../../src/core/schemas.ts';
import { PROMO_PREFIX } from '../../src/core/store/layout.ts';
import { report, scaled } from '../reliability/figures.ts';
import { ACCOUNT, TABS, runningName, snapshotPlan } from '../reliability/snapshot-plan.ts';
import { launchHarness, type Harness } from '../../scripts/browser/harness.ts';
import { e2eBrowsers } from '../../scripts/browser/browsers.ts';

// A page of the real host that is no billing page: its content script runs but reports nothing of its own.
const TAB_URL = 'https://ads.tiktok.com/i18n/e2e-concurrency';

describe.skipIf(!e2eBrowsers().includes('chromium'))('concurrent tabs in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness();
    await h.context.route(TAB_URL, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!DOCTYPE html><html lang="en"><body><h1>Ads</h1></body></html>',
      }),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    'keeps every update from 5 tabs x 100 interleaved snapshots of one account',
    { timeout: 120_000 },
    async () => {
      const writes = scaled(100);
      const plan = snapshotPlan(TABS, writes);
      const pages = await Promise.all(Array.from({ length: TABS }, () => h.openPage(TAB_URL)));
      for (const page of pages) await expect.poll(() => h.contentScriptWorlds(page)).not.toEqual([]);
      // Each tab sends its snapshots in order without waiting for answers; the tabs run at once.
      const answers = (
        await Promise.all(
          pages.map((page, tab) =>
            h.contentScriptEval(
              page,
              (api, snapshots) =>
                Promise.all(
                  snapshots.map((snapshot) => api.runtime.sendMessage({ type: 'snapshot', snapshot })),
                ),
              plan[tab]!,
            ),
          ),
        )
      ).flat() as Result<unknown>[];
      const stored = await h.workerEval((api) => api.storage.local.get(null));
      const records = Object.entries(stored)
        .filter(([key]) => key.startsWith(PROMO_PREFIX))
        .map(([, value]) => PromotionRecord.parse(value))
        .filter((r) => r.accountId === ACCOUNT);
      const lostSpends = Array.from({ length: TABS }, (_, tab) => {
        const running = records.find((r) => r.name === runningName(tab));
        return writes - new Set(running?.observations.map((o) => o.spent) ?? []).size;
      }).reduce((a, b) => a + b, 0);
      const lostRecords = TABS * writes + TABS - records.length;
      report(
        'concurrency (Chromium)',
        `${TABS} tabs x ${writes} writes, ${answers.filter((a) => a?.ok !== true).length} refused, ` +
          `${lostRecords} records lost, ${lostSpends} spend updates lost`,
      );
      expect(answers.filter((a) => a?.ok !== true)).toEqual([]);
      expect(lostRecords).toBe(0);
      expect(lostSpends).toBe(0);
      await Promise.all(pages.map((p) => p.close()));
    },
  );
});
