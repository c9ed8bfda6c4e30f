// The store registry (src/core/store/registry.ts): each flag does what it says, for every declared key.
// Storage is seeded with one valid value per entry, and each rule is checked where it is used: the worker's
// data clear, the backup and its import, the restore from quarantine, the summary's follow-up, validation
// on read, and the fake browser's refusal of an undeclared key.
import { beforeEach, describe, expect, it } from 'vitest';
import { summaryFollowUp } from '../../src/background/summary.ts';
import { dataImport } from '../../src/background/handlers/data-import.ts';
import { restoreTarget } from '../../src/background/handlers/quarantine-restore.ts';
import { startWorker } from '../../src/background/worker.ts';
import type { Result } from '../../src/core/messages.ts';
import { ok } from '../../src/core/result.ts';
import { Backup, DEFAULT_SETTINGS, type RedeemAttempt } from '../../src/core/schemas.ts';
import { heldKey, KEY, promoKey, quarantineKey } from '../../src/core/store/layout.ts';
import {
  BACKED_UP,
  clearedKeys,
  isDeclared,
  KEY_NAMES,
  REGISTRY,
  RESTORABLE,
  ruleOf,
  SUMMARY_INPUTS,
  type KeyName,
} from '../../src/core/store/registry.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { keptFrom, transaction } from '../../src/platform/store.ts';
import { createFakeBrowser, UndeclaredKeyError, type FakeBrowser } from '../fake-browser.ts';
import { record } from './ui-records.tsx';
import { pageSnapshot } from '../support/pages.ts';

const AT = '2026-03-05T10:00:00.000Z';
const promotion = record({ accountId: '1' });
const attempt: RedeemAttempt = {
  id: 'a1',
  accountId: '1',
  code: 'CODE1',
  error: null,
  succeeded: true,
  lang: 'en',
  at: AT,
  reasons: [],
};

/** Per entry: a key of it, a valid value, and one its schema refuses. */
const SAMPLES: Record<KeyName, { key: string; valid: unknown; invalid: unknown }> = {
  version: { key: KEY.version, valid: 4, invalid: 'four' },
  promotions: { key: promoKey('1', promotion.id), valid: promotion, invalid: { id: 'broken' } },
  attempts: { key: KEY.attempts, valid: [attempt], invalid: 'not a list' },
  balances: {
    key: KEY.balances,
    valid: { 1: { balance: { total: 1, cash: 1, credit: 0 }, currency: 'USD', at: AT } },
    invalid: { 1: 'lots' },
  },
  settings: {
    key: KEY.settings,
    valid: { ...DEFAULT_SETTINGS, reminderDays: [5] },
    invalid: { reminderDays: 'x' },
  },
  reminders: { key: KEY.reminders, valid: { fired: {}, snoozed: { x: AT } }, invalid: { fired: 1 } },
  lastSnapshot: {
    key: KEY.lastSnapshot,
    valid: {
      tabId: 1,
      at: AT,
      snapshot: pageSnapshot({ accountId: '1' }),
    },
    invalid: { tabId: 'one' },
  },
  held: {
    key: heldKey(promoKey('1', promotion.id)),
    valid: { key: promoKey('1', promotion.id), record: promotion, reasons: [], url: null, at: AT },
    invalid: { key: 1 },
  },
  quarantine: {
    key: quarantineKey('q1'),
    valid: { id: 'q1', key: KEY.balances, reason: 'r', at: AT, raw: 1 },
    invalid: 'junk',
  },
  summary: { key: KEY.summary, valid: { day: '2026-03-05', promotions: [], snoozed: {} }, invalid: 7 },
  panelFolded: { key: KEY.overlayCollapsed, valid: { 1: true }, invalid: { 1: 'yes' } },
};

let fake: FakeBrowser;
beforeEach(() => {
  fake = createFakeBrowser({ now: Date.parse(AT) });
  setBrowser(fake.browser);
});

