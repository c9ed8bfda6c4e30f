import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, blankPromotion, type PromotionRecord } from '../../src/core/schemas.ts';
import { SCHEMA_VERSION } from '../../src/core/store/layout.ts';
import { planMigrations } from '../../src/core/store/migrations/index.ts';
import { v1 } from '../../src/core/store/migrations/v1.ts';
import { v2 } from '../../src/core/store/migrations/v2.ts';
import { STALE_GLOSSARY_KEY, v4 } from '../../src/core/store/migrations/v4.ts';
import { v3 } from '../../src/core/store/migrations/v3.ts';
import { keptFrom } from '../../src/platform/store.ts';

const AT = '2026-03-01T00:00:00.000Z';
const record = (over: Partial<PromotionRecord>): PromotionRecord =>
  blankPromotion({
    id: 'code:A1',
    accountId: '123',
    code: 'A1',
    receivedOn: '2026-02-20',
    source: 'manual',
    createdAt: AT,
    ...over,
  });

describe('v1', () => {
  it('writes the initial layout on a fresh install', () => {
    expect(v1.migrate({}, AT)).toEqual({
      set: { schemaVersion: 1, settings: DEFAULT_SETTINGS, promotions: [], attempts: [] },
      remove: [],
    });
  });

  it('keeps values an unversioned build left', () => {
    const settings = { ...DEFAULT_SETTINGS, reminderDays: [2] };
    expect(v1.migrate({ settings, promotions: [1] }, AT).set).toEqual({ schemaVersion: 1, attempts: [] });
  });
});

describe('v2', () => {
  it('moves the flat promotions array to one key per account and promotion', () => {
    const a = record({});
    const b = record({ accountId: '999' });
    const c = record({ id: 'page:x|', accountId: null });
    const out = v2.migrate({ schemaVersion: 1, promotions: [a, b, c] }, AT);
    expect(out.remove).toEqual(['promotions']);
    expect(out.set).toEqual({
      schemaVersion: 2,
      'promo:123:code%3AA1': a,
      'promo:999:code%3AA1': b,
      'promo:-:page%3Ax%7C': c,
    });
  });

  it('quarantines an element it cannot key, with its raw value, instead of dropping it', () => {
    const out = v2.migrate({ promotions: [{ name: 'no id' }] }, AT);
    expect(out.set['quarantine:v2-promotions-0']).toMatchObject({
      key: 'promotions[0]',
      raw: { name: 'no id' },
      at: AT,
    });
  });
});

describe('v3', () => {
  it("only marks the version: the summary is the worker's to write, and nothing else changes shape", () => {
    const a = record({});
    const items = { schemaVersion: 2, 'promo:123:code%3AA1': a, settings: DEFAULT_SETTINGS, attempts: [] };
    expect(v3.migrate(items, AT)).toEqual({ set: { schemaVersion: 3 }, remove: [] });
    expect(planMigrations(items, AT)).toEqual({ from: 2, to: 4, set: { schemaVersion: 4 }, remove: [] });
  });
});

describe('v4', () => {
  it('removes the page wordings older builds kept in storage, and only them', () => {
    const a = record({});
    const items = { schemaVersion: 3, 'promo:123:code%3AA1': a, settings: DEFAULT_SETTINGS, attempts: [] };
    expect(v4.migrate(items, AT)).toEqual({ set: { schemaVersion: 4 }, remove: [] });
    const stale = { ...items, [STALE_GLOSSARY_KEY]: { _about: { languages: ['en'] } } };
    expect(v4.migrate(stale, AT)).toEqual({ set: { schemaVersion: 4 }, remove: [STALE_GLOSSARY_KEY] });
    expect(planMigrations(stale, AT)).toEqual({
      from: 3,
      to: 4,
      set: { schemaVersion: 4 },
      remove: [STALE_GLOSSARY_KEY],
    });
  });
});

describe('planMigrations', () => {
  it('brings a v1 store to the current version in one plan that readers understand', () => {
    const a = record({});
    const plan = planMigrations(
      { schemaVersion: 1, promotions: [a], settings: DEFAULT_SETTINGS, attempts: [] },
      AT,
    );
    expect(plan).toMatchObject({ from: 1, to: SCHEMA_VERSION, remove: ['promotions'] });
    const kept = keptFrom({ settings: DEFAULT_SETTINGS, attempts: [], ...plan.set });
    expect(kept.promotions).toEqual([a]);
    expect(kept.invalid).toEqual([]);
  });

  it('takes a fresh install straight to the current layout without a leftover promotions key', () => {
    const plan = planMigrations({}, AT);
    expect(plan.set).toEqual({ schemaVersion: SCHEMA_VERSION, settings: DEFAULT_SETTINGS, attempts: [] });
    expect(plan.remove).toEqual(['promotions']);
  });

  it('leaves current and newer stores alone', () => {
    expect(planMigrations({ schemaVersion: SCHEMA_VERSION }, AT)).toMatchObject({ set: {}, remove: [] });
    expect(planMigrations({ schemaVersion: 99 }, AT)).toMatchObject({
      from: 99,
      to: 99,
      set: {},
      remove: [],
    });
  });
});
