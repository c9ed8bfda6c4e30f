// The worker's handlers, one test each, as pure functions: a state as the store would read it, a message,
// a context; the plan's changes, answer and effects are checked without a browser. The table covers every
// message type (also a compile-time check: HandlerTable is a Record over MessageType).
import { describe, expect, it } from 'vitest';
import { HANDLERS, type Context } from '../../src/background/handlers/index.ts';
import { Message, type MessageType } from '../../src/core/messages.ts';
import { MAX_UNBACKED_PER_VISIT } from '../../src/core/store/guard.ts';
import { SNOOZE_MS } from '../../src/core/reminders.ts';
import {
  DEFAULT_SETTINGS,
  EMPTY_TERMS,
  type PageSnapshot,
  type SeenPage,
  type PromotionRecord,
  type RedeemAttempt,
} from '../../src/core/schemas.ts';
import { keptOnPage } from '../../src/core/kept-on-page.ts';
import {
  EMPTY_REMINDER_STATE,
  heldKey,
  KEY,
  promoKey,
  quarantineKey,
  type HeldChange,
} from '../../src/core/store/layout.ts';
import type { Kept } from '../../src/platform/store.ts';
import { record, t } from './ui-records.tsx';
import { promotionsSnapshot, seenPage } from '../support/pages.ts';

const NOW = Date.parse('2026-03-05T10:00:00Z');
const ctx = (over: Partial<Context> = {}): Context => ({
  now: NOW,
  at: new Date(NOW).toISOString(),
  zone: 'UTC',
  today: '2026-03-05',
  from: { kind: 'page', tabId: null },
  newId: () => 'id-1',
  t,
  unbackedOnVisit: 0,
  visit: '7|',
  ...over,
});
const fromTab = { kind: 'content', tabId: 7 } as const;

const state = (over: Partial<Kept> = {}): Kept => ({
  promotions: [],
  attempts: [],
  settings: DEFAULT_SETTINGS,
  balances: {},
  reminders: EMPTY_REMINDER_STATE,
  latestSnapshot: null,
  quarantine: [],
  held: [],
  panelFolded: {},
  storedKeys: [],
  invalid: [],
  ...over,
});

const snapshotOf = (accountId: string, over: Partial<PageSnapshot> = {}): SeenPage =>
  seenPage(promotionsSnapshot(accountId, [], { balance: { total: 10, cash: 10, credit: 0 }, ...over }));

/** Runs a handler as the worker does, with the full state (a handler sees only what it reads). */
function plan<T extends MessageType>(type: T, message: object, s = state(), c = ctx()) {
  const h = HANDLERS[type];
  const planned = (h.plan as (s: Kept, m: unknown, c: Context) => ReturnType<typeof h.plan>)(
    s,
    { type, ...message },
    c,
  );
  return planned;
}
const value = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('expected a plan');
  return r.value;
};

describe('the handler table', () => {
  it('has one handler for every message type, and no other', () => {
    const types = Message.def.options.flatMap((o) => o.shape.type.def.values as string[]);
    expect(Object.keys(HANDLERS).sort()).toEqual([...new Set(types)].sort());
  });

  it('declares what each handler reads, among the parts of kept data', () => {
    const parts = Object.keys(state());
    for (const [type, h] of Object.entries(HANDLERS))
      for (const read of h.reads) expect(parts, type).toContain(read);
  });
});