describe('the store registry', () => {
  it('declares each sample under the entry it is a sample of, and nothing else', () => {
    for (const name of KEY_NAMES) {
      expect(ruleOf(SAMPLES[name].key)).toBe(name);
      expect(REGISTRY[name].schema.safeParse(SAMPLES[name].valid).success).toBe(true);
      expect(REGISTRY[name].schema.safeParse(SAMPLES[name].invalid).success).toBe(false);
    }
    for (const key of ['glossary', 'promotions', 'promo', 'heldx', 'summary2'])
      expect(isDeclared(key)).toBe(false);
  });

  it('validation on read: an invalid value reads as the fallback, and is listed to set aside when restorable', () => {
    for (const name of KEY_NAMES) {
      const { key, invalid } = SAMPLES[name];
      const kept = keptFrom({ [key]: invalid });
      const listed = kept.invalid.map((i) => i.key);
      if (RESTORABLE.includes(name)) expect(listed, name).toEqual([key]);
      else expect(listed, name).toEqual([]);
    }
    expect(keptFrom({ [KEY.settings]: SAMPLES.settings.invalid }).settings).toEqual(DEFAULT_SETTINGS);
    expect(keptFrom({ [KEY.overlayCollapsed]: SAMPLES.panelFolded.invalid }).panelFolded).toEqual({});
  });

  it('cleared: "Clear all data" removes every cleared key and any undeclared one, and keeps the rest', async () => {
    for (const name of KEY_NAMES) fake.storage[SAMPLES[name].key] = SAMPLES[name].valid;
    fake.storage.glossary = { _about: { languages: [] } };
    const worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
    await worker.idle();
    const answer = (await fake.send({ type: 'data-clear' }, fake.senders.options)) as Result<null>;
    expect(answer.ok).toBe(true);
    await worker.idle();
    for (const name of KEY_NAMES) {
      const { key } = SAMPLES[name];
      if (name === 'settings') expect(fake.storage[key]).toEqual(DEFAULT_SETTINGS);
      // Derived: rebuilt in the same write, of nothing.
      else if (name === 'summary') expect(fake.storage[key]).toMatchObject({ promotions: [], snoozed: {} });
      else if (REGISTRY[name].cleared) expect(fake.storage, name).not.toHaveProperty(key);
      else expect(fake.storage, name).toHaveProperty(key);
    }
    expect(fake.storage).not.toHaveProperty('glossary');
    expect(clearedKeys(['glossary', KEY.version, KEY.settings])).toEqual(['glossary', KEY.settings]);
  });

  it('backedUp: the backup file carries exactly the backed-up entries, and its import writes only them', () => {
    const carried = Object.keys(Backup.shape).filter((k) => !['format', 'version', 'exportedAt'].includes(k));
    expect(carried.sort()).toEqual([...BACKED_UP].sort());
    const backup = { promotions: [promotion], attempts: [attempt], settings: DEFAULT_SETTINGS };
    const planned = dataImport.plan(
      { attempts: [] },
      { type: 'data-import', backup: { format: 'x', version: 1, exportedAt: AT, ...backup } as never },
      {} as never,
    );
    expect(planned.ok).toBe(true);
    const written = planned.ok ? Object.keys(planned.value.changes.set) : [];
    expect(new Set(written.map((k) => ruleOf(k)))).toEqual(new Set(BACKED_UP));
  });

  it('restorable: a quarantined value goes back to its key only for restorable entries', () => {
    for (const name of KEY_NAMES) {
      const { key, valid, invalid } = SAMPLES[name];
      const item = { id: 'q', key, reason: 'r', at: AT, raw: invalid };
      // The attempts list is restored one attempt at a time, into the list.
      const value = name === 'attempts' ? attempt : valid;
      const restored = restoreTarget(item, value, { attempts: [] });
      if (RESTORABLE.includes(name)) {
        expect(restored, name).toEqual(ok({ [key]: name === 'attempts' ? [attempt] : valid }));
        expect(restoreTarget(item, invalid, { attempts: [] }).ok, name).toBe(false);
      } else {
        expect(restored.ok, name).toBe(false);
      }
    }
  });

  it('feedsSummary: a change to an entry rewrites the summary in the same write exactly when it feeds it', async () => {
    expect([...SUMMARY_INPUTS].sort()).toEqual(['promotions', 'reminders', 'settings']);
    for (const name of KEY_NAMES) {
      if (name === 'summary') continue;
      fake = createFakeBrowser({ now: Date.parse(AT) });
      setBrowser(fake.browser);
      const writes: string[][] = [];
      fake.browser.storage.onChanged.addListener((c) => void writes.push(Object.keys(c)));
      const { key, valid } = SAMPLES[name];
      const follow = summaryFollowUp(Date.parse(AT), 'UTC');
      const result = await transaction(
        [],
        () => ok({ changes: { set: { [key]: valid }, remove: [] }, value: null }),
        follow,
      );
      expect(result.ok).toBe(true);
      expect(writes[0]!.includes(KEY.summary), name).toBe(REGISTRY[name].feedsSummary);
    }
  });

  it('the fake browser refuses a write to an undeclared key and fails the test that made it', async () => {
    const seen: string[] = [];
    fake = createFakeBrowser({ onUndeclared: (key) => void seen.push(key) });
    await expect(
      fake.browser.storage.local.set({ glossary: {}, [KEY.settings]: DEFAULT_SETTINGS }),
    ).rejects.toThrow(UndeclaredKeyError);
    expect(seen).toEqual(['glossary']);
    expect(fake.storage).toEqual({});
    await fake.browser.storage.local.set({ [KEY.settings]: DEFAULT_SETTINGS });
    expect(fake.storage).toEqual({ [KEY.settings]: DEFAULT_SETTINGS });
  });
});
