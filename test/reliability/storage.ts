// storage.local as another tool, an old build or a crash could leave it: 1,000 corrupted or foreign
// values among valid records. On wake the worker must keep every valid record, set every invalid
// value aside with its raw value, and restore each one once it is fixed; a full quota must answer a
// typed error and lose nothing. The profiles of corrupted values are spread over several test files
// (storage.<part>.test.ts) that run side by side: each wakes a worker on 260 values and restores 200
// of them one message at a time, 6 to 8 s of one core here (three times that on a busy machine);
// storage.test.ts holds the smaller cases.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, expect, it } from 'vitest';

import { startWorker } from '../../src/background/worker.ts';
import type { Result } from '../../src/core/messages.ts';
import { DEFAULT_SETTINGS, PromotionRecord, type PageSnapshot } from '../../src/core/schemas.ts';
import { KEY, MAX_SET_ASIDE_CHARS, promoKey, QUARANTINE_PREFIX } from '../../src/core/store/layout.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { readKept } from '../../src/platform/store.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { attempt, record } from '../unit/ui-records.tsx';
import { report, scaled } from './figures.ts';
import { pageSnapshot } from '../support/pages.ts';

export let fake: FakeBrowser;
let worker: ReturnType<typeof startWorker>;

export function boot() {
  fake.restartWorker();
  worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
  return worker.idle();
}

export const send = (message: unknown) =>
  fake.send(message, fake.senders.options) as Promise<Result<unknown>>;

