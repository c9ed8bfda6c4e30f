// The worker's copy of storage (platform/store.ts): read once per wake, each stored value validated once,
// kept exact by the worker's own writes (which leave out what storage already holds), and dropped by any
// change it did not make.
import { keptOnPage, type KeptView } from '../../src/core/kept-on-page.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWorker } from '../../src/background/worker.ts';
import type { Message, Result } from '../../src/core/messages.ts';
import {
  DEFAULT_SETTINGS,
  EMPTY_TERMS,
  PromotionRecord,
  type PagePromotion,
  type SeenPage,
} from '../../src/core/schemas.ts';
import { KEY, promoKey, QUARANTINE_PREFIX } from '../../src/core/store/layout.ts';
import { sameStored } from '../../src/core/store/same.ts';
import { setBrowser, type MessageSender } from '../../src/platform/browser.ts';
import { readKept, writeChanges } from '../../src/platform/store.ts';
import { unpackRows } from '../../src/core/wire.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { promotionsSnapshot, seenPage } from '../support/pages.ts';

// Each name its own day: rows of one day with the same terms could be one promotion read twice.
const DAYS: Record<string, string> = { A: '01', B: '02', C: '03', D: '04', E: '05', Alpha: '01', Beta: '02' };
const row = (name: string, spent = 0): PagePromotion => ({
  name,
  type: 'conditional',
  status: 'earning',
  amount: 50,
  minSpend: 50,
  spent,
  unused: null,
  redeemedOn: `2026-03-${DAYS[name] ?? '01'}`,
  validFrom: null,
  validUntil: null,
  assigned: null,
});
const snapshot = (promotions: PagePromotion[]): SeenPage =>
  seenPage(promotionsSnapshot('123', promotions, { balance: { total: 10, cash: 10, credit: 0 } }));
const draft = (code: string) => ({
  code,
  accountId: '123',
  receivedOn: '2026-03-01',
  name: null,
  terms: { ...EMPTY_TERMS, amount: 50, minSpend: 50, currency: 'USD' },
});

type Kept = { kept: KeptView[] };

let fake: FakeBrowser;
let worker: ReturnType<typeof startWorker>;
/** Every storage.local.get the code under test made: its keys, null for everything. */
let reads: Array<unknown>;
/** Every storage.local.set and remove the code under test made: the keys it gave. */
let writes: Array<{ set: string[] } | { remove: string[] }>;

function create() {
  fake = createFakeBrowser({ now: Date.parse('2026-03-05T10:00:00Z') });
  setBrowser(fake.browser);
  const local = fake.browser.storage.local;
  const get = local.get.bind(local);
  reads = [];
  local.get = (keys) => {
    reads.push(keys ?? null);
    return get(keys);
  };
  const set = local.set.bind(local);
  const remove = local.remove.bind(local);
  writes = [];
  local.set = (items) => {
    writes.push({ set: Object.keys(items).sort() });
    return set(items);
  };
  local.remove = (keys) => {
    writes.push({ remove: typeof keys === 'string' ? [keys] : [...keys] });
    return remove(keys);
  };
}

function boot() {
  worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
  return worker.idle();
}

async function send<T = unknown>(message: Message, sender: MessageSender = fake.senders.popup) {
  const answer = (await fake.send(message, sender)) as Result<T>;
  await worker.idle();
  return answer;
}

/** A snapshot's answer, what it says is kept unpacked as the content script unpacks it (core/wire.ts). */
const page = async (rows: PagePromotion[]): Promise<Result<Kept>> => {
  const answer = await send<Kept>(
    { type: 'snapshot', snapshot: snapshot(rows) },
    fake.senders.content(7, snapshot([]).url!),
  );
  return answer.ok
    ? { ...answer, value: { ...answer.value, kept: unpackRows(answer.value.kept) as KeptView[] } }
    : answer;
};

const names = (answer: Result<Kept>) =>
  answer.ok ? answer.value.kept.map((r) => r.name ?? r.code).sort() : [];

/** What the worker's copy claims, checked against storage itself (pages read storage, never the copy). */
async function storageAgrees(answer: Result<Kept>) {
  const stored = (await readKept()).promotions.filter((r) => r.accountId === '123');
  // The answer says what the page shows of them (core/kept-on-page.ts), at the fake clock's instant.
  expect(answer.ok && answer.value.kept).toEqual(keptOnPage(stored, fake.clock.now, 'UTC').promotions);
}

