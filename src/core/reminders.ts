// Reminders as a pure function of the kept promotions, the settings, what already fired, and now.
//
//   dueReminders(records, settings, state, now, timeZone) → { due, nextAt }
//     due     reminders to show now (each id fires once: the caller records it in state.fired)
//     nextAt  the next instant something becomes due (the worker arms one alarm for it), or null
//   needingAction(records, settings, now, timeZone) → number   the toolbar badge count
//   reminderText(reminder, t) → { title, body }                 localized through notif_ keys
//
// Kinds: 'activation' | 'spend' | 'expiry' — settings.reminderDays before each deadline (7/3/1 by
// default), at REMIND_HOUR local time; 'credit-overdue' — the minimum was met and the credit is later than
// the terms (or TikTok's longest window) allow; 'at-risk' — the recent pace does not reach the minimum.
// When several thresholds have passed at once (e.g. installed two days before a deadline), only the
// nearest one fires. Quiet hours and a snooze delay a reminder; they never drop it.
import { addDays } from './dates.ts';
import { localeOf, type Translate } from './i18n.ts';
import { formatAmount } from './money.ts';
import { progressOfRecord, type Progress } from './progress.ts';
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
  promotionId: string;
  amount: number | null;
  currency: string | null;
  /** The deadline it is about (credit due-by for 'credit-overdue'); null when there is none. */
  deadline: IsoDate | null;
  /** Days from the reminder's day to the deadline. */
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

/** The UTC instant of a local wall-clock time in `timeZone` (DST-safe to the minute). */
export function instantAt(date: IsoDate, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  let guess = wall;
  // Two rounds settle the offset even when the first guess lands across a DST change.
  for (let i = 0; i < 2; i++) guess = wall - (wallMinutesUtc(guess, timeZone) - guess);
  return guess;
}

/** The wall-clock reading of `instant` in `timeZone`, as if it were UTC. */
function wallMinutesUtc(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
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

function candidatesOf(
  record: PromotionRecord,
  settings: Settings,
  now: number,
  timeZone: string,
): Candidate[] {
  const p = progressOfRecord(record, new Date(now), timeZone);
  const key = promoKey(record.accountId, record.id);
  const base = {
    promotionKey: key,
    accountId: record.accountId,
    promotionId: record.id,
    amount: record.terms.amount,
    currency: record.terms.currency,
    dailyNeeded: p.dailyNeeded,
  };
  const out: Candidate[] = [];
  const thresholds = [...new Set(settings.reminderDays)].sort((a, b) => a - b);
  for (const { kind, deadline, open } of DEADLINE_KINDS) {
    const day = deadline(p);
    if (day === null || !(open as readonly string[]).includes(p.status) || day < p.today) continue;
    // Past thresholds: only the nearest one counts; future ones are what the next alarm waits for.
    let nearestPast: Candidate | null = null;
    for (const days of thresholds) {
      const at = instantAt(addDays(day, -days), REMIND_HOUR * 60, timeZone);
      const reminder: Reminder = {
        ...base,
        id: `${key}|${kind}|${day}|${days}`,
        kind,
        deadline: day,
        daysLeft: days,
      };
      if (at > now) out.push({ reminder, at });
      else if (nearestPast === null) nearestPast = { reminder, at };
    }
    if (nearestPast !== null) out.push(nearestPast);
  }
  if (p.creditDueBy !== null && (p.status === 'processing' || p.creditOverdue)) {
    out.push({
      reminder: {
        ...base,
        id: `${key}|credit-overdue|${p.creditDueBy}`,
        kind: 'credit-overdue',
        deadline: p.creditDueBy,
        daysLeft: null,
      },
      at: instantAt(addDays(p.creditDueBy, 1), REMIND_HOUR * 60, timeZone),
    });
  }
  if (p.status === 'earning' || p.status === 'activated') {
    if (p.pace === 'at-risk' || p.pace === 'cannot-make-it') {
      out.push({
        reminder: {
          ...base,
          id: `${key}|at-risk|${p.spendDeadline ?? ''}`,
          kind: 'at-risk',
          deadline: p.spendDeadline,
          daysLeft: p.daysToSpendDeadline,
        },
        at: now,
      });
    }
  }
  return out;
}

export function dueReminders(
  records: readonly PromotionRecord[],
  settings: Settings,
  state: ReminderState,
  now: number,
  timeZone: string,
): { due: Reminder[]; nextAt: number | null } {
  const due: Reminder[] = [];
  let nextAt: number | null = null;
  for (const record of records) {
    for (const { reminder, at } of candidatesOf(record, settings, now, timeZone)) {
      if (reminder.id in state.fired) continue;
      const snoozedUntil = state.snoozed[reminder.promotionKey];
      const waited = Math.max(at, now, snoozedUntil === undefined ? 0 : Date.parse(snoozedUntil));
      const when = afterQuietHours(waited, settings.quietHours, timeZone);
      if (at <= now && when <= now) due.push(reminder);
      else nextAt = nextAt === null ? when : Math.min(nextAt, when);
    }
  }
  return { due, nextAt };
}

/** Promotions the advertiser should act on: activate, paste terms, spend faster, chase or use credit. */
export function needingAction(
  records: readonly PromotionRecord[],
  settings: Settings,
  now: number,
  timeZone: string,
): number {
  const horizon = Math.max(0, ...settings.reminderDays);
  return records.filter((record) => {
    if (record.termsNeeded || record.status === 'received') return true;
    const p = progressOfRecord(record, new Date(now), timeZone);
    if (p.creditOverdue || p.pace === 'at-risk' || p.pace === 'cannot-make-it') return true;
    return (
      p.status === 'available' &&
      record.unused !== 0 &&
      p.daysToExpiry !== null &&
      p.daysToExpiry >= 0 &&
      p.daysToExpiry <= horizon
    );
  }).length;
}

const TITLE_KEY: Record<ReminderKind, string> = {
  activation: 'notif_activationTitle',
  spend: 'notif_spendTitle',
  expiry: 'notif_expiryTitle',
  'credit-overdue': 'notif_overdueTitle',
  'at-risk': 'notif_atRiskTitle',
};

export function reminderText(reminder: Reminder, t: Translate): { title: string; body: string } {
  const locale = localeOf(t);
  const money = (v: number) => formatAmount(v, reminder.currency, locale);
  const amount = reminder.amount === null ? t('notif_unknownAmount') : money(reminder.amount);
  const account = reminder.accountId ?? t('notif_unknownAccount');
  let when: string;
  if (reminder.kind === 'credit-overdue') when = t('notif_overdueWhen', [reminder.deadline ?? '']);
  else if (reminder.kind === 'at-risk' && reminder.dailyNeeded !== null)
    when = t('notif_atRiskWhen', [money(reminder.dailyNeeded)]);
  else if (reminder.daysLeft === 0) when = t('notif_lastDay');
  else if (reminder.daysLeft === 1) when = t('notif_oneDayLeft');
  else when = t('notif_daysLeft', [String(reminder.daysLeft ?? '')]);
  return { title: t(TITLE_KEY[reminder.kind]), body: t('notif_body', [amount, account, when]) };
}
