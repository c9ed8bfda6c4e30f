// A promotion's whole life, day by day, as an advertiser lives it: redeem a code, visit the Promotions page
// (or not), spend steadily, stall, burst, start late, meet the minimum, wait for credit, miss the deadline.
// Each simulated day goes through the same intake, progress, reminder, badge and checklist code the
// extension runs, and every figure is checked against numbers this file works out on its own (its own
// calendar arithmetic through Intl, its own record of what the page showed), in every time zone the
// progress tests use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { checklist, checklistOf } from '../../src/core/checklist.ts';
import { keptOnPage } from '../../src/core/kept-on-page.ts';
import { translatorFrom, type Messages } from '../../src/core/i18n.ts';
import { progressOfRecord } from '../../src/core/progress.ts';
import { dueReminders, needingAction, reminderDigest, reminderText } from '../../src/core/reminders.ts';
import {
  DEFAULT_SETTINGS,
  EMPTY_TERMS,
  type CreditType,
  type PagePromotion,
  type PageSnapshot,
  type PromotionRecord,
} from '../../src/core/schemas.ts';
import { EMPTY_REMINDER_STATE, type ReminderState } from '../../src/core/store/layout.ts';
import { applyDraft, applyTerms, mergeSnapshot, recordRedeemSuccess } from '../../src/core/store/merge.ts';
import { supportMessage } from '../../src/core/support.ts';
import { nextAction, shownStatus, type ShownStatus } from '../../src/core/urgency.ts';
import { TEST_ZONES } from '../support/zones.ts';
import { promotionsSnapshot } from '../support/pages.ts';

const ZONES = TEST_ZONES;
/** Day 0 of every journey; the weeks after it cross the March DST changes of Europe and North America. */
const D0 = '2026-03-02';
const ACCOUNT = '7000000000001';
const DAY = 86_400_000;
const SEED = 20261206;
const t = translatorFrom(en as Messages, 'en');

// ---------------------------------------------------------------- independent calendar arithmetic

const wallFormats = new Map<string, Intl.DateTimeFormat>();
/** The wall clock of `instant` in `zone`, as a UTC timestamp, read from Intl's printed parts. */
function wall(instant: number, zone: string): number {
  let f = wallFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    wallFormats.set(zone, f);
  }
  const parts = f.formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
}
const localDate = (instant: number, zone: string) => new Date(wall(instant, zone)).toISOString().slice(0, 10);
/** The instant a local wall-clock hour happens on `date` in `zone`. */
function localInstant(date: string, hour: number, zone: string): number {
  const target = Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000;
  let guess = target;
  for (let i = 0; i < 3; i++) guess += target - wall(guess, zone);
  return guess;
}
const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const diff = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const printed = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const printDate = (iso: string) => printed.format(new Date(`${iso}T12:00:00Z`));
const daysText = (days: number) =>
  days === 0 ? 'last day' : days === 1 ? '1 day left' : `${days} days left`;

// ---------------------------------------------------------------- journeys

interface Plan {
  code: string;
  /** The page's name for the promotion. */
  name: string;
  type: CreditType;
  amount: number;
  /** Null for credit with no minimum (free, assignable). */
  minSpend: number | null;
  /** Days from day 0 to the row's end date: the spend deadline while the credit is not issued. */
  window: number;
  /** Spend the page shows at each visit of day d, minutes after the morning visit; [] for no visit. */
  spend(d: number): Array<[minutes: number, spent: number]>;
  /** The day the page first shows the credit; null: it never comes. */
  creditDay: number | null;
  /** Assignable credit shows as assigned from this day. */
  assignedFrom?: number;
  /** A code kept by hand on day 0 and never activated, due within this many days. */
  activateWithin?: number;
  /** Terms pasted right after redeeming (the page then matches the row by its amount). */
  pasted?: boolean;
  /** Exact spend per day from the first visit on: the projection is checked to the day. */
  steadyRate?: number;
  /** The day spend reached the amount it then keeps (a stall from the next day on). */
  flatFrom?: number;
  /** Whether the pace is behind on day d, as this test works it out; undefined where it does not say. */
  behind?(d: number): boolean | undefined;
}

