import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { translatorFrom, type Messages } from '../../src/core/i18n.ts';
import {
  afterQuietHours,
  dueReminders,
  instantAt,
  needingAction,
  reminderDigest,
  reminderText,
  SNOOZE_MS,
} from '../../src/core/reminders.ts';
import {
  DEFAULT_SETTINGS,
  EMPTY_TERMS,
  blankPromotion,
  type PromotionRecord,
  type Settings,
} from '../../src/core/schemas.ts';
import { EMPTY_REMINDER_STATE, promoKey, type ReminderState } from '../../src/core/store/layout.ts';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { TEST_ZONES } from '../support/zones.ts';

const AT = '2026-03-01T00:00:00.000Z';
const received = (over: Partial<PromotionRecord> = {}): PromotionRecord =>
  blankPromotion({
    id: 'code:A1',
    accountId: '123',
    code: 'A1',
    terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', activateBy: '2026-03-20' },
    receivedOn: '2026-03-06',
    source: 'manual',
    createdAt: AT,
    ...over,
  });

const at = (iso: string) => Date.parse(iso);
const ids = (r: { due: Array<{ id: string }> }) => r.due.map((d) => d.id);
const fire = (state: ReminderState, due: Array<{ id: string }>): ReminderState => ({
  ...state,
  fired: { ...state.fired, ...Object.fromEntries(due.map((d) => [d.id, AT])) },
});

describe('dueReminders', () => {
  const records = [received()];

  it('arms the first threshold and fires it once at 09:00 on its day', () => {
    const before = dueReminders(
      records,
      DEFAULT_SETTINGS,
      EMPTY_REMINDER_STATE,
      at('2026-03-10T12:00:00Z'),
      'UTC',
    );
    expect(before.due).toEqual([]);
    expect(before.nextAt).toBe(at('2026-03-13T09:00:00Z'));
    const then = dueReminders(records, DEFAULT_SETTINGS, EMPTY_REMINDER_STATE, before.nextAt!, 'UTC');
    expect(ids(then)).toEqual([`${promoKey('123', 'code:A1')}|activation|2026-03-20|7`]);
    expect(then.due[0]).toMatchObject({ kind: 'activation', daysLeft: 7, amount: 50 });
    const again = dueReminders(
      records,
      DEFAULT_SETTINGS,
      fire(EMPTY_REMINDER_STATE, then.due),
      before.nextAt! + 60_000,
      'UTC',
    );
    expect(again.due).toEqual([]);
    expect(again.nextAt).toBe(at('2026-03-17T09:00:00Z'));
  });

  it('fires only the nearest threshold when several passed at once', () => {
    const r = dueReminders(
      records,
      DEFAULT_SETTINGS,
      EMPTY_REMINDER_STATE,
      at('2026-03-18T10:00:00Z'),
      'UTC',
    );
    expect(ids(r)).toEqual([`${promoKey('123', 'code:A1')}|activation|2026-03-20|3`]);
  });

  it('says nothing once the promotion is activated or the deadline has passed', () => {
    const now = at('2026-03-18T10:00:00Z');
    expect(
      dueReminders(
        [received({ status: 'activated', activatedOn: '2026-03-10' })],
        DEFAULT_SETTINGS,
        EMPTY_REMINDER_STATE,
        now,
        'UTC',
      ).due.filter((d) => d.kind === 'activation'),
    ).toEqual([]);
    expect(
      dueReminders(records, DEFAULT_SETTINGS, EMPTY_REMINDER_STATE, at('2026-03-21T10:00:00Z'), 'UTC').due,
    ).toEqual([]);
  });

  it('delays to the end of quiet hours that wrap midnight, in the user zone', () => {
    const quiet: Settings = { ...DEFAULT_SETTINGS, quietHours: { start: '08:00', end: '10:30' } };
    const r = dueReminders(records, quiet, EMPTY_REMINDER_STATE, at('2026-03-13T09:30:00Z'), 'UTC');
    expect(r.due).toEqual([]);
    expect(r.nextAt).toBe(at('2026-03-13T10:30:00Z'));
    const wrap = { start: '22:00', end: '07:00' };
    const tokyo = 'Asia/Tokyo';
    expect(afterQuietHours(instantAt('2026-03-13', 23 * 60, tokyo), wrap, tokyo)).toBe(
      instantAt('2026-03-14', 7 * 60, tokyo),
    );
    expect(afterQuietHours(instantAt('2026-03-14', 3 * 60, tokyo), wrap, tokyo)).toBe(
      instantAt('2026-03-14', 7 * 60, tokyo),
    );
    expect(afterQuietHours(instantAt('2026-03-14', 12 * 60, tokyo), wrap, tokyo)).toBe(
      instantAt('2026-03-14', 12 * 60, tokyo),
    );
    expect(instantAt('2026-03-14', 7 * 60, tokyo)).toBe(at('2026-03-13T22:00:00Z'));
  });

  it('holds a snoozed promotion for a day, then delivers', () => {
    const now = at('2026-03-13T09:00:00Z');
    const snoozed = {
      ...EMPTY_REMINDER_STATE,
      snoozed: { [promoKey('123', 'code:A1')]: new Date(now + SNOOZE_MS).toISOString() },
    };
    const r = dueReminders(records, DEFAULT_SETTINGS, snoozed, now, 'UTC');
    expect(r.due).toEqual([]);
    expect(r.nextAt).toBe(now + SNOOZE_MS);
    expect(dueReminders(records, DEFAULT_SETTINGS, snoozed, now + SNOOZE_MS, 'UTC').due).toHaveLength(1);
  });

  it('reminds before credit expiry and when credit is overdue', () => {
    const available = received({
      status: 'available',
      creditIssuedOn: '2026-03-01',
      unused: 50,
      terms: { ...EMPTY_TERMS, amount: 50, creditExpiry: '2026-04-01' },
    });
    expect(
      ids(
        dueReminders([available], DEFAULT_SETTINGS, EMPTY_REMINDER_STATE, at('2026-03-31T10:00:00Z'), 'UTC'),
      ),
    ).toEqual([`${promoKey('123', 'code:A1')}|expiry|2026-04-01|1`]);
    const processing = received({
      status: 'processing',
      activatedOn: '2026-02-01',
      metOn: '2026-03-01',
      terms: { ...EMPTY_TERMS, amount: 50, minSpend: 50, creditArrivalDays: 3 },
    });
    const overdue = dueReminders(
      [processing],
      DEFAULT_SETTINGS,
      EMPTY_REMINDER_STATE,
      at('2026-03-10T10:00:00Z'),
      'UTC',
    );
    expect(overdue.due.map((d) => d.kind)).toEqual(['credit-overdue']);
  });
});