beforeEach(async () => {
  create();
  await boot();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the worker's copy of storage", () => {
  it('is read once per wake: later messages read no storage and each sees what the one before wrote', async () => {
    expect(reads).toContain(null);
    reads.length = 0;
    await page([row('Alpha')]);
    await send({ type: 'promotion-save', existing: null, draft: draft('CODE1') });
    const answer = await page([row('Alpha', 10), row('Beta')]);
    expect(reads).toEqual([]);
    expect(names(answer)).toEqual(['Alpha', 'Beta', 'CODE1']);
    await storageAgrees(answer);

    fake.restartWorker();
    reads.length = 0;
    await boot();
    expect(reads).toContain(null);
  });

  it('validates each stored promotion once per wake, and after that only what a message writes', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) await page([row(name)]);
    fake.restartWorker();
    const parse = vi.spyOn(PromotionRecord, 'safeParse');
    await boot();
    const atWake = parse.mock.calls.length;
    expect(atWake).toBeGreaterThanOrEqual(5);
    parse.mockClear();
    await page([row('A', 20)]);
    // The one record the page changed, as written; none of the four it left alone.
    expect(parse.mock.calls.length).toBe(1);
    parse.mockClear();
    await page([row('A', 20)]);
    expect(parse.mock.calls.length).toBe(0);
  });

  it('is dropped by a change it did not make: the next message reads storage and sees that change', async () => {
    const saved = await send<{ promotion: PromotionRecord }>({
      type: 'promotion-save',
      existing: null,
      draft: draft('MINE'),
    });
    const mine = saved.ok ? saved.value.promotion : null;
    reads.length = 0;
    // Someone else (devtools, another instance of the worker) adds a promotion.
    const theirs = { ...mine!, id: 'code:THEIRS', code: 'THEIRS' };
    fake.storage[promoKey('123', theirs.id)] = theirs;
    const answer = await page([]);
    expect(reads).toContain(null);
    expect(names(answer)).toEqual(['MINE', 'THEIRS']);
    await storageAgrees(answer);
  });

  it('does not take a value someone else wrote on trust: an invalid one is read around and set aside on the next wake', async () => {
    await page([row('Alpha')]);
    const bad = promoKey('123', 'code:BAD');
    fake.storage[bad] = { id: 'code:BAD', accountId: '123', status: 'sideways' };
    const answer = await page([row('Alpha', 5)]);
    expect(names(answer)).toEqual(['Alpha']);
    fake.restartWorker();
    await boot();
    expect(fake.storage).not.toHaveProperty(bad);
    expect(Object.keys(fake.storage).filter((k) => k.startsWith(QUARANTINE_PREFIX))).toHaveLength(1);
  });

  it('is dropped by a change deep inside a value, and sees it', async () => {
    await page([row('Alpha')]);
    reads.length = 0;
    fake.storage[KEY.settings] = { ...DEFAULT_SETTINGS, reminderDays: [2] };
    await page([row('Alpha', 10)]);
    expect(reads).toContain(null);
    expect(fake.storage[KEY.summary]).toBeDefined();
    expect((await readKept()).settings.reminderDays).toEqual([2]);
  });

  it('is kept when a change reported leaves storage as the copy holds it', async () => {
    reads.length = 0;
    fake.storage[KEY.settings] = { ...DEFAULT_SETTINGS };
    await page([row('Alpha')]);
    expect(reads).toEqual([]);
  });

  it('is dropped after a failed write: what storage holds is read again', async () => {
    await page([row('Alpha')]);
    reads.length = 0;
    fake.failNextWrites(1);
    const refused = await page([row('Alpha', 30), row('Beta')]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    const answer = await page([row('Alpha', 30)]);
    expect(reads).toContain(null);
    expect(names(answer)).toEqual(['Alpha']);
    await storageAgrees(answer);
  });

  it('recognises its own writes when storage reports them later and with members in another order, as Chrome does', async () => {
    // Chrome reports a change after the write's promise, with the value as stored: its members sorted.
    fake.restartWorker();
    const onChanged = fake.browser.storage.onChanged;
    const wrapped = new Map<(...args: never[]) => void, (...args: never[]) => void>();
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .reverse()
                .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
            )
          : v;
    fake.browser.storage.onChanged = {
      addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void) {
        const later = (changes: Record<string, { newValue?: unknown }>, area: string) =>
          void setTimeout(() => listener(sorted(changes) as typeof changes, area), 5);
        wrapped.set(listener as never, later as never);
        onChanged.addListener(later);
      },
      removeListener(listener: never) {
        onChanged.removeListener(wrapped.get(listener) as never);
      },
      hasListener: () => false,
    } as unknown as typeof onChanged;
    await boot();
    reads.length = 0;
    // Several writes to the same keys before any of their changes is reported.
    await Promise.all([page([row('Alpha', 1)]), page([row('Alpha', 2)]), page([row('Beta', 3)])]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = await page([row('Alpha', 4)]);
    expect(reads).toEqual([]);
    await storageAgrees(answer);

    // And someone else's change still drops it.
    fake.storage[KEY.settings] = { ...DEFAULT_SETTINGS, reminderDays: [2] };
    await new Promise((resolve) => setTimeout(resolve, 50));
    await page([row('Alpha', 5)]);
    expect(reads).toContain(null);
  });
});