interface Journey {
  name: string;
  days: number;
  plans: Plan[];
  /** Reminder kinds that must have fired by the end, per code. */
  fired?: Record<string, string[]>;
  /** At least one digest of this many reminders must have been shown. */
  digestOf?: number;
  /** Reminders are looked at in the evening only (the browser was closed in the mornings). */
  eveningsOnly?: boolean;
}

const visitDaily = (spent: (d: number) => number) => (d: number) =>
  d >= 1 ? ([[0, spent(d)]] as Array<[number, number]>) : [];
const conditional = (over: Partial<Plan> & Pick<Plan, 'code' | 'spend'>): Plan => ({
  name: `Offer ${over.code}`,
  type: 'conditional',
  amount: 50,
  minSpend: 50,
  window: 29,
  creditDay: null,
  ...over,
});

const JOURNEYS: Journey[] = [
  {
    name: 'steady spend, met, credit issued',
    days: 32,
    plans: [
      conditional({
        code: 'STEADY',
        spend: visitDaily((d) => Math.min(2 * d, 50)),
        steadyRate: 2,
        creditDay: 27,
        behind: () => false,
      }),
    ],
    fired: { STEADY: ['spend'] },
  },
  {
    name: 'stalled at $12, then missed',
    days: 40,
    plans: [
      conditional({
        code: 'STALL',
        spend: visitDaily((d) => Math.min(2 * d, 12)),
        flatFrom: 6,
        behind: (d) => d >= 7,
      }),
    ],
    fired: { STALL: ['at-risk', 'spend'] },
  },
  {
    name: 'bursty spend',
    days: 24,
    plans: [
      conditional({
        code: 'BURST',
        spend: visitDaily((d) => (d < 3 ? 0 : d < 9 ? 20 : d < 14 ? 45 : 50)),
        creditDay: 16,
      }),
    ],
  },
  {
    name: 'late start',
    days: 30,
    plans: [
      conditional({
        code: 'LATE',
        spend: visitDaily((d) => (d <= 10 ? 0 : Math.min(4 * (d - 10), 50))),
        flatFrom: 1,
        creditDay: 25,
        behind: (d) => (d >= 2 && d <= 10 ? true : undefined),
      }),
    ],
  },
  {
    name: 'readings minutes apart',
    days: 12,
    plans: [
      conditional({
        code: 'MINUTES',
        spend: (d) =>
          d === 1
            ? [
                [0, 0],
                [10, 4],
              ]
            : d >= 2
              ? [[0, 4 + 3 * (d - 1)]]
              : [],
      }),
    ],
  },
  {
    name: 'free credit',
    days: 6,
    plans: [
      {
        code: 'FREE25',
        name: 'Welcome credit',
        type: 'free',
        amount: 25,
        minSpend: null,
        window: 90,
        spend: visitDaily(() => 0),
        creditDay: 1,
      },
    ],
  },
  {
    name: 'assignable credit',
    days: 6,
    plans: [
      {
        code: 'ASSIGN30',
        name: 'Agency credit',
        type: 'assignable',
        amount: 30,
        minSpend: null,
        window: 90,
        spend: visitDaily(() => 0),
        creditDay: 1,
        assignedFrom: 3,
      },
    ],
  },
  {
    name: 'code never activated, expired',
    days: 6,
    plans: [
      {
        code: 'NEVER',
        name: 'unused',
        type: 'conditional',
        amount: 50,
        minSpend: 50,
        window: 29,
        spend: () => [],
        creditDay: null,
        activateWithin: 2,
      },
    ],
    fired: { NEVER: ['activation'] },
  },
  {
    // Seen on day 20, then again on day 26 with the same spend: the 3-day reminder and the at-risk one are
    // due together; the 3-day one is shown, the at-risk one the next day.
    name: 'stall found near the deadline',
    days: 30,
    eveningsOnly: true,
    plans: [
      conditional({
        code: 'LATESTALL',
        spend: (d) => (d === 20 || d === 26 ? [[0, 5]] : []),
        behind: (d) => d >= 26,
      }),
    ],
    fired: { LATESTALL: ['at-risk', 'spend'] },
  },
  {
    name: 'too slow, missed',
    days: 36,
    plans: [conditional({ code: 'SLOW', spend: visitDaily((d) => d), behind: (d) => d >= 2 })],
    fired: { SLOW: ['at-risk', 'spend'] },
  },
  {
    name: 'met, credit overdue',
    days: 24,
    plans: [
      conditional({ code: 'OVERDUE', spend: visitDaily((d) => Math.min(5 * d, 50)), behind: () => false }),
    ],
    fired: { OVERDUE: ['credit-overdue'] },
  },
  {
    name: 'two codes on one day',
    days: 26,
    plans: [
      conditional({
        code: 'TWO-A',
        spend: visitDaily((d) => Math.min(2 * d, 50)),
        pasted: true,
        steadyRate: 2,
        behind: () => false,
      }),
      conditional({
        code: 'TWO-B',
        amount: 100,
        minSpend: 100,
        spend: visitDaily((d) => Math.min(4 * d, 100)),
        pasted: true,
        steadyRate: 4,
        behind: () => false,
      }),
    ],
    digestOf: 2,
  },
];