describe('needingAction', () => {
  it('counts promotions to activate, to give terms for, and with credit close to expiry', () => {
    const now = at('2026-03-10T10:00:00Z');
    const records = [
      received({ terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', activateBy: '2026-03-15' } }),
      received({ id: 'far', terms: { ...EMPTY_TERMS, amount: 50, activateBy: '2026-04-04' } }), // 25 days out
      received({
        id: 'b',
        status: 'activated',
        activatedOn: '2026-03-01',
        termsNeeded: true,
        terms: EMPTY_TERMS,
      }),
      received({
        id: 'c',
        status: 'available',
        unused: 10,
        terms: { ...EMPTY_TERMS, creditExpiry: '2026-03-12' },
      }),
      received({
        id: 'd',
        status: 'available',
        unused: 10,
        terms: { ...EMPTY_TERMS, creditExpiry: '2026-06-12' },
      }),
      received({ id: 'e', status: 'used', terms: EMPTY_TERMS }),
    ];
    expect(needingAction(records, DEFAULT_SETTINGS, now, 'UTC')).toBe(3);
    expect(needingAction([], DEFAULT_SETTINGS, now, 'UTC')).toBe(0);
  });

  it('keeps a missed promotion on the badge for a few days only', () => {
    const missed = received({
      status: 'earning',
      activatedOn: '2026-02-01',
      terms: { ...EMPTY_TERMS, amount: 50, minSpend: 50, spendDeadline: '2026-03-01' },
      observations: [{ at: '2026-02-10T10:00:00Z', spent: 20 }],
    });
    const count = (day: string) => needingAction([missed], DEFAULT_SETTINGS, at(`${day}T10:00:00Z`), 'UTC');
    expect([count('2026-03-02'), count('2026-03-04'), count('2026-03-05'), count('2026-04-01')]).toEqual([
      1, 1, 0, 0,
    ]);
  });
});

describe('reminderText', () => {
  it('says the amount, the account and the days left in the UI language', () => {
    const t = translatorFrom(en as Messages, 'en');
    const [r] = dueReminders(
      [received()],
      DEFAULT_SETTINGS,
      EMPTY_REMINDER_STATE,
      at('2026-03-17T09:00:00Z'),
      'UTC',
    ).due;
    expect(reminderText(r!, t)).toEqual({
      title: 'Activate your promotion code',
      body: 'A1 · $50.00 · 3 days left (deadline Mar 20, 2026)',
    });
  });

  it('says the days actually left, not the threshold, in the advertiser’s zone', () => {
    const t = translatorFrom(en as Messages, 'en');
    // Installed on Mar 18 (Tokyo) with activation due Mar 20: the 3-day threshold is past, 2 days are left.
    const tokyo = dueReminders(
      [received()],
      DEFAULT_SETTINGS,
      EMPTY_REMINDER_STATE,
      at('2026-03-18T01:00:00Z'),
      'Asia/Tokyo',
    ).due;
    expect(tokyo.map((r) => reminderText(r, t).body)).toEqual([
      'A1 · $50.00 · 2 days left (deadline Mar 20, 2026)',
    ]);
    // A spend deadline 6 days ahead in Los Angeles, where it is still the evening before in UTC terms.
    const spend = received({
      name: 'Spring boost',
      status: 'earning',
      activatedOn: '2026-03-01',
      terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', minSpend: 50, spendDeadline: '2026-03-20' },
    });
    const la = dueReminders(
      [spend],
      DEFAULT_SETTINGS,
      EMPTY_REMINDER_STATE,
      at('2026-03-14T17:00:00Z'),
      'America/Los_Angeles',
    );
    expect(la.due.map((r) => [r.kind, r.daysLeft])).toEqual([['spend', 6]]);
    expect(reminderText(la.due[0]!, t).body).toBe(
      'Spring boost · $50.00 · 6 days left (deadline Mar 20, 2026)',
    );
  });

  it('names an unnamed, codeless promotion by its ad account', () => {
    const t = translatorFrom(en as Messages, 'en');
    const [r] = dueReminders(
      [received({ code: null })],
      DEFAULT_SETTINGS,
      EMPTY_REMINDER_STATE,
      at('2026-03-17T09:00:00Z'),
      'UTC',
    ).due;
    expect(reminderText(r!, t).body).toBe('ad account 123 · $50.00 · 3 days left (deadline Mar 20, 2026)');
  });

  it('names it by the account name its pages showed, when one was read', () => {
    const t = translatorFrom(en as Messages, 'en');
    const [r] = dueReminders(
      [received({ code: null, accountName: 'Acme Shoes' })],
      DEFAULT_SETTINGS,
      EMPTY_REMINDER_STATE,
      at('2026-03-17T09:00:00Z'),
      'UTC',
    ).due;
    expect(reminderText(r!, t).body).toBe(
      'ad account Acme Shoes · $50.00 · 3 days left (deadline Mar 20, 2026)',
    );
  });
});

describe('one reminder per promotion per day, several at once in one notification', () => {
  const t = translatorFrom(en as Messages, 'en');
  // Spend deadline Mar 20, and no spend for days: both the 3-day reminder and the at-risk one are due.
  const stalled = received({
    name: 'Spring boost',
    status: 'earning',
    activatedOn: '2026-03-01',
    terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', minSpend: 50, spendDeadline: '2026-03-20' },
    observations: [
      { at: '2026-03-05T10:00:00Z', spent: 12 },
      { at: '2026-03-17T08:00:00Z', spent: 12 },
    ],
  });

  it('shows the most urgent one today and the other the next morning', () => {
    const now = at('2026-03-17T10:00:00Z');
    const first = dueReminders([stalled], DEFAULT_SETTINGS, EMPTY_REMINDER_STATE, now, 'UTC');
    expect(first.due.map((r) => [r.kind, r.daysLeft])).toEqual([['spend', 3]]);
    expect(first.nextAt).toBe(at('2026-03-18T09:00:00Z'));
    const shown: ReminderState = {
      ...EMPTY_REMINDER_STATE,
      fired: { [first.due[0]!.id]: new Date(now).toISOString() },
    };
    expect(dueReminders([stalled], DEFAULT_SETTINGS, shown, now + 3_600_000, 'UTC').due).toEqual([]);
    const next = dueReminders([stalled], DEFAULT_SETTINGS, shown, at('2026-03-18T09:00:00Z'), 'UTC');
    expect(next.due.map((r) => [r.kind, r.daysLeft])).toEqual([['at-risk', 2]]);
    expect(reminderText(next.due[0]!, t).body).toBe(
      'Spring boost · $50.00 · $12.67 a day needed to reach the minimum · 2 days left (deadline Mar 20, 2026)',
    );
  });

  it('gathers the reminders of several promotions into one digest, most urgent first', () => {
    const now = at('2026-03-17T10:00:00Z');
    const due = dueReminders(
      [
        received(),
        received({
          id: 'code:B2',
          code: 'B2',
          terms: { ...EMPTY_TERMS, amount: 20, currency: 'USD', activateBy: '2026-03-18' },
        }),
      ],
      DEFAULT_SETTINGS,
      EMPTY_REMINDER_STATE,
      now,
      'UTC',
    ).due;
    const notice = reminderDigest(due, t)!;
    expect(notice.single).toBe(false);
    expect(notice.title).toBe('2 promotions need you');
    expect(notice.body.split('\n')).toEqual([
      'B2 — Activate your promotion code: 1 day left (deadline Mar 18, 2026)',
      'A1 — Activate your promotion code: 3 days left (deadline Mar 20, 2026)',
    ]);
    expect(reminderDigest(due.slice(0, 1), t)).toMatchObject({ id: due[0]!.id, single: true });
    expect(reminderDigest([], t)).toBeNull();
  });

  it('reuses its date formatters across calls', () => {
    const records = [received(), stalled];
    const now = at('2026-03-17T10:00:00Z');
    dueReminders(records, DEFAULT_SETTINGS, EMPTY_REMINDER_STATE, now, 'Europe/Berlin');
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      dueReminders(records, DEFAULT_SETTINGS, EMPTY_REMINDER_STATE, now + 60_000, 'Europe/Berlin');
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});

describe('reminders worked out once per promotion', () => {
  const SEED = 20261207;
  const START = Date.parse('2026-03-01T00:00:00Z');
  const DAY = 86_400_000;
  const day = (offset: number) => new Date(START + offset * DAY).toISOString().slice(0, 10);

  const promotion = fc.record({
    status: fc.constantFrom<PromotionRecord['status']>(
      'received',
      'activated',
      'earning',
      'processing',
      'available',
    ),
    activateIn: fc.option(fc.integer({ min: 0, max: 30 })),
    spendIn: fc.option(fc.integer({ min: 0, max: 30 })),
    expireIn: fc.option(fc.integer({ min: 0, max: 40 })),
    metOn: fc.option(fc.integer({ min: 0, max: 10 })),
    readings: fc.array(
      fc.record({ hour: fc.integer({ min: 0, max: 20 * 24 }), spent: fc.integer({ min: 0, max: 60 }) }),
      {
        maxLength: 6,
      },
    ),
  });

  const recordOf = (
    r: {
      status: PromotionRecord['status'];
      activateIn: number | null;
      spendIn: number | null;
      expireIn: number | null;
      metOn: number | null;
      readings: Array<{ hour: number; spent: number }>;
    },
    i: number,
  ): PromotionRecord =>
    blankPromotion({
      id: `code:P${i}`,
      accountId: String(100 + (i % 3)),
      code: `P${i}`,
      status: r.status,
      terms: {
        ...EMPTY_TERMS,
        amount: 50,
        currency: 'USD',
        minSpend: 50,
        activateBy: r.activateIn === null ? null : day(r.activateIn),
        spendDeadline: r.spendIn === null ? null : day(r.spendIn),
        creditExpiry: r.expireIn === null ? null : day(r.expireIn),
      },
      receivedOn: day(0),
      activatedOn: r.status === 'received' ? null : day(0),
      metOn: r.metOn === null || r.status !== 'processing' ? null : day(r.metOn),
      observations: r.readings
        .map((o) => ({ at: new Date(START + o.hour * 3_600_000).toISOString(), spent: o.spent }))
        .sort((a, b) => a.at.localeCompare(b.at)),
      source: 'manual',
      createdAt: AT,
    });

  it('gives the same reminders, next alarm and badge as working every promotion out afresh (seeded)', () => {
    // Each step: some hours on, maybe new reminder days, quiet hours or zone; and what was due is fired.
    const step = fc.record({
      hours: fc.integer({ min: 0, max: 30 }),
      days: fc.option(fc.constantFrom([7, 3, 1], [1], [14, 2], [3, 3, 1])),
      quiet: fc.option(
        fc.constantFrom(null, { start: '22:00', end: '07:00' }, { start: '08:00', end: '10:00' }),
      ),
      zone: fc.option(fc.constantFrom(...TEST_ZONES)),
    });
    fc.assert(
      fc.property(
        fc.array(promotion, { minLength: 1, maxLength: 8 }),
        fc.array(step, { maxLength: 25 }),
        (drawn, steps) => {
          const kept = drawn.map(recordOf);
          let now = START;
          let settings: Settings = { ...DEFAULT_SETTINGS };
          let zone = 'UTC';
          let state: ReminderState = EMPTY_REMINDER_STATE;
          for (const s of steps) {
            now += s.hours * 3_600_000;
            if (s.days !== null) settings = { ...settings, reminderDays: [...s.days] };
            if (s.quiet !== null) settings = { ...settings, quietHours: s.quiet };
            if (s.zone !== null) zone = s.zone;
            // The same record objects every step (what is remembered of them is used), against copies of them
            // (nothing remembered).
            const remembered = dueReminders(kept, settings, state, now, zone);
            const afresh = dueReminders(structuredClone(kept), settings, state, now, zone);
            expect(remembered).toEqual(afresh);
            expect(needingAction(kept, settings, now, zone)).toBe(
              needingAction(structuredClone(kept), settings, now, zone),
            );
            state = fire(state, remembered.due);
          }
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });
});
