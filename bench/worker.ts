// One snapshot message handled by the worker with 500 kept promotions in the page's ad account: the
// worker's whole step (validate the message, merge, write, answer, then reminders and the badge), once in
// Node against the fake browser and once in Chromium against the built extension.
//
// Node: a fresh fake browser per run, seeded as the worker leaves storage, the worker started and idle;
// the time is from the message's delivery until the worker's queue is empty again (the answer comes
// before the reminders, which are part of handling a change).
// Chromium: the demo payment page, whose content script's isolated world sends the same message through
// the real runtime.sendMessage (the only context the worker accepts a snapshot from); the time is from
// the send to the answer, then the worker is left to finish before the next run.
import { summaryOf } from '../src/background/summary.ts';
import { startWorker } from '../src/background/worker.ts';
import type { PagePromotion, PageSnapshot, PromotionRecord } from '../src/core/schemas.ts';
import { KEY, promoKey, SCHEMA_VERSION } from '../src/core/store/layout.ts';
import { setBrowser } from '../src/platform/browser.ts';
import { keptFrom } from '../src/platform/store.ts';
import { DEMO_PAYMENT_URL } from '../scripts/demo-server.ts';
import { launchHarness } from '../scripts/browser/harness.ts';
import { createFakeBrowser } from '../test/fake-browser.ts';
import { NOW, benchRecords } from './records.ts';
import type { Figure } from './report.ts';
import { median } from './stats.ts';

export const KEPT = 500;
const ACCOUNT = '7300000000000000042';
const NODE_RUNS = 15;
const CHROMIUM_RUNS = 9;
const BUDGET_MS = 50;

/** The kept promotions, all of the page's account, as the worker stores them. */
function seed(at: number): Record<string, unknown> {
  const records = benchRecords(KEPT).map((r) => ({ ...r, accountId: ACCOUNT }));
  const items: Record<string, unknown> = { [KEY.version]: SCHEMA_VERSION };
  for (const r of records) items[promoKey(r.accountId, r.id)] = r;
  items[KEY.summary] = summaryOf(keptFrom(items), at, 'UTC');
  return items;
}

/** The page's promotions list: 20 of the kept promotions as their rows show them, spend moved on by `run`. */
function snapshotOf(records: PromotionRecord[], run: number): PageSnapshot {
  const rows: PagePromotion[] = records.slice(0, 20).map((r, i) => ({
    name: r.name,
    type: 'conditional',
    status: 'earning',
    amount: r.terms.amount,
    minSpend: r.terms.minSpend,
    spent: i + run,
    unused: null,
    redeemedOn: r.activatedOn ?? r.receivedOn,
    validFrom: null,
    validUntil: null,
    assigned: null,
  }));
  return {
    view: 'promotions',
    url: `https://ads.tiktok.com/i18n/account/payment?aadvid=${ACCOUNT}`,
    lang: 'en',
    accountId: ACCOUNT,
    currency: 'USD',
    balance: { total: 100 + run, cash: 100, credit: run },
    promotions: rows,
    redeem: null,
    warnings: [],
  };
}

const records = (items: Record<string, unknown>) => keptFrom(items).promotions;

export interface WorkerResult {
  node: { ms: number[]; answered: unknown };
  chromium: { ms: number[]; answered: unknown; version: string } | null;
}

export async function measureWorkerNode(runs = NODE_RUNS): Promise<WorkerResult['node']> {
  const ms: number[] = [];
  let answered: unknown = null;
  for (let run = 0; run < runs; run++) {
    const fake = createFakeBrowser({ now: NOW.getTime() });
    setBrowser(fake.browser);
    const items = seed(NOW.getTime());
    Object.assign(fake.storage, items);
    const worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
    await worker.idle();
    const message = { type: 'snapshot', snapshot: snapshotOf(records(items), run) };
    const t0 = performance.now();
    answered = await fake.send(message, fake.senders.content(7, message.snapshot.url!));
    await worker.idle();
    ms.push(performance.now() - t0);
    fake.restartWorker();
  }
  return { ms, answered: summarise(answered) };
}

export async function measureWorkerChromium(
  extensionDir: string,
  runs = CHROMIUM_RUNS,
): Promise<WorkerResult['chromium']> {
  const h = await launchHarness({ extensionDir });
  try {
    const items = seed(Date.now());
    await h.workerEval((api, seeded) => api.storage.local.set(seeded), items);
    const page = await h.openPage(DEMO_PAYMENT_URL);
    const ms: number[] = [];
    let answered: unknown = null;
    for (let run = 0; run < runs; run++) {
      const snapshot = snapshotOf(records(items), run);
      const r = await h.contentScriptEval(
        page,
        async (api, message) => {
          const t0 = performance.now();
          const answer = await api.runtime.sendMessage(message);
          return { ms: performance.now() - t0, answer };
        },
        { type: 'snapshot', snapshot },
      );
      ms.push(r.ms);
      answered = r.answer;
      // The reminders that follow the change run before the next message, as between two real pages.
      await page.waitForTimeout(300);
    }
    return { ms, answered: summarise(answered), version: h.context.browser()?.version() ?? '' };
  } finally {
    await h.close();
  }
}

/** The answer without the kept promotions themselves: enough to see the message was handled. */
function summarise(answer: unknown): unknown {
  const a = answer as { ok?: boolean; value?: Record<string, unknown> } | undefined;
  if (a?.ok !== true || a.value === undefined) return answer;
  const count = (v: unknown) => (Array.isArray(v) ? v.length : v);
  return Object.fromEntries(Object.entries(a.value).map(([k, v]) => [k, count(v)]));
}

export function workerFigures(r: WorkerResult): Figure[] {
  const figure = (section: string, ms: number[] | null, note: string): Figure => ({
    section,
    name: `snapshot message, ${KEPT} kept promotions`,
    value: ms && ms.length ? median(ms) : null,
    unit: 'ms',
    budget: { max: BUDGET_MS },
    note,
  });
  return [
    figure(
      'worker (Node fake)',
      r.node.ms,
      `median of ${r.node.ms.length}: delivery → queue empty (answer, write, reminders, badge)`,
    ),
    figure(
      'worker (chromium)',
      r.chromium?.ms ?? null,
      r.chromium
        ? `median of ${r.chromium.ms.length}: content script's sendMessage → answer`
        : 'not measured',
    ),
  ];
}

// `npx tsx bench/worker.ts [extensionDir]`: this section alone, printed as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const node = await measureWorkerNode();
  const dir = process.argv[2];
  const chromium = dir ? await measureWorkerChromium(dir) : null;
  const result = { node, chromium };
  process.stdout.write(`${JSON.stringify({ figures: workerFigures(result), result }, null, 2)}\n`);
}
