// Stored values the worker must survive: the smaller cases (storage.ts says what is tried, and where the
// 1,000 corrupted values are).
import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS } from '../../src/core/schemas.ts';
import { promoKey } from '../../src/core/store/layout.ts';
import { readKept } from '../../src/platform/store.ts';
import { record } from '../unit/ui-records.tsx';
import { report } from './figures.ts';
import { blankSnapshot, boot, fake, freshStorageEachTest, send } from './storage.ts';

freshStorageEachTest();

describe('corrupted and foreign stored values', () => {
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
