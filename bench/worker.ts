// One snapshot message handled by the worker with 500 kept promotions in the page's ad account: the
// worker's whole step (validate the message, merge, write, answer, then reminders and the badge), in Node
// against the fake browser and in Chromium against the built extension. Two figures in each:
//
// - warm (the budget): a message to a worker already awake, as every page change after the first is. The
//   worker then holds its copy of storage and what it validated and worked out (platform/store.ts).
// - cold (no budget, said): the first message of a wake, which starts the worker: its repair reads and
//   validates all of storage, rebuilds the summary and the reminders, then the message is handled.
//
// Node: a fresh fake browser per run, seeded as the worker leaves storage; the cold time is from starting
// the worker with the message delivered until its queue is empty, then WARM_PER_RUN messages each from
// delivery until the queue is empty again (the answer comes before the reminders, which are part of
// handling a change).
// Chromium: the demo payment page, whose content script's isolated world sends the same message through
// the real runtime.sendMessage (the only context the worker accepts a snapshot from); the time is from the
// send to the answer. Each run stops the worker first (cold), then sends WARM_PER_RUN more; the worker is
// left to finish between messages.
import { summaryOf } from '../src/background/summary.ts';
import { startWorker } from '../src/background/worker.ts';
import type { PagePromotion, PromotionRecord, SeenPage } from '../src/core/schemas.ts';
import { KEY, promoKey, SCHEMA_VERSION } from '../src/core/store/layout.ts';
import { setBrowser } from '../src/platform/browser.ts';
import { keptFrom } from '../src/platform/store.ts';
import { DEMO_PAYMENT_URL } from '../scripts/demo-server.ts';
import { launchHarness } from '../scripts/browser/harness.ts';
import { createFakeBrowser } from '../test/fake-browser.ts';
import { NOW, benchRecords } from './records.ts';
import type { Figure } from './report.ts';
import { median } from './stats.ts';
import { promotionsSnapshot, seenPage } from '../test/support/pages.ts';

export const KEPT = 500;
const ACCOUNT = '7300000000000000042';
const NODE_RUNS = 8;
const CHROMIUM_RUNS = 5;
const WARM_PER_RUN = 4;
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
function snapshotOf(records: PromotionRecord[], run: number): SeenPage {
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
  return seenPage(
    promotionsSnapshot(ACCOUNT, rows, { balance: { total: 100 + run, cash: 100, credit: run } }),
  );
}

const records = (items: Record<string, unknown>) => keptFrom(items).promotions;

/** Milliseconds per message: the first of each wake, and those after it. */
export interface Timings {
  cold: number[];
  warm: number[];
  /** Node only: the process's CPU time for each warm message (user + system), to read beside a busy machine. */
  warmCpu?: number[];
  answered: unknown;
}

export interface WorkerResult {
  node: Timings;
  chromium: (Timings & { version: string }) | null;
}

export async function measureWorkerNode(runs = NODE_RUNS): Promise<WorkerResult['node']> {
  const cold: number[] = [];
  const warm: number[] = [];
  const warmCpu: number[] = [];
  let answered: unknown = null;
  for (let run = 0; run < runs; run++) {
    const fake = createFakeBrowser({ now: NOW.getTime() });
    setBrowser(fake.browser);
    const items = seed(NOW.getTime());
    Object.assign(fake.storage, items);
    const kept = records(items);
    const deliver = (i: number) => {
      const message = { type: 'snapshot', snapshot: snapshotOf(kept, run * (WARM_PER_RUN + 1) + i) };
      return fake.send(message, fake.senders.content(7, message.snapshot.url!));
    };
    let t0 = performance.now();
    const worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
    answered = await deliver(0);
    await worker.idle();
    cold.push(performance.now() - t0);
    for (let i = 1; i <= WARM_PER_RUN; i++) {
      fake.clock.now += 60_000;
      const cpu0 = process.cpuUsage();
      t0 = performance.now();
      answered = await deliver(i);
      await worker.idle();
      warm.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      warmCpu.push((cpu.user + cpu.system) / 1000);
    }
    fake.restartWorker();
  }
  return { cold, warm, warmCpu, answered: summarise(answered) };
}

export async function measureWorkerChromium(
  extensionDir: string,
  runs = CHROMIUM_RUNS,
): Promise<WorkerResult['chromium']> {
  const h = await launchHarness({ extensionDir });
  try {
    const items = seed(Date.now());
    await h.workerEval((api, seeded) => api.storage.local.set(seeded), items);
    const kept = records(items);
    const page = await h.openPage(DEMO_PAYMENT_URL);
    const cold: number[] = [];
    const warm: number[] = [];
    let answered: unknown = null;
    const send = async (n: number): Promise<number> => {
      const r = await h.contentScriptEval(
        page,
        async (api, message) => {
          const t0 = performance.now();
          const answer = await api.runtime.sendMessage(message);
          return { ms: performance.now() - t0, answer };
        },
        { type: 'snapshot', snapshot: snapshotOf(kept, n) },
      );
      answered = r.answer;
      // The reminders that follow the change run before the next message, as between two real pages.
      await page.waitForTimeout(300);
      return r.ms;
    };
    for (let run = 0; run < runs; run++) {
      await h.stopServiceWorker();
      cold.push(await send(run * (WARM_PER_RUN + 1)));
      for (let i = 1; i <= WARM_PER_RUN; i++) warm.push(await send(run * (WARM_PER_RUN + 1) + i));
    }
    return { cold, warm, answered: summarise(answered), version: h.context.browser()?.version() ?? '' };
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
  const name = `snapshot message, ${KEPT} kept promotions`;
  const figures = (section: string, t: Timings | null, what: string): Figure[] => [
    {
      section,
      name,
      value: t && t.warm.length ? median(t.warm) : null,
      unit: 'ms',
      budget: { max: BUDGET_MS },
      note: t
        ? `median of ${t.warm.length} to an awake worker: ${what}${
            t.warmCpu?.length ? `; CPU ${median(t.warmCpu).toFixed(1)} ms` : ''
          }`
        : 'not measured',
    },
    {
      section,
      name: `${name}, first of a wake`,
      value: t && t.cold.length ? median(t.cold) : null,
      unit: 'ms',
      note: t
        ? `median of ${t.cold.length}, no budget: the wake's repair (read and validate everything) first`
        : 'not measured',
    },
  ];
  return [
    ...figures('worker (Node fake)', r.node, 'delivery → queue empty (answer, write, reminders, badge)'),
    ...figures('worker (chromium)', r.chromium, "content script's sendMessage → answer"),
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