describe("the worker's writes", () => {
  it('leave out what storage already holds: a snapshot that changes nothing writes nothing', async () => {
    const first = await page([row('Alpha', 10), row('Beta', 20)]);
    expect(writes).not.toEqual([]);
    const stored: unknown = JSON.parse(JSON.stringify(fake.storage));
    writes.length = 0;
    // The same page at the same instant: the same promotions, balance and last snapshot.
    const again = await page([row('Alpha', 10), row('Beta', 20)]);
    expect(writes).toEqual([]);
    expect(again).toMatchObject({ ok: true, value: { changed: [] } });
    expect(again.ok && again.value.kept).toEqual(first.ok && first.value.kept);
    expect(fake.storage).toEqual(stored);
    await storageAgrees(again);
  });

  it('still write every key whose value changed, however deep, and only those', async () => {
    await page([row('Alpha', 10), row('Beta', 20)]);
    writes.length = 0;
    // Same instant and balance: only Alpha's spend (a reading deep in its observations) moves, with the
    // snapshot and the summary that copies Alpha.
    const answer = await page([row('Alpha', 11), row('Beta', 20)]);
    const alpha = Object.keys(fake.storage).find(
      (k) => k.startsWith(promoKey('123', '')) && /alpha/.test(k),
    )!;
    expect(writes).toEqual([{ set: [KEY.lastSnapshot, alpha, KEY.summary].sort() }]);
    expect((fake.storage[alpha] as PromotionRecord).observations.at(-1)).toMatchObject({ spent: 11 });
    await storageAgrees(answer);
    // A minute on, the balance's and the snapshot's instants change too.
    writes.length = 0;
    fake.clock.now += 60_000;
    await page([row('Alpha', 11), row('Beta', 20)]);
    expect(writes).toEqual([{ set: [KEY.balances, KEY.lastSnapshot] }]);
  });

  it('write a value their copy held once someone else changed it: the dropped copy is not compared with', async () => {
    const mine = { ...DEFAULT_SETTINGS, reminderDays: [3] };
    await send({ type: 'settings-save', settings: mine });
    expect(fake.storage[KEY.settings]).toEqual(mine);
    fake.storage[KEY.settings] = { ...DEFAULT_SETTINGS, reminderDays: [2] };
    writes.length = 0;
    await send({ type: 'settings-save', settings: mine });
    expect(writes).toContainEqual({ set: [KEY.settings] });
    expect(fake.storage[KEY.settings]).toEqual(mine);
    // And a removal of what someone else stored.
    fake.storage[KEY.overlayCollapsed] = { '123': true };
    await writeChanges({ set: {}, remove: [KEY.overlayCollapsed] });
    expect(fake.storage).not.toHaveProperty(KEY.overlayCollapsed);
  });

  it('keep a key both set and removed as planned, since their order decides what is stored', async () => {
    await send({ type: 'settings-save', settings: DEFAULT_SETTINGS });
    const settings: unknown = fake.storage[KEY.settings];
    // Removed, then set again as stored: stored.
    await writeChanges({ set: { [KEY.settings]: settings }, remove: [KEY.settings], removeFirst: true });
    expect(fake.storage[KEY.settings]).toEqual(settings);
    // Not stored, set, then removed: not stored.
    expect(fake.storage).not.toHaveProperty(KEY.overlayCollapsed);
    await writeChanges({ set: { [KEY.overlayCollapsed]: { '123': true } }, remove: [KEY.overlayCollapsed] });
    expect(fake.storage).not.toHaveProperty(KEY.overlayCollapsed);
    // A removal of what is not stored is no call at all.
    writes.length = 0;
    await writeChanges({ set: {}, remove: [KEY.overlayCollapsed] });
    expect(writes).toEqual([]);
  });
});

describe('sameStored', () => {
  it('compares values as storage keeps them: members in any order, undefined ones absent', () => {
    expect(sameStored({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameStored({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameStored({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameStored({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe(false);
    expect(sameStored({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameStored({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameStored([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameStored([1, 2], [1, 2, 3])).toBe(false);
    expect(sameStored(null, {})).toBe(false);
    expect(sameStored('1', 1)).toBe(false);
  });
});