/** A fresh fake browser before each test of the calling file, and a check after each that nothing leaked. */
export function freshStorageEachTest(): void {
  beforeEach(() => {
    fake = createFakeBrowser({ now: Date.parse('2026-11-24T10:00:00Z') });
    setBrowser(fake.browser);
  });
  afterEach(() => {
    // A value that reached Object.prototype would leak into every later test: fail here instead.
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
}

const HUGE = 'x'.repeat(1024 * 1024);

/** A stored value that fails validation, named by how it was made. */
type Damage = { how: string; value: unknown };

/** Ways to damage a valid record, and values that were never ours. */
function damaged(valid: PromotionRecord, pick: number, junk: unknown): Damage {
  const json = JSON.stringify(valid);
  const ways: Array<() => Damage> = [
    () => ({ how: 'truncated JSON string', value: json.slice(0, 1 + (pick % (json.length - 1))) }),
    () => ({ how: 'wrong type', value: junk }),
    () => ({ how: 'null', value: null }),
    () => ({ how: 'array for an object', value: [valid] }),
    () => ({ how: 'field of the wrong type', value: { ...valid, observations: 'none' } }),
    () => ({ how: 'missing field', value: { ...valid, terms: undefined } }),
    () => ({ how: 'unknown enum value', value: { ...valid, status: 'sideways' } }),
    () => ({
      how: 'old version shape',
      value: { code: valid.code, amount: 50, deadline: '31/12/2026', v: 0 },
    }),
    () => ({
      how: 'prototype-pollution keys',
      value: JSON.parse(`{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"id":""}`),
    }),
    () => ({ how: 'impossible date', value: { ...valid, activatedOn: '2026-02-30T99' } }),
    () => ({
      how: 'negative spend',
      value: { ...valid, observations: [{ at: valid.createdAt, spent: -1 }] },
    }),
  ];
  return ways[pick % ways.length]!();
}

/**
 * One profile of invalid values among valid ones, through a wake and a restore of each
 * quarantined value. Every restore re-reads the whole store, so 1,000 values are tried as several
 * profiles: the cost stays linear in the number of values.
 */
async function corruptedProfile(invalidCount: number, validCount: number, seed: number) {
  fake = createFakeBrowser({ now: Date.parse('2026-11-24T10:00:00Z') });
  setBrowser(fake.browser);
  const junk = fc.sample(fc.anything({ withNullPrototype: false }), { seed, numRuns: invalidCount * 2 });
  const items: Record<string, unknown> = { [KEY.version]: 2, [KEY.settings]: DEFAULT_SETTINGS };
  const valid = new Map<string, PromotionRecord>();
  for (let i = 0; i < validCount; i++) {
    const r = record({
      id: `ok-${i}`,
      accountId: `acct${i % 7}`,
      name: i % 5 === 0 ? '__proto__' : `Offer ${i}`,
    });
    valid.set(promoKey(r.accountId, r.id), r);
    items[promoKey(r.accountId, r.id)] = r;
  }
  // The invalid values: in promotion keys (most), in every singleton key, inside the attempts list,
  // two of about 1 MB, and keys named like Object.prototype's own.
  const bad = new Map<string, Damage>();
  const validAttempts = [attempt({ id: 'a-ok-1' }), attempt({ id: 'a-ok-2' })];
  const attemptsList: unknown[] = [validAttempts[0], { id: 'a-bad', code: 42 }, validAttempts[1], 'junk'];
  items[KEY.attempts] = attemptsList;
  bad.set(`${KEY.attempts}[1]`, { how: 'bad attempt', value: attemptsList[1] });
  bad.set(`${KEY.attempts}[3]`, { how: 'bad attempt', value: attemptsList[3] });
  for (const [key, value] of [
    [KEY.balances, { '123': { balance: 'lots' } }],
    [KEY.reminders, []],
    [KEY.lastSnapshot, '{"view":"payment"'],
  ] as const) {
    items[key] = value;
    bad.set(key, { how: 'singleton', value });
  }
  for (let i = 0; bad.size < invalidCount; i++) {
    const base = record({ id: `bad-${i}`, accountId: `acct${i % 7}` });
    const key =
      i === 0
        ? promoKey('__proto__', 'constructor')
        : i === 1
          ? promoKey('constructor', '__proto__')
          : promoKey(base.accountId, base.id);
    const damage: Damage = i < 2 ? { how: '~1 MB string', value: HUGE } : damaged(base, i, junk[i]);
    // storage keeps JSON: undefined is no value at all, and a value the schema accepts is not damage.
    if (damage.value === undefined || PromotionRecord.safeParse(damage.value).success) continue;
    items[key] = damage.value;
    bad.set(key, damage);
  }
  // Keys that are not ours: left alone, never quarantined or removed.
  items['other-tool:settings'] = { theme: 'dark' };
  Object.assign(fake.storage, JSON.parse(JSON.stringify(items)));

  await boot();

  const kept = await readKept();
  const keptByKey = new Map(kept.promotions.map((p) => [promoKey(p.accountId, p.id), p]));
  // Deep equality, not JSON text: the schema may order a record's fields differently from our builder.
  const lost = [...valid].filter(([key, r]) => !isDeepStrictEqual(keptByKey.get(key), r));
  const lostAttempts = validAttempts.filter((a) => !kept.attempts.some((k) => k.id === a.id));
  const byKey = new Map(kept.quarantine.map((q) => [q.key, q]));
  const notQuarantined = [...bad.keys()].filter((key) => !byKey.has(key));
  // Set aside whole, or, past MAX_SET_ASIDE_CHARS of JSON, as the start of its JSON and its size.
  const setAsideAs = (value: unknown) => {
    const json = JSON.stringify(value);
    return json.length <= MAX_SET_ASIDE_CHARS
      ? { raw: json, size: undefined }
      : { raw: JSON.stringify(json.slice(0, MAX_SET_ASIDE_CHARS)), size: json.length };
  };
  const rawChanged = [...bad].filter(([key, d]) => {
    const item = byKey.get(key);
    if (item === undefined) return false;
    return !isDeepStrictEqual({ raw: JSON.stringify(item.raw), size: item.size }, setAsideAs(d.value));
  });
  expect(lost.map(([key]) => key)).toEqual([]);
  expect(lostAttempts).toEqual([]);
  expect(kept.invalid).toEqual([]);
  expect(notQuarantined).toEqual([]);
  expect(rawChanged.map(([key]) => key)).toEqual([]);
  expect(fake.storage['other-tool:settings']).toEqual({ theme: 'dark' });
  expect(kept.quarantine).toHaveLength(bad.size);

  // Restore after fixing: a promotion key gets a valid record, the others a valid value of their kind.
  const fixFor = (key: string, n: number): unknown => {
    if (key === KEY.balances) return {};
    if (key === KEY.reminders) return { fired: {}, snoozed: {} };
    if (key === KEY.lastSnapshot)
      return { tabId: null, at: '2026-11-24T10:00:00.000Z', snapshot: blankSnapshot };
    if (key.startsWith(`${KEY.attempts}[`)) return attempt({ id: `a-fixed-${n}` });
    return record({ id: `fixed-${n}`, accountId: 'restored' });
  };
  const refused: string[] = [];
  // The two ~1 MB values first: every later restore then reads a small store.
  const order = [...kept.quarantine].sort(
    (a, b) => JSON.stringify(b.raw).length - JSON.stringify(a.raw).length,
  );
  for (const [n, item] of order.entries()) {
    const answer = await send({ type: 'quarantine-restore', id: item.id, value: fixFor(item.key, n) });
    if (!answer.ok) refused.push(`${item.key}: ${answer.error.message}`);
  }
  await worker.idle();
  const after = await readKept();
  const restorable = bad.size - refused.length;
  const stillLost = [...valid.keys()].filter(
    (key) => !after.promotions.some((p) => promoKey(p.accountId, p.id) === key),
  );
  expect(refused).toEqual([]);
  expect(stillLost).toEqual([]);
  expect(after.quarantine).toEqual([]);
  expect(Object.keys(fake.storage).filter((k) => k.startsWith(QUARANTINE_PREFIX))).toEqual([]);
  expect(after.promotions.filter((p) => p.accountId === 'restored')).toHaveLength(
    [...bad.keys()].filter((k) => k.startsWith('promo:')).length,
  );
  expect(after.attempts.map((a) => a.id).filter((id) => !id.startsWith('a-fixed-'))).toEqual([
    'a-ok-1',
    'a-ok-2',
  ]);
  expect(after.attempts).toHaveLength(
    2 + [...bad.keys()].filter((k) => k.startsWith(`${KEY.attempts}[`)).length,
  );
  return {
    values: bad.size + valid.size,
    invalid: bad.size,
    lost: lost.length + lostAttempts.length,
    quarantined: kept.quarantine.length,
    restorable,
  };
}

export const blankSnapshot: PageSnapshot = pageSnapshot({ view: 'other', lang: null });

/** Test files the profiles are spread over: storage.1.test.ts … storage.5.test.ts. */
export const PARTS = 5;

/** The corrupted profiles whose index is `part` − 1 modulo PARTS (all profiles across the PARTS files). */
export function corruptedProfiles(part: number): void {
  it(`keeps every valid record, quarantines every invalid value, and restores each once fixed (part ${part} of ${PARTS})`, async () => {
    const profiles = scaled(PARTS);
    const sum = { values: 0, invalid: 0, lost: 0, quarantined: 0, restorable: 0 };
    for (let p = part - 1; p < profiles; p += PARTS) {
      const figures = await corruptedProfile(200, 60, 9 + p);
      for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += figures[k];
    }
    report(
      `storage (part ${part}/${PARTS})`,
      `${sum.values} values (${sum.invalid} invalid) in ${Math.ceil((profiles - part + 1) / PARTS)} of ${profiles} profiles, ${sum.lost} valid records lost, ` +
        `${sum.quarantined} quarantined, ${sum.restorable} restorable`,
    );
    expect(sum.lost).toBe(0);
    expect(sum.restorable).toBe(sum.invalid);
  }, 300_000);
}