// ---------------------------------------------------------------- the simulator

/** How far the evidence goes: a shown status must never rank above it. */
const RANK: Partial<Record<ShownStatus, number>> = {
  received: 0,
  'terms-unknown': 1,
  activated: 1,
  earning: 2,
  processing: 3,
  available: 4,
};

interface Seen {
  evidence: number;
  readings: Array<{ at: number; spent: number }>;
  metDay: number | null;
  pageSeen: boolean;
  row: PagePromotion | null;
}

/** The page's row for a plan on day d, or null when the page lists nothing for it yet. */
function rowOf(plan: Plan, d: number, spent: number): PagePromotion | null {
  const met = plan.minSpend !== null && spent >= plan.minSpend;
  const credit = plan.creditDay !== null && d >= plan.creditDay;
  if (plan.minSpend === null && !credit) return null;
  const status = credit ? 'available' : met ? 'processing' : d > plan.window ? 'expired' : 'earning';
  return {
    name: plan.name,
    type: plan.type,
    status,
    amount: plan.amount,
    minSpend: plan.minSpend,
    spent: plan.minSpend === null ? null : spent,
    unused: credit ? plan.amount : null,
    redeemedOn: D0,
    validFrom: D0,
    validUntil: credit ? plus(D0, plan.creditDay! + 90) : plus(D0, plan.window),
    assigned: plan.type === 'assignable' ? d >= (plan.assignedFrom ?? 0) : null,
  };
}

function snapshotOf(rows: PagePromotion[]): PageSnapshot {
  const credit = rows.filter((r) => r.status === 'available').reduce((s, r) => s + (r.amount ?? 0), 0);
  return promotionsSnapshot(ACCOUNT, rows, { balance: { total: 100 + credit, cash: 100, credit } });
}

interface Outcome {
  fired: Map<string, Set<string>>;
  digests: number[];
}