describe('handlers', () => {
  const a = record({ accountId: '1', id: 'code:A', code: 'A' });
  const b = record({ accountId: '2', id: 'code:B', code: 'B' });

  it('snapshot: merges the page, keeps the balance and the page, answers what the page shows of the account’s kept promotions, and until when', () => {
    const row = {
      name: 'New offer',
      type: 'conditional',
      status: 'earning',
      amount: 50,
      minSpend: 50,
      spent: 5,
      unused: null,
      redeemedOn: '2026-03-01',
      validFrom: null,
      validUntil: null,
      assigned: null,
    } as const;
    const planned = value(
      plan(
        'snapshot',
        { snapshot: snapshotOf('1', { promotions: [row] }) },
        state({ promotions: [a, b] }),
        ctx({ from: fromTab, zone: 'Asia/Tokyo' }),
      ),
    );
    const made = planned.value.changed;
    expect(made).toHaveLength(1);
    expect(planned.changes.set).toHaveProperty(promoKey('1', made[0]!.id));
    expect(planned.changes.set[KEY.balances]).toMatchObject({ 1: { currency: 'USD' } });
    expect(planned.changes.set[KEY.lastSnapshot]).toMatchObject({ tabId: 7 });
    // What the page shows of the account's kept promotions (the one kept before and the one just made), in
    // storage's key order, as the popup's rule works it out in the advertiser's zone.
    const after = [a, planned.changes.set[promoKey('1', made[0]!.id)] as PromotionRecord].sort((x, y) =>
      promoKey(x.accountId, x.id) < promoKey(y.accountId, y.id) ? -1 : 1,
    );
    expect(planned.value.kept).toEqual(keptOnPage(after, NOW, 'Asia/Tokyo').promotions);
    expect(planned.value.kept.map((v) => v.code).sort()).toEqual(['A', null]);
    // 19:00 in Tokyo: what it says holds until the day ends there, 15:00 UTC.
    expect(planned.value.until).toBe(Date.parse('2026-03-05T15:00:00Z'));
    expect(planned.effects).toEqual([{ kind: 'remind' }]);
  });

  it('snapshot: reads the rows’ values from the texts the page showed, and says when they put the read in doubt', () => {
    const seen = snapshotOf('1');
    const texts = {
      name: 'Texts only',
      type: 'conditional',
      status: 'earning',
      assigned: null,
      amount: '$50.00',
      unused: '',
      requirement: 'Spend $80.00',
      validDates: 'Nov 1, 2026 ~ Dec 31, 2026',
      redeemed: 'Nov 1, 2026',
      progress: ['$12.50 / $80.00'],
    } as const;
    const run = (row: typeof texts | (Omit<typeof texts, 'unused'> & { unused: string })) =>
      value(plan('snapshot', { snapshot: { ...seen, promotions: [row] } }, state(), ctx({ from: fromTab })));
    const clean = run(texts);
    const stored = clean.changes.set[KEY.lastSnapshot] as { snapshot: PageSnapshot };
    expect(stored.snapshot.promotions).toEqual([
      {
        name: 'Texts only',
        type: 'conditional',
        status: 'earning',
        amount: 50,
        minSpend: 80,
        spent: 12.5,
        unused: null,
        redeemedOn: '2026-11-01',
        validFrom: '2026-11-01',
        validUntil: '2026-12-31',
        assigned: null,
      },
    ]);
    expect(stored.snapshot.warnings).toEqual([]);
    expect(clean.value.doubtful).toBe(false);
    // More unused than the amount: left empty, and the page's panel hears that the read is in doubt.
    const odd = run({ ...texts, unused: '$70.00' });
    const oddStored = odd.changes.set[KEY.lastSnapshot] as { snapshot: PageSnapshot };
    expect(oddStored.snapshot.promotions[0]!.unused).toBeNull();
    expect(oddStored.snapshot.warnings).toEqual([
      "promotions table: row 1: 'Unused amount' 70 is more than the amount 50; left empty",
    ]);
    expect(odd.value.doubtful).toBe(true);
    // A refusal the page showed in words only is the worker's to know, and its answer says it.
    const refusal = 'This code has expired.';
    const dialog = {
      open: true,
      code: 'X1',
      error: null,
      succeeded: false,
      heard: ['Redeem coupon', refusal],
    };
    const refused = value(
      plan('snapshot', { snapshot: { ...seen, redeem: dialog } }, state(), ctx({ from: fromTab })),
    );
    expect(refused.value.redeem).toEqual({ open: true, code: 'X1', error: refusal, succeeded: false });
  });

  it('redeem-attempt: diagnoses a refusal itself, and an unbacked success mints only so many per visit', () => {
    const refused = value(
      plan('redeem-attempt', {
        accountId: '1',
        code: 'ABCD-1234',
        error: 'The code has expired',
        succeeded: false,
        lang: 'en',
      }),
    );
    const attempts = refused.changes.set[KEY.attempts] as RedeemAttempt[];
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.reasons.length).toBeGreaterThan(0);
    expect(refused.value.promotion).toBeNull();
    const success = { accountId: '1', code: 'WXYZ5678', error: null, succeeded: true, lang: 'en' };
    const first = value(plan('redeem-attempt', success, state(), ctx({ from: fromTab })));
    expect(first.value.promotion).not.toBeNull();
    expect(first.effects).toContainEqual({ kind: 'count-unbacked', visit: '7|' });
    const over = value(
      plan(
        'redeem-attempt',
        success,
        state(),
        ctx({ from: fromTab, unbackedOnVisit: MAX_UNBACKED_PER_VISIT }),
      ),
    );
    expect(over.value.promotion).toBeNull();
  });

  it('terms-text: parses pasted terms into the promotion the code made, and nothing without one', () => {
    const none = value(
      plan('terms-text', { accountId: '1', code: 'ZZZ', text: 'Spend $50, get $50', lang: 'en' }),
    );
    expect(none).toEqual({ changes: { set: {}, remove: [] }, value: { promotion: null } });
    const made = record({
      accountId: '1',
      id: 'code:NEW1',
      code: 'NEW1',
      termsNeeded: true,
      terms: { ...EMPTY_TERMS },
    });
    const planned = value(
      plan(
        'terms-text',
        {
          accountId: '1',
          code: 'NEW1',
          text: 'Spend $100 within 30 days and get $50 in ad credit.',
          lang: 'en',
        },
        state({ promotions: [made] }),
      ),
    );
    expect(planned.value.promotion?.terms.minSpend).toBe(100);
    expect(Object.keys(planned.changes.set)).toEqual([promoKey('1', 'code:NEW1')]);
  });

  it('report-open: asks to open the review page for the sender’s tab, and refuses without a tab', () => {
    expect(plan('report-open', {}).ok).toBe(false);
    expect(value(plan('report-open', {}, state(), ctx({ from: fromTab }))).effects).toEqual([
      { kind: 'open-review', tabId: 7 },
    ]);
  });

  it('panel-collapsed: answers the fold, and sets or clears it for one account', () => {
    const folded = state({ panelFolded: { 1: true } });
    expect(value(plan('panel-collapsed', { accountId: '1' }, folded)).value).toBe(true);
    expect(value(plan('panel-collapsed', { accountId: null }, folded)).value).toBe(false);
    expect(value(plan('panel-collapsed', { accountId: null, collapsed: true }, folded)).changes.set).toEqual({
      [KEY.overlayCollapsed]: { 1: true, '-': true },
    });
    expect(value(plan('panel-collapsed', { accountId: '1', collapsed: false }, folded)).changes.set).toEqual({
      [KEY.overlayCollapsed]: {},
    });
  });

  it('held-answer: applies a held change to a kept promotion, or drops it; a gone one is not found', () => {
    const key = promoKey('1', a.id);
    const held: HeldChange = { key, record: { ...a, name: 'Changed' }, reasons: [], url: null, at: ctx().at };
    const s = state({ promotions: [a], held: [held] });
    const ref = { accountId: '1', id: a.id };
    expect(value(plan('held-answer', { promotion: ref, apply: true }, s)).changes).toEqual({
      set: { [key]: held.record },
      remove: [heldKey(key)],
    });
    expect(value(plan('held-answer', { promotion: ref, apply: false }, s)).changes).toEqual({
      set: {},
      remove: [heldKey(key)],
    });
    expect(plan('held-answer', { promotion: ref, apply: true }, state()).ok).toBe(false);
  });

  it('promotion-save: adds, edits an entry of the same code instead of duplicating it, and refuses a gone one', () => {
    const draft = {
      code: 'A',
      accountId: '1',
      receivedOn: '2026-03-01',
      name: 'Renamed',
      terms: { ...EMPTY_TERMS, amount: 50 },
    };
    const planned = value(plan('promotion-save', { existing: null, draft }, state({ promotions: [a] })));
    expect(planned.value.promotion.id).toBe(a.id);
    expect(planned.value.promotion.name).toBe('Renamed');
    expect(Object.keys(planned.changes.set)).toEqual([promoKey('1', a.id)]);
    expect(plan('promotion-save', { existing: { accountId: '1', id: 'gone' }, draft }).ok).toBe(false);
  });

  it('promotion-delete: removes a kept promotion, and refuses one no longer kept', () => {
    const ref = { accountId: '1', id: a.id };
    expect(
      value(plan('promotion-delete', { promotion: ref }, state({ promotions: [a] }))).changes.remove,
    ).toEqual([promoKey('1', a.id)]);
    expect(plan('promotion-delete', { promotion: ref }).ok).toBe(false);
  });

  it('reminder-snooze: silences a promotion for SNOOZE_MS from now', () => {
    const planned = value(plan('reminder-snooze', { promotion: { accountId: '1', id: a.id } }));
    const until = new Date(NOW + SNOOZE_MS).toISOString();
    expect(planned.value).toEqual({ until });
    expect(planned.changes.set[KEY.reminders]).toEqual({
      fired: {},
      snoozed: { [promoKey('1', a.id)]: until },
    });
  });

  it('quarantine-restore: puts a valid value back where it came from, and refuses an invalid one', () => {
    const item = { id: 'q1', key: promoKey('1', a.id), reason: 'r', at: ctx().at, raw: { id: 'broken' } };
    const s = state({ quarantine: [item] });
    expect(value(plan('quarantine-restore', { id: 'q1', value: a }, s)).changes).toEqual({
      set: { [promoKey('1', a.id)]: a },
      remove: [quarantineKey('q1')],
    });
    expect(plan('quarantine-restore', { id: 'q1' }, s).ok).toBe(false);
    expect(plan('quarantine-restore', { id: 'other' }, s).ok).toBe(false);
  });

  it('quarantine-delete: drops a set-aside item, and refuses one already gone', () => {
    const item = { id: 'q1', key: KEY.settings, reason: 'r', at: ctx().at, raw: 1 };
    expect(
      value(plan('quarantine-delete', { id: 'q1' }, state({ quarantine: [item] }))).changes.remove,
    ).toEqual([quarantineKey('q1')]);
    expect(plan('quarantine-delete', { id: 'q1' }).ok).toBe(false);
  });

  it('data-import: writes the backup’s promotions and settings, and merges attempts without doubles', () => {
    const old: RedeemAttempt = {
      id: 'x',
      accountId: '1',
      code: 'A',
      error: null,
      succeeded: true,
      lang: 'en',
      at: '2026-01-01T00:00:00.000Z',
      reasons: [],
    };
    const backup = {
      format: 'ad-credit-guide-backup',
      version: 1,
      exportedAt: ctx().at,
      promotions: [a],
      attempts: [old],
      settings: DEFAULT_SETTINGS,
    };
    const planned = value(plan('data-import', { backup }, state({ attempts: [old] })));
    expect(planned.value).toEqual({ promotions: 1, attempts: 0 });
    expect(planned.changes.set).toEqual({
      [promoKey('1', a.id)]: a,
      [KEY.attempts]: [old],
      [KEY.settings]: DEFAULT_SETTINGS,
    });
  });

  it('data-clear: removes the cleared and undeclared keys first, then writes the default settings', () => {
    const planned = value(
      plan(
        'data-clear',
        {},
        state({ storedKeys: [KEY.version, KEY.settings, promoKey('1', 'x'), 'glossary'] }),
      ),
    );
    expect(planned.changes).toEqual({
      set: { [KEY.settings]: DEFAULT_SETTINGS },
      remove: [KEY.settings, promoKey('1', 'x'), 'glossary'],
      removeFirst: true,
    });
  });

  it('settings-save: writes the settings as given', () => {
    const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' };
    expect(value(plan('settings-save', { settings })).changes.set).toEqual({ [KEY.settings]: settings });
  });
});
