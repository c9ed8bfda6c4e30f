// Reminders as a pure function of the kept promotions, the settings, what already fired, and now.
//
//   dueReminders(records, settings, state, now, timeZone) → { due, nextAt }
//     due     reminders to show now, at most one per promotion (each id fires once: the caller records it
//             in state.fired, with the instant, which is what holds a promotion to one reminder a day)
//     nextAt  the next instant something becomes due (the worker arms one alarm for it), or null
//   needingAction(records, settings, now, timeZone) → number   the toolbar badge count
//   reminderText(reminder, t) → { title, body }                 localized through notif_ keys
//   reminderDigest(due, t) → Notice                             what the worker shows: one notification
//
// Kinds: 'activation' | 'spend' | 'expiry' — settings.reminderDays before each deadline (7/3/1 by
// default), at REMIND_HOUR local time; 'credit-overdue' — the minimum was met and the credit is later than
// the terms (or TikTok's longest window) allow; 'at-risk' — the recent pace does not reach the minimum.
// When several thresholds have passed at once (e.g. installed two days before a deadline), only the
// nearest one fires. A reminder says the days actually left on the day it is shown, not the threshold
// that made it due. Quiet hours and a snooze delay a reminder; they never drop it, and neither does the
// one-a-day rule: what waits comes the next morning.
import { addDays, dateInZone, daysBetween } from './dates.ts';
import { formatDay } from './format.ts';
import { localeOf, type Translate } from './i18n.ts';
import { clip } from './limits.ts';
import { formatAmount } from './money.ts';
import { progressOfRecord, type Progress, type ProgressOf } from './progress.ts';
import type { IsoDate, PromotionRecord, Settings } from './schemas.ts';
import { promoKey, type ReminderState } from './store/layout.ts';

/** Reminders for a day arrive in the morning, not at midnight. */
export const REMIND_HOUR = 9;
export const SNOOZE_MS = 86_400_000;

export type ReminderKind = 'activation' | 'spend' | 'expiry' | 'credit-overdue' | 'at-risk';

export interface Reminder {
  /** Stable: the same promotion, kind, deadline and threshold always give the same id. */
  id: string;
  kind: ReminderKind;
  /** The promotion's storage key (snooze and dedup are per promotion). */
  promotionKey: string;
  accountId: string | null;
  /** The account's name as its pages show it, when one was read. */
  accountName: string | null;
  promotionId: string;
  /** What the advertiser calls it: the page's name, else the code; null when neither is known. */
  name: string | null;
  amount: number | null;
  currency: string | null;
  /** The deadline it is about (credit due-by for 'credit-overdue'); null when there is none. */
  deadline: IsoDate | null;
  /** Days from the day it is shown to the deadline, in the advertiser's calendar (0: the deadline is today). */
  daysLeft: number | null;
  dailyNeeded: number | null;
}

interface Candidate {
  reminder: Reminder;
  /** When it becomes due, before quiet hours and snooze. */
  at: number;
}

const DEADLINE_KINDS = [
  { kind: 'activation', deadline: (p: Progress) => p.activationDeadline, open: ['received'] },
  { kind: 'spend', deadline: (p: Progress) => p.spendDeadline, open: ['activated', 'earning'] },
  { kind: 'expiry', deadline: (p: Progress) => p.creditExpiry, open: ['available'] },
] as const;

// Hundreds of promotions share a few dozen deadline days: each local time is worked out once.
const instants = new Map<string, number>();
const MAX_INSTANTS = 4096;

