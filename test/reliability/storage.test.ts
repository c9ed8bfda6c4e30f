// storage.local as another tool, an old build or a crash could leave it: 1,000 corrupted or foreign
// values among valid records. On wake the worker must keep every valid record, set every invalid
// value aside with its raw value, and restore each one once it is fixed; a full quota must answer a
// typed error and lose nothing.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startWorker } from '../../src/background/worker.ts';
import type { Result } from '../../src/core/messages.ts';
import { DEFAULT_SETTINGS, PromotionRecord, type PageSnapshot } from '../../src/core/schemas.ts';
import { KEY, MAX_SET_ASIDE_CHARS, promoKey, QUARANTINE_PREFIX } from '../../src/core/store/layout.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { readKept } from '../../src/platform/store.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { attempt, record } from '../unit/ui-records.tsx';
import { report, scaled } from './figures.ts';

let fake: FakeBrowser;
let worker: ReturnType<typeof startWorker>;

function boot() {
  fake.restartWorker();
  worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
  return worker.idle();
}

const send = (message: unknown) => fake.send(message, fake.senders.options) as Promise<Result<unknown>>;

beforeEach(() => {
  fake = createFakeBrowser({ now: Date.parse('2026-11-24T10:00:00Z') });
  setBrowser(fake.browser);
});

afterEach(() => {
  // A value that reached Object.prototype would leak into every later test: fail here instead.
  expect(Object.keys(Object.prototype)).toEqual([]);
});

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

describe('corrupted and foreign stored values', () => {
  it('keeps every valid record, quarantines every invalid value, and restores each once fixed', async () => {
    const profiles = scaled(5);
    const sum = { values: 0, invalid: 0, lost: 0, quarantined: 0, restorable: 0 };
    for (let p = 0; p < profiles; p++) {
      const figures = await corruptedProfile(200, 60, 9 + p);
      for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += figures[k];
    }
    report(
      'storage',
      `${sum.values} values (${sum.invalid} invalid) in ${profiles} profiles, ${sum.lost} valid records lost, ` +
        `${sum.quarantined} quarantined, ${sum.restorable} restorable`,
    );
    expect(sum.lost).toBe(0);
    expect(sum.restorable).toBe(sum.invalid);
  }, 300_000);

  it('keeps both quarantined values when two wakes set values aside in the same millisecond', async () => {
    fake.storage[promoKey('1', 'first')] = 'broken once';
    await boot();
    fake.storage[promoKey('1', 'second')] = 'broken twice';
    await boot();
    const raws = (await readKept()).quarantine.map((q) => q.raw).sort();
    expect(raws).toEqual(['broken once', 'broken twice']);
  });

  it('migrates an old version whose list mixes valid records and junk, losing nothing', async () => {
    const olds = Array.from({ length: 20 }, (_, i) => record({ id: `old-${i}`, accountId: '9' }));
    Object.assign(fake.storage, {
      schemaVersion: 1,
      settings: DEFAULT_SETTINGS,
      attempts: [],
      promotions: [...olds.slice(0, 10), 'junk', { id: 5 }, null, ...olds.slice(10)],
    });
    await boot();
    const kept = await readKept();
    expect(kept.promotions.map((p) => p.id).sort()).toEqual(olds.map((r) => r.id).sort());
    expect(kept.quarantine.map((q) => q.raw)).toEqual(expect.arrayContaining(['junk', { id: 5 }, null]));
    expect(kept.quarantine).toHaveLength(3);
  });
});

const blankSnapshot: PageSnapshot = {
  view: 'other',
  url: null,
  lang: null,
  accountId: null,
  currency: null,
  balance: null,
  promotions: [],
  redeem: null,
  warnings: [],
};

describe('storage quota exhausted', () => {
  it('answers quota-exceeded, changes nothing, and quarantines on the next wake once there is room', async () => {
    await boot();
    const saved = await send({
      type: 'promotion-save',
      existing: null,
      draft: { code: 'KEEP', accountId: '1', receivedOn: null, name: null, terms: record().terms },
    });
    expect(saved.ok).toBe(true);
    fake.storage[promoKey('1', 'broken')] = { status: 'sideways' };
    const before = JSON.stringify(fake.storage);
    fake.quotaBytes = before.length;

    // A wake cannot move the broken value aside (no room for its copy): it stays where it was.
    await boot();
    expect(JSON.stringify(fake.storage)).toBe(before);
    const answers = await Promise.all([
      send({
        type: 'settings-save',
        settings: { ...DEFAULT_SETTINGS, timeZone: 'America/Argentina/ComodRivadavia' },
      }),
      fake.send(
        {
          type: 'snapshot',
          snapshot: {
            ...blankSnapshot,
            view: 'payment',
            accountId: '1',
            balance: { total: 1, cash: 1, credit: 0 },
          },
        },
        fake.senders.content(),
      ),
      send({
        type: 'promotion-save',
        existing: null,
        draft: {
          code: 'NEW',
          accountId: '1',
          receivedOn: null,
          name: 'y'.repeat(200),
          terms: record().terms,
        },
      }),
    ]);
    expect(answers).toEqual(
      answers.map(() => ({
        ok: false,
        error: { code: 'quota-exceeded', message: expect.stringMatching(/full/) },
      })),
    );
    expect(JSON.stringify(fake.storage)).toBe(before);
    expect((await readKept()).promotions.map((p) => p.code)).toEqual(['KEEP']);

    fake.quotaBytes = 10 * 1024 * 1024;
    await boot();
    const kept = await readKept();
    expect(kept.promotions.map((p) => p.code)).toEqual(['KEEP']);
    expect(kept.quarantine.map((q) => q.raw)).toEqual([{ status: 'sideways' }]);
    report('storage-quota', `${answers.length} writes refused with quota-exceeded, 0 records lost`);
  });
});