/** Drives a journey through its days in `zone`, checking every invariant on every day. */
function simulate(journey: Journey, zone: string): Outcome {
  let records: PromotionRecord[] = [];
  let state: ReminderState = EMPTY_REMINDER_STATE;
  const put = (changed: readonly PromotionRecord[], removed: readonly PromotionRecord[] = []) => {
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const r of removed) byId.delete(r.id);
    for (const r of changed) byId.set(r.id, r);
    records = [...byId.values()];
  };
  const seen = new Map<string, Seen>(
    journey.plans.map((p) => [
      p.code,
      { evidence: p.activateWithin ? 0 : 1, readings: [], metDay: null, pageSeen: false, row: null },
    ]),
  );
  const recordOf = (plan: Plan) => {
    const mine = records.filter((r) => r.code === plan.code);
    expect(mine, `one card for ${plan.code}`).toHaveLength(1);
    return mine[0]!;
  };
  const outcome: Outcome = { fired: new Map(), digests: [] };
  const shownOn = new Set<string>();
  const morning = localInstant(D0, 10, zone);

  const remindAt = (at: number, d: number) => {
    const { due } = dueReminders(records, DEFAULT_SETTINGS, state, at, zone);
    const today = localDate(at, zone);
    for (const r of due) {
      const where = `${journey.name} · ${zone} · day ${d} · ${r.id}`;
      const record = records.find((x) => x.id === r.promotionId)!;
      expect(shownOn.has(`${r.promotionKey}|${today}`), `one reminder a day: ${where}`).toBe(false);
      shownOn.add(`${r.promotionKey}|${today}`);
      const body = reminderText(r, t).body;
      expect(body, where).toContain(record.name ?? record.code!);
      expect(body, where).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      if (r.kind === 'credit-overdue') {
        expect(body, where).toContain(`credit was due by ${printDate(r.deadline!)}`);
      } else if (r.deadline !== null) {
        const left = diff(today, r.deadline);
        expect(r.daysLeft, where).toBe(left);
        expect(body, where).toContain(`${daysText(left)} (deadline ${printDate(r.deadline)})`);
      }
      state = { ...state, fired: { ...state.fired, [r.id]: new Date(at).toISOString() } };
      const code = record.code!;
      if (!outcome.fired.has(code)) outcome.fired.set(code, new Set());
      outcome.fired.get(code)!.add(r.kind);
    }
    const notice = reminderDigest(due, t);
    if (due.length > 1) {
      expect(notice!.title).toBe(`${due.length} promotions need you`);
      expect(notice!.body.split('\n')).toHaveLength(due.length);
      outcome.digests.push(due.length);
    } else expect(notice === null).toBe(due.length === 0);
  };

  for (let d = 0; d < journey.days; d++) {
    const visit = morning + d * DAY;
    const where = `${journey.name} · ${zone} · day ${d}`;
    if (d === 0) {
      for (const plan of journey.plans) {
        const at = new Date(visit - 3_600_000).toISOString();
        if (plan.activateWithin !== undefined) {
          put([
            applyDraft(
              null,
              {
                code: plan.code,
                accountId: ACCOUNT,
                receivedOn: D0,
                name: null,
                terms: {
                  ...EMPTY_TERMS,
                  amount: plan.amount,
                  currency: 'USD',
                  activateWithinDays: plan.activateWithin,
                },
              },
              at,
            ),
          ]);
          continue;
        }
        let r = recordRedeemSuccess(records, { accountId: ACCOUNT, code: plan.code, snapshot: null }, at, D0);
        if (plan.pasted) {
          r = applyTerms(
            r,
            { ...EMPTY_TERMS, amount: plan.amount, currency: 'USD', minSpend: plan.minSpend },
            at,
          );
        }
        put([r]);
        // Right after redeeming, before any page: activated, and never available.
        const shown = shownStatus({ record: r, progress: progressOfRecord(r, at, zone) });
        expect(shown, where).toBe(plan.pasted ? 'activated' : 'terms-unknown');
      }
    }

    if (!journey.eveningsOnly) remindAt(visit - 30 * 60_000, d);

    // The visit: every reading the page shows today goes through the intake.
    const minutes = new Set(journey.plans.flatMap((p) => p.spend(d).map(([m]) => m)));
    let snapshot: PageSnapshot | null = null;
    for (const minute of [...minutes].sort((a, b) => a - b)) {
      const at = visit + minute * 60_000;
      const rows: PagePromotion[] = [];
      for (const plan of journey.plans) {
        const reading = plan
          .spend(d)
          .filter(([m]) => m <= minute)
          .at(-1);
        if (reading === undefined) continue;
        const s = seen.get(plan.code)!;
        const row = rowOf(plan, d, reading[1]);
        if (row === null) continue;
        rows.push(row);
        s.pageSeen = true;
        s.row = row;
        if (row.spent !== null) s.readings.push({ at, spent: row.spent });
        if (plan.minSpend !== null && reading[1] >= plan.minSpend) s.metDay ??= d;
        const rank = { earning: 2, processing: 3, available: 4, expired: 1 }[row.status as string] ?? 1;
        s.evidence = Math.max(s.evidence, rank, (row.spent ?? 0) > 0 ? 2 : 0);
      }
      snapshot = snapshotOf(rows);
      const merged = mergeSnapshot(records, snapshot, new Date(at).toISOString(), localDate(at, zone));
      put(merged.changed, merged.removed);
    }

    // Midday: what the popup, the page panel and the badge say.
    const now = visit + 2 * 3_600_000;
    const today = localDate(now, zone);
    let expectedBadge: number | null = 0;
    for (const plan of journey.plans) {
      const s = seen.get(plan.code)!;
      const record = recordOf(plan);
      const p = progressOfRecord(record, new Date(now), zone);
      const item = { record, progress: p };
      const shown = shownStatus(item);
      const at = `${where} · ${plan.code} (${shown})`;
      expect(p.today, at).toBe(today);
      // Status never better than the evidence.
      if (RANK[shown] !== undefined) expect(RANK[shown], at).toBeLessThanOrEqual(s.evidence);
      if (s.evidence < 4) expect(shown, at).not.toBe('available');

      const deadline = plus(D0, plan.window);
      const met = s.metDay !== null;
      const last = s.readings.at(-1);
      if (plan.minSpend !== null && s.pageSeen && !met && d <= plan.window) {
        // Days left and the daily spend needed, from the page's end date and the last reading.
        const left = diff(today, deadline);
        expect(p.daysToSpendDeadline, at).toBe(left);
        expect(p.dailyNeeded, at).toBeCloseTo((plan.minSpend - last!.spent) / (left + 1), 9);
      }
      if (!met && plan.minSpend !== null) {
        // A projection is never in the past, and needs readings a day apart.
        if (p.projectedMetOn !== null) expect(p.projectedMetOn >= today, at).toBe(true);
        const times = s.readings.map((r) => r.at);
        if (times.length < 2 || Math.max(...times) - Math.min(...times) < DAY) {
          expect(p.projectedMetOn, at).toBeNull();
          expect(p.pace, at).toBeNull();
        }
        if (plan.steadyRate !== undefined && times.length >= 2 && last !== undefined) {
          const landing = last.at + ((plan.minSpend - last.spent) / plan.steadyRate) * DAY;
          expect(p.projectedMetOn, at).toBe(localDate(landing, zone));
        }
        if (
          plan.flatFrom !== undefined &&
          d > plan.flatFrom &&
          d <= plan.window &&
          last!.spent === plan.spend(plan.flatFrom)[0]![1]
        ) {
          expect(p.noSpendSince, at).toBe(plus(D0, plan.flatFrom));
          expect(p.projectedMetOn, at).toBeNull();
          expect(p.pace, at).toBe('at-risk');
        }
        const behind = plan.behind?.(d);
        if (behind !== undefined && d <= plan.window && s.pageSeen) {
          expect(p.pace === 'at-risk' || p.pace === 'cannot-make-it', at).toBe(behind);
        }
      }

      // Every state ends in a next step; free credit is never told to spend; dead ends get a support message.
      const next = nextAction(item);
      if (plan.minSpend === null) expect(next, at).not.toBe('spend');
      if (plan.type === 'assignable' && s.evidence === 4) {
        expect(next, at).toBe(d >= plan.assignedFrom! ? 'use-credit' : 'assign');
      }
      const overdue = met && plan.creditDay === null && d > s.metDay! + 7;
      const missed = !met && plan.minSpend !== null && s.pageSeen && d > plan.window;
      if (overdue || missed) {
        expect(next, at).toBe(overdue ? 'credit-overdue' : 'ask-support');
        const message = supportMessage(record, p, t)!;
        expect(message, at).toContain(plan.code);
        expect(message, at).toContain(ACCOUNT);
        expect(message, at).toContain(printDate(overdue ? plus(D0, s.metDay! + 7) : deadline));
      } else expect(supportMessage(record, p, t), at).toBeNull();

      // The badge, plan by plan, as this test works it out.
      let needs: boolean | undefined;
      if (plan.activateWithin !== undefined) needs = diff(today, plus(D0, plan.activateWithin)) >= 0;
      else if (missed) needs = diff(deadline, today) <= 3;
      else if (overdue) needs = true;
      // Terms unknown right after redeeming: learning them is the next thing to do.
      else if (!s.pageSeen && !plan.pasted) needs = true;
      else if (plan.minSpend === null || met) needs = false;
      else needs = s.pageSeen ? plan.behind?.(d) : undefined;
      if (needs === undefined || expectedBadge === null) expectedBadge = null;
      else expectedBadge += needs ? 1 : 0;
    }
    if (expectedBadge !== null) {
      expect(needingAction(records, DEFAULT_SETTINGS, now, zone), `${where} · badge`).toBe(expectedBadge);
    }

    // The page panel's current step, from what the rows show.
    if (snapshot !== null && snapshot.promotions.length > 0) {
      const list = checklist(snapshot, records, (r) => progressOfRecord(r, new Date(now), zone).status);
      const rows = snapshot.promotions.map((r) => r.status);
      const step = (id: string) => list.steps.find((x) => x.id === id)!.state;
      if (rows.includes('earning')) expect(list.current, where).toBe('meet-minimum');
      else if (rows.includes('processing')) expect(list.current, where).toBe('check-balance');
      else if (rows.includes('available')) expect(list.current, where).toBeNull();
      else if (rows.includes('expired')) {
        expect(list.current, where).toBeNull();
        expect(step('meet-minimum'), where).toBe('missed');
      }
      if (journey.plans.every((pl) => pl.minSpend === null))
        expect(list.current, where).not.toBe('meet-minimum');
    }

    // What a billing page is answered with (core/kept-on-page.ts): the popup's own figures for each kept
    // promotion, the same checklist, and they hold until midnight here (worked out through Intl above) or
    // until a reading leaves the pace's two-week window, and not a moment less.
    const answer = keptOnPage(records, now, zone);
    const midnight = localInstant(plus(today, 1), 0, zone);
    const leaves = records.flatMap((r) => r.observations.map((o) => Date.parse(o.at) + 14 * DAY + 1));
    expect(answer.until <= midnight, `${where} · until`).toBe(true);
    if (answer.until < midnight) expect(leaves, `${where} · until`).toContain(answer.until);
    const shownAt = (instant: number) =>
      records.map((r) => {
        const p = progressOfRecord(r, new Date(instant), zone);
        return {
          status: p.status,
          fraction: p.fraction,
          daysToSpendDeadline: p.daysToSpendDeadline,
          pace: p.pace,
        };
      });
    const viewed = answer.promotions.map(({ status, fraction, daysToSpendDeadline, pace }) => ({
      status,
      fraction,
      daysToSpendDeadline,
      pace,
    }));
    expect(viewed, `${where} · page`).toEqual(shownAt(now));
    expect(answer.promotions.map((v) => [v.name, v.code, v.termsNeeded])).toEqual(
      records.map((r) => [r.name, r.code, r.termsNeeded]),
    );
    expect(shownAt(answer.until - 1), `${where} · until`).toEqual(viewed);
    if (snapshot !== null) {
      const statusOf = (r: PromotionRecord) => progressOfRecord(r, new Date(now), zone).status;
      expect(checklistOf(snapshot, answer.promotions), `${where} · checklist`).toEqual(
        checklist(snapshot, records, statusOf),
      );
    }

    remindAt(visit + 8 * 3_600_000, d);
  }
  return outcome;
}

describe('lifecycle simulator', () => {
  for (const journey of JOURNEYS) {
    it(`${journey.name}: honest numbers every day, in every time zone`, () => {
      for (const zone of ZONES) {
        const outcome = simulate(journey, zone);
        for (const [code, kinds] of Object.entries(journey.fired ?? {})) {
          expect([...(outcome.fired.get(code) ?? [])].sort(), `${zone} · ${code}`).toEqual(
            expect.arrayContaining(kinds),
          );
        }
        if (journey.digestOf !== undefined) expect(outcome.digests, zone).toContain(journey.digestOf);
      }
    });
  }

  it('random daily spend keeps every invariant (seeded)', () => {
    const daily = fc.array(fc.constantFrom(0, 0, 1, 2, 3, 5, 8), { minLength: 34, maxLength: 34 });
    fc.assert(
      fc.property(daily, fc.constantFrom(...ZONES), (steps, zone) => {
        const total = (d: number) =>
          Math.min(
            steps.slice(0, d).reduce<number>((a, b) => a + b, 0),
            60,
          );
        simulate(
          {
            name: 'random',
            days: 34,
            plans: [conditional({ code: 'RANDOM', amount: 60, minSpend: 60, spend: visitDaily(total) })],
          },
          zone,
        );
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});