/** The UTC instant of a local wall-clock time in `timeZone` (DST-safe to the minute). */
export function instantAt(date: IsoDate, minutes: number, timeZone: string): number {
  const key = `${timeZone}|${date}|${minutes}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  let guess = wall;
  // Two rounds settle the offset even when the first guess lands across a DST change.
  for (let i = 0; i < 2; i++) guess = wall - (wallMinutesUtc(guess, timeZone) - guess);
  if (instants.size >= MAX_INSTANTS) instants.clear();
  instants.set(key, guess);
  return guess;
}

// One formatter per zone: building one costs far more than using it, and a list of 500 promotions asks
// for several wall-clock readings each.
const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of `instant` in `timeZone`, as if it were UTC. */
function wallMinutesUtc(instant: number, timeZone: string): number {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    wallFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
}

const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant quiet hours that contain `instant` end, or `instant` itself when it is not in them. */
export function afterQuietHours(instant: number, quiet: Settings['quietHours'], timeZone: string): number {
  if (quiet === null) return instant;
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  if (start === end) return instant;
  const wall = new Date(wallMinutesUtc(instant, timeZone));
  const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  const today = wall.toISOString().slice(0, 10);
  if (start < end) return minute >= start && minute < end ? instantAt(today, end, timeZone) : instant;
  // Wrapping midnight (22:00–07:00): late evening ends tomorrow, early morning ends today.
  if (minute >= start) return instantAt(addDays(today, 1), end, timeZone);
  if (minute < end) return instantAt(today, end, timeZone);
  return instant;
}

/**
 * A promotion's reminders as its progress and the settings make them, before the instant decides which are
 * due: each deadline kind's reminders, one per threshold (nearest first), overdue credit, and a pace at risk.
 */
interface Planned {
  deadlines: Candidate[][];
  overdue: Candidate | null;
  atRisk: Reminder | null;
}

// By record: a promotion's reminders change only with its progress (a record, a day or a pace window of its
// own), the reminder days or the zone, so the reminders after each change plan only the promotions it moved.
// Reminders are frozen: shared by every wake of the worker that asks again.
const plans = new WeakMap<
  PromotionRecord,
  { progress: Progress; days: readonly number[]; timeZone: string; planned: Planned }
>();

const sameDays = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

function plannedOf(record: PromotionRecord, p: Progress, days: readonly number[], timeZone: string): Planned {
  const known = plans.get(record);
  if (known && known.progress === p && known.timeZone === timeZone && sameDays(known.days, days))
    return known.planned;
  const key = promoKey(record.accountId, record.id);
  const base = {
    promotionKey: key,
    accountId: record.accountId,
    accountName: record.accountName ?? null,
    promotionId: record.id,
    name: record.name ?? record.code,
    amount: record.terms.amount,
    currency: record.terms.currency,
    dailyNeeded: p.dailyNeeded,
  };
  const candidate = (reminder: Reminder, at: number): Candidate => ({
    reminder: Object.freeze(reminder),
    at,
  });
  const thresholds = [...new Set(days)].sort((a, b) => a - b);
  const deadlines: Candidate[][] = [];
  for (const { kind, deadline, open } of DEADLINE_KINDS) {
    const day = deadline(p);
    if (day === null || !(open as readonly string[]).includes(p.status) || day < p.today) continue;
    const daysLeft = daysBetween(p.today, day);
    deadlines.push(
      thresholds.map((before) =>
        candidate(
          { ...base, id: `${key}|${kind}|${day}|${before}`, kind, deadline: day, daysLeft },
          instantAt(addDays(day, -before), REMIND_HOUR * 60, timeZone),
        ),
      ),
    );
  }
  const overdue =
    p.creditDueBy !== null && (p.status === 'processing' || p.creditOverdue)
      ? candidate(
          {
            ...base,
            id: `${key}|credit-overdue|${p.creditDueBy}`,
            kind: 'credit-overdue',
            deadline: p.creditDueBy,
            daysLeft: null,
          },
          instantAt(addDays(p.creditDueBy, 1), REMIND_HOUR * 60, timeZone),
        )
      : null;
  const atRisk =
    (p.status === 'earning' || p.status === 'activated') &&
    (p.pace === 'at-risk' || p.pace === 'cannot-make-it')
      ? Object.freeze<Reminder>({
          ...base,
          id: `${key}|at-risk|${p.spendDeadline ?? ''}`,
          kind: 'at-risk',
          deadline: p.spendDeadline,
          daysLeft: p.daysToSpendDeadline,
        })
      : null;
  const planned = { deadlines, overdue, atRisk };
  plans.set(record, { progress: p, days: [...days], timeZone, planned });
  return planned;
}

function candidatesOf(
  record: PromotionRecord,
  p: Progress,
  settings: Settings,
  now: number,
  timeZone: string,
): Candidate[] {
  const planned = plannedOf(record, p, settings.reminderDays, timeZone);
  const out: Candidate[] = [];
  for (const kind of planned.deadlines) {
    // Past thresholds: only the nearest one counts; future ones are what the next alarm waits for.
    let nearestPast: Candidate | null = null;
    for (const c of kind) {
      if (c.at > now) out.push(c);
      else if (nearestPast === null) nearestPast = c;
    }
    if (nearestPast !== null) out.push(nearestPast);
  }
  if (planned.overdue !== null) out.push(planned.overdue);
  if (planned.atRisk !== null) out.push({ reminder: planned.atRisk, at: now });
  return out;
}

// Among reminders due together for one promotion, the one shown: overdue credit is already late; then
// the fewest days left; then the kind, earliest step first.
const KIND_ORDER: readonly ReminderKind[] = ['credit-overdue', 'activation', 'spend', 'at-risk', 'expiry'];
const urgency = (r: Reminder) =>
  r.kind === 'credit-overdue' ? -1 : (r.daysLeft ?? Number.POSITIVE_INFINITY);

export function byUrgency(a: Reminder, b: Reminder): number {
  return urgency(a) - urgency(b) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}

/** The day, in the advertiser's calendar, each promotion last had a reminder shown. */
function lastShownDays(fired: ReminderState['fired'], timeZone: string): Map<string, string> {
  const latest = new Map<string, string>();
  for (const [id, at] of Object.entries(fired)) {
    const key = id.slice(0, id.indexOf('|'));
    const before = latest.get(key);
    if (before === undefined || at > before) latest.set(key, at);
  }
  return new Map([...latest].map(([key, at]) => [key, dateInZone(at, timeZone)]));
}

export function dueReminders(
  records: readonly PromotionRecord[],
  settings: Settings,
  state: ReminderState,
  now: number,
  timeZone: string,
  progressOf: ProgressOf = (record) => progressOfRecord(record, new Date(now), timeZone),
): { due: Reminder[]; nextAt: number | null } {
  const due: Reminder[] = [];
  let nextAt: number | null = null;
  const later = (when: number) => {
    nextAt = nextAt === null ? when : Math.min(nextAt, when);
  };
  const lastShown = lastShownDays(state.fired, timeZone);
  const today = dateInZone(now, timeZone);
  const tomorrowMorning = afterQuietHours(
    instantAt(addDays(today, 1), REMIND_HOUR * 60, timeZone),
    settings.quietHours,
    timeZone,
  );
  for (const record of records) {
    const p = progressOf(record);
    const ready: Reminder[] = [];
    for (const { reminder, at } of candidatesOf(record, p, settings, now, timeZone)) {
      if (reminder.id in state.fired) continue;
      const snoozedUntil = state.snoozed[reminder.promotionKey];
      const waited = Math.max(at, now, snoozedUntil === undefined ? 0 : Date.parse(snoozedUntil));
      const when = afterQuietHours(waited, settings.quietHours, timeZone);
      if (at <= now && when <= now) ready.push(reminder);
      else later(when);
    }
    if (ready.length === 0) continue;
    // One reminder a promotion a day, the most urgent: the rest wait for tomorrow morning.
    const shownToday = lastShown.get(promoKey(record.accountId, record.id)) === today;
    if (!shownToday) due.push(ready.sort(byUrgency)[0]!);
    if (shownToday || ready.length > 1) later(tomorrowMorning);
  }
  return { due: due.sort(byUrgency), nextAt };
}

/** A missed promotion stays on the badge this many days after its deadline: long enough to see it. */
export const MISSED_BADGE_DAYS = 3;

/**
 * Whether a promotion needs the advertiser now: a code to activate within the reminder horizon (or by an
 * unknown date), terms to give, spend behind the pace, credit overdue, credit expiring within the horizon,
 * or a deadline missed in the last few days (to ask support). Not a code due weeks from now.
 */
function needsAdvertiserNow(record: PromotionRecord, p: Progress, horizon: number): boolean {
  const within = (days: number | null) => days === null || days <= horizon;
  switch (p.status) {
    case 'received':
      return record.termsNeeded || within(p.daysToActivation);
    case 'activated':
    case 'earning':
      return record.termsNeeded || p.pace === 'at-risk' || p.pace === 'cannot-make-it';
    case 'processing':
      return record.termsNeeded || p.creditOverdue;
    case 'available':
      return (
        record.unused !== 0 && p.daysToExpiry !== null && p.daysToExpiry >= 0 && p.daysToExpiry <= horizon
      );
    case 'missed': {
      const deadline = p.spendDeadline ?? record.validUntil;
      return deadline !== null && daysBetween(deadline, p.today) <= MISSED_BADGE_DAYS;
    }
    default:
      return false;
  }
}

/** The toolbar badge: how many promotions need the advertiser now. */
export function needingAction(
  records: readonly PromotionRecord[],
  settings: Settings,
  now: number,
  timeZone: string,
  progressOf: ProgressOf = (record) => progressOfRecord(record, new Date(now), timeZone),
): number {
  const horizon = Math.max(0, ...settings.reminderDays);
  return records.filter((record) => needsAdvertiserNow(record, progressOf(record), horizon)).length;
}

const TITLE_KEY: Record<ReminderKind, string> = {
  activation: 'notif_activationTitle',
  spend: 'notif_spendTitle',
  expiry: 'notif_expiryTitle',
  'credit-overdue': 'notif_overdueTitle',
  'at-risk': 'notif_atRiskTitle',
};

/** The promotion as the advertiser knows it: its name or code, else its ad account (by name when read). */
function whoOf(reminder: Reminder, t: Translate): string {
  const account = reminder.accountName ?? reminder.accountId ?? t('notif_unknownAccount');
  return reminder.name ?? t('notif_account', [account]);
}

/** How long is left, with the date: "2 days left (deadline Mar 20, 2026)". */
function whenOf(reminder: Reminder, t: Translate, locale: string): string {
  const date = reminder.deadline === null ? null : formatDay(reminder.deadline, locale);
  if (reminder.kind === 'credit-overdue') return t('notif_overdueWhen', [date ?? '']);
  const days = reminder.daysLeft;
  const left =
    days === null
      ? null
      : days === 0
        ? t('notif_lastDay')
        : days === 1
          ? t('notif_oneDayLeft')
          : t('notif_daysLeft', [days]);
  const dated = left !== null && date !== null ? t('notif_dueOn', [left, date]) : left;
  if (reminder.kind === 'at-risk' && reminder.dailyNeeded !== null) {
    const needed = t('notif_atRiskWhen', [formatAmount(reminder.dailyNeeded, reminder.currency, locale)]);
    return dated === null ? needed : `${needed} · ${dated}`;
  }
  return dated ?? '';
}

export function reminderText(reminder: Reminder, t: Translate): { title: string; body: string } {
  const locale = localeOf(t);
  const amount =
    reminder.amount === null
      ? t('notif_unknownAmount')
      : formatAmount(reminder.amount, reminder.currency, locale);
  return {
    title: t(TITLE_KEY[reminder.kind]),
    body: t('notif_body', [whoOf(reminder, t), amount, whenOf(reminder, t, locale)]),
  };
}

/** What the worker shows for the reminders due at once. */
export interface Notice {
  /** The reminder's own id for one reminder (its buttons act on that promotion); a digest id otherwise. */
  id: string;
  title: string;
  body: string;
  /** True when the notice is about one promotion, so snoozing from it means something. */
  single: boolean;
}

export const DIGEST_PREFIX = 'digest|';
/**
 * Lines a digest names one by one; the rest are counted in a last line. A page can make any number of
 * promotions due at once (60 rows due in two days), and a notification is read at a glance.
 */
export const DIGEST_LINES = 3;
/** A digest line names its promotion in at most this many characters, so the lines fit one glance. */
const DIGEST_NAME_CHARS = 60;

/**
 * One notification for everything due now: the reminder itself when there is one, else a digest with a
 * line per promotion, most urgent first. Several notifications at once bury each other.
 */
export function reminderDigest(due: readonly Reminder[], t: Translate): Notice | null {
  const sorted = [...due].sort(byUrgency);
  const [first] = sorted;
  if (first === undefined) return null;
  if (sorted.length === 1) return { id: first.id, ...reminderText(first, t), single: true };
  const locale = localeOf(t);
  const named = sorted.slice(0, DIGEST_LINES);
  const rest = sorted.length - named.length;
  return {
    // Names the reminders it stands for, so a wake repeating the same ones replaces it; bounded.
    id: `${DIGEST_PREFIX}${first.id}|${sorted.length}`,
    title: t('notif_digestTitle', [sorted.length]),
    body: [
      ...named.map((r) =>
        t('notif_digestLine', [
          clip(whoOf(r, t), DIGEST_NAME_CHARS),
          t(TITLE_KEY[r.kind]),
          whenOf(r, t, locale),
        ]),
      ),
      ...(rest > 0 ? [t('notif_moreBody', [String(rest)])] : []),
    ].join('\n'),
    single: false,
  };
}
