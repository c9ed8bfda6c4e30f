// "Am I on track?": where a promotion stands, what is left to spend, by when, and whether the pace gets there.
// Every day count is in calendar days of the advertiser's own time zone, because that is the calendar
// they read the deadline on.
import { addDays, dateInZone, daysBetween, type IsoDate } from './dates.ts';
import type { Lifecycle, PromotionRecord, PromotionTerms, SpendObservation } from './schemas.ts';

export type Pace = 'on-track' | 'at-risk' | 'cannot-make-it';

export interface ProgressInput {
  terms: PromotionTerms;
  /** A status the page or the advertiser has stated; it wins over what the dates alone would say. */
  knownStatus?: Lifecycle | null;
  receivedOn?: IsoDate | null;
  activatedOn?: IsoDate | null;
  metOn?: IsoDate | null;
  creditIssuedOn?: IsoDate | null;
  /** The end date the page shows for the promotion row. */
  validUntil?: IsoDate | null;
  /** Latest spend toward the minimum, when known apart from the observations. */
  spent?: number | null;
  observations: SpendObservation[];
  /** Credit still usable, as the page shows it. */
  unused?: number | null;
  now: string | Date;
  timeZone: string;
}

export interface Progress {
  status: Lifecycle;
  /** The advertiser's calendar day that all day counts start from. */
  today: IsoDate;
  /** Share of the minimum spend reached, 0–1; null when the minimum or the spend is unknown. */
  fraction: number | null;
  spent: number | null;
  /** Spend still needed to reach the minimum. */
  remaining: number | null;
  spendDeadline: IsoDate | null;
  /** Calendar days from today to the spend deadline (0 = the deadline is today, negative = passed). */
  daysToSpendDeadline: number | null;
  activationDeadline: IsoDate | null;
  daysToActivation: number | null;
  creditExpiry: IsoDate | null;
  daysToExpiry: number | null;
  /** What must be spent each day, today included, to meet the minimum by the deadline. */
  dailyNeeded: number | null;
  /**
   * When the minimum is reached if spending continues at the recent pace: never a day already past, and
   * null without readings that span at least a day (readings minutes apart say nothing about a day's spend).
   */
  projectedMetOn: IsoDate | null;
  /** The day the spend last moved, when readings at least a day later still show the same amount. */
  noSpendSince: IsoDate | null;
  pace: Pace | null;
  metOn: IsoDate | null;
  /** The last day the credit should take to appear once the minimum is met. */
  creditDueBy: IsoDate | null;
  /** True when the terms do not say how long credit takes and TikTok's longest documented window is used. */
  arrivalAssumed: boolean;
  creditOverdue: boolean;
}

/** TikTok documents credit arriving within a day up to 7 days after the requirement is met. */
export const LONGEST_ARRIVAL_DAYS = 7;
/** Spending older than this says little about the current pace. */
const RECENT_DAYS = 14;
const DAY_MS = 86_400_000;

const FORWARD: readonly Lifecycle[] = ['received', 'activated', 'earning', 'processing', 'available'];

const daysFrom = (today: IsoDate, date: IsoDate | null): number | null =>
  date === null ? null : daysBetween(today, date);

/**
 * Readings (anything with an instant) in time order, the same as sorting by Date.parse of each, stably: each
 * instant is parsed once rather than at every comparison (a promotion keeps up to 120 readings).
 */
export function inTimeOrder<T extends { at: string }>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, time: Date.parse(item.at) }))
    .sort((a, b) => a.time - b.time)
    .map(({ item }) => item);
}

interface Rate {
  /** Spend per day over the readings used; 0 when they show none. */
  perDay: number;
  lastAt: number;
}

/**
 * Least-squares spend per day over the last two weeks of readings, and the last reading before them (a
 * stall that began before the window is still a stall). Null unless the readings span at least a day: $4
 * spent in ten minutes is no pace to plan a month on, and readings all older than the window are no
 * recent pace at all.
 */
function spendPerDay(sorted: SpendObservation[], now: number): Rate | null {
  const from = sorted.findIndex((o) => Date.parse(o.at) >= now - RECENT_DAYS * DAY_MS);
  if (from === -1) return null;
  const used = sorted.slice(Math.max(0, from - 1));
  const points = [...new Map(used.map((o) => [Date.parse(o.at), o.spent])).entries()];
  if (points.length < 2) return null;
  const times = points.map(([x]) => x);
  const lastAt = Math.max(...times);
  if (lastAt - Math.min(...times) < DAY_MS) return null;
  const meanT = points.reduce((s, [x]) => s + x, 0) / points.length;
  const meanS = points.reduce((s, [, y]) => s + y, 0) / points.length;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - meanT) * (y - meanS);
    den += (x - meanT) ** 2;
  }
  const perDay = (num / den) * DAY_MS;
  // Spend toward a minimum never goes down; a falling fit is a corrected figure, not a pace.
  return Number.isFinite(perDay) && perDay >= 0 ? { perDay, lastAt } : null;
}

/** The first reading of the latest amount, when a reading at least a day after it shows the same amount. */
function unchangedSince(sorted: SpendObservation[]): SpendObservation | null {
  const latest = sorted.at(-1);
  if (latest === undefined) return null;
  let first = latest;
  for (let i = sorted.length - 2; i >= 0 && sorted[i]!.spent === latest.spent; i--) first = sorted[i]!;
  return Date.parse(latest.at) - Date.parse(first.at) >= DAY_MS ? first : null;
}

function laterOf(a: Lifecycle, b: Lifecycle): Lifecycle {
  return FORWARD.indexOf(a) >= FORWARD.indexOf(b) ? a : b;
}

export function computeProgress(input: ProgressInput): Progress {
  return progressFrom(input, inTimeOrder(input.observations), new Date(input.now).getTime()).progress;
}

/**
 * computeProgress with the readings already in time order (`sorted`) and the instant in milliseconds; and
 * whether the pace was worked out from the recent readings (then which readings are recent matters).
 */
function progressFrom(
  input: ProgressInput,
  sorted: SpendObservation[],
  nowMs: number,
): { progress: Progress; paceFromRecent: boolean } {
  const { terms, timeZone } = input;
  const today = dateInZone(nowMs, timeZone);
  const latest = sorted.at(-1);
  const minSpend = terms.minSpend;
  const conditional = minSpend !== null && minSpend > 0;

  const firstMet = conditional && minSpend !== null ? sorted.find((o) => o.spent >= minSpend) : undefined;
  const metOn = input.metOn ?? (firstMet ? dateInZone(firstMet.at, timeZone) : null);
  const known = input.knownStatus ?? null;
  const activatedOn = input.activatedOn ?? null;
  const reportedSpent = input.spent ?? latest?.spent ?? null;
  const pageSaysIssued = known === 'available' || known === 'used';
  const met =
    conditional &&
    (metOn !== null ||
      (minSpend !== null && reportedSpent !== null && reportedSpent >= minSpend) ||
      known === 'processing' ||
      pageSaysIssued ||
      input.creditIssuedOn != null);
  // Issued only on the page's word (or a recorded issue day): activating a code, even a free one, is not
  // credit the advertiser can spend yet, and a code whose terms are unknown may well have a minimum.
  const issued = input.creditIssuedOn != null || pageSaysIssued;

  // A conditional row's end date is its spend deadline until the credit is issued; afterwards, the credit's.
  const pageEndIsSpendDeadline = conditional && !issued;
  const spendDeadline =
    terms.spendDeadline ??
    (activatedOn && terms.spendWindowDays !== null ? addDays(activatedOn, terms.spendWindowDays) : null) ??
    (pageEndIsSpendDeadline ? (input.validUntil ?? null) : null);
  const activationDeadline =
    terms.activateBy ??
    (input.receivedOn && terms.activateWithinDays !== null
      ? addDays(input.receivedOn, terms.activateWithinDays)
      : null);
  const creditExpiry =
    terms.creditExpiry ??
    (input.creditIssuedOn && terms.creditValidityDays !== null
      ? addDays(input.creditIssuedOn, terms.creditValidityDays)
      : null) ??
    (pageEndIsSpendDeadline ? null : (input.validUntil ?? null));

  const daysToSpendDeadline = daysFrom(today, spendDeadline);
  const daysToActivation = daysFrom(today, activationDeadline);
  const daysToExpiry = daysFrom(today, creditExpiry);

  const spent = met && minSpend !== null ? Math.max(reportedSpent ?? minSpend, minSpend) : reportedSpent;
  const fraction =
    minSpend === null ? null : minSpend <= 0 || met ? 1 : spent === null ? null : clamp01(spent / minSpend);
  const remaining =
    minSpend === null ? null : met ? 0 : spent === null ? null : Math.max(0, minSpend - spent);

  const status = lifecycle({
    known,
    activated: activatedOn !== null,
    spending: (reportedSpent ?? 0) > 0,
    met,
    issued,
    unused: input.unused ?? null,
    daysToSpendDeadline,
    daysToActivation,
    daysToExpiry,
  });

  const stall = met ? null : unchangedSince(sorted);
  const noSpendSince = stall === null ? null : dateInZone(stall.at, timeZone);
  const paceFromRecent = !met && stall === null;
  const rate = paceFromRecent ? spendPerDay(sorted, nowMs) : null;
  // A day or more without spend is the pace now, whatever the weeks before it averaged.
  const stalled = stall !== null || rate?.perDay === 0;
  // Where the recent pace lands. A landing day already past means the readings are too old to say when
  // (the pace they showed would have got there by now, and no reading shows it has): no date, no verdict.
  const landing =
    remaining === null || rate === null || stalled
      ? null
      : dateInZone(rate.lastAt + (remaining / rate.perDay) * DAY_MS, timeZone);
  const projectedMetOn = met ? metOn : landing !== null && landing < today ? null : landing;
  const dailyNeeded =
    remaining !== null && !met && daysToSpendDeadline !== null && daysToSpendDeadline >= 0
      ? remaining / (daysToSpendDeadline + 1)
      : null;

  const arrivalAssumed = terms.creditArrivalDays === null;
  const creditDueBy = metOn === null ? null : addDays(metOn, terms.creditArrivalDays ?? LONGEST_ARRIVAL_DAYS);
  const creditOverdue =
    status === 'processing' && creditDueBy !== null && daysBetween(today, creditDueBy) < 0;

  const progress: Progress = {
    status,
    today,
    fraction,
    spent,
    remaining,
    spendDeadline,
    daysToSpendDeadline,
    activationDeadline,
    daysToActivation,
    creditExpiry,
    daysToExpiry,
    dailyNeeded,
    projectedMetOn,
    noSpendSince,
    pace: paceOf({
      status,
      met,
      daysToSpendDeadline,
      projectedMetOn,
      spendDeadline,
      stalled,
    }),
    metOn,
    creditDueBy,
    arrivalAssumed,
    creditOverdue,
  };
  return { progress, paceFromRecent };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

interface Facts {
  known: Lifecycle | null;
  activated: boolean;
  spending: boolean;
  met: boolean;
  issued: boolean;
  unused: number | null;
  daysToSpendDeadline: number | null;
  daysToActivation: number | null;
  daysToExpiry: number | null;
}

function lifecycle(f: Facts): Lifecycle {
  // Ends the page or the advertiser has stated are final: our dates cannot undo a refusal or a use.
  if (f.known === 'rejected' || f.known === 'used' || f.known === 'missed' || f.known === 'expired') {
    return f.known;
  }
  const fromFacts: Lifecycle = f.issued
    ? 'available'
    : f.met
      ? 'processing'
      : f.spending
        ? 'earning'
        : f.activated
          ? 'activated'
          : 'received';
  const status = f.known ? laterOf(f.known, fromFacts) : fromFacts;
  switch (status) {
    case 'received':
      return f.daysToActivation !== null && f.daysToActivation < 0 ? 'expired' : status;
    case 'activated':
    case 'earning':
      return f.daysToSpendDeadline !== null && f.daysToSpendDeadline < 0 ? 'missed' : status;
    case 'available':
      if (f.unused === 0) return 'used';
      return f.daysToExpiry !== null && f.daysToExpiry < 0 ? 'expired' : status;
    default:
      return status;
  }
}

interface PaceFacts {
  status: Lifecycle;
  met: boolean;
  daysToSpendDeadline: number | null;
  projectedMetOn: IsoDate | null;
  spendDeadline: IsoDate | null;
  /** A day or more of recent readings shows no spend. */
  stalled: boolean;
}

function paceOf(f: PaceFacts): Pace | null {
  if (f.met) return 'on-track';
  if (f.status === 'missed' || (f.daysToSpendDeadline !== null && f.daysToSpendDeadline < 0)) {
    return 'cannot-make-it';
  }
  if (f.spendDeadline === null) return null;
  if (f.projectedMetOn !== null) return f.projectedMetOn <= f.spendDeadline ? 'on-track' : 'at-risk';
  // Nothing moving toward the goal with a deadline ahead; without a day of readings, no verdict at all.
  return f.stalled ? 'at-risk' : null;
}

/**
 * What progressOfRecord knows of a record: its readings in time order, and the last progress worked out with
 * what it was worked out from. Progress depends on the instant only through the day it is in the zone and
 * which readings are recent enough for the pace (RECENT_DAYS): while both stay, so does every figure.
 */
interface Known {
  sorted: SpendObservation[];
  /** Date.parse of each of `sorted`. */
  times: number[];
  last: {
    timeZone: string;
    today: IsoDate;
    recentFrom: number;
    progress: Progress;
    paceFromRecent: boolean;
  } | null;
}

// By record: the worker keeps each stored record as one object while it runs, so the summary, the reminders
// and the badge of every change work out again only the records that change, or whose day or pace window
// moved. A record is never changed in place (a change is a new record), and a progress is frozen: shared.
const known = new WeakMap<PromotionRecord, Known>();

/** The first of `times` inside the pace's window at `nowMs` (-1 for none): what spendPerDay starts from. */
function recentFrom(times: readonly number[], nowMs: number): number {
  const since = nowMs - RECENT_DAYS * DAY_MS;
  return times.findIndex((t) => t >= since);
}

/** Progress of a kept promotion, as the popup and the reminders see it. */
export function progressOfRecord(record: PromotionRecord, now: string | Date, timeZone: string): Progress {
  const nowMs = new Date(now).getTime();
  const today = dateInZone(nowMs, timeZone);
  let k = known.get(record);
  if (k === undefined) {
    const sorted = inTimeOrder(record.observations);
    k = { sorted, times: sorted.map((o) => Date.parse(o.at)), last: null };
    known.set(record, k);
  }
  const recent = recentFrom(k.times, nowMs);
  const last = k.last;
  if (last !== null && last.timeZone === timeZone && last.today === today && last.recentFrom === recent)
    return last.progress;
  const input: ProgressInput = {
    terms: record.terms,
    knownStatus: record.status,
    receivedOn: record.receivedOn,
    activatedOn: record.activatedOn,
    metOn: record.metOn,
    creditIssuedOn: record.creditIssuedOn,
    validUntil: record.validUntil,
    observations: record.observations,
    unused: record.unused,
    now,
    timeZone,
  };
  const { progress, paceFromRecent } = progressFrom(input, k.sorted, nowMs);
  Object.freeze(progress);
  k.last = { timeZone, today, recentFrom: recent, progress, paceFromRecent };
  return progress;
}

/**
 * The first instant (ms since the epoch) at which progressOfRecord(record, ·, timeZone) may say something
 * else than at `now`: the next day in the zone, or sooner, when the pace came from the recent readings, the
 * moment the oldest of them leaves the pace's window. Until then every figure holds (the record itself never
 * changes: a change is a new record). A page that shows progress the worker worked out shows it until then.
 */
export function progressHoldsUntil(record: PromotionRecord, now: string | Date, timeZone: string): number {
  const nowMs = new Date(now).getTime();
  progressOfRecord(record, now, timeZone);
  const k = known.get(record)!;
  const { today, recentFrom: recent, paceFromRecent } = k.last!;
  const dayEnds = dayEndsAt(nowMs, timeZone, today);
  // recentFrom(times, t) moves once t - RECENT_DAYS days passes the first recent reading; none recent stays none.
  return paceFromRecent && recent !== -1
    ? Math.min(dayEnds, k.times[recent]! + RECENT_DAYS * DAY_MS + 1)
    : dayEnds;
}

// The day's end per zone, for the day it was asked on: every record of an answer shares it.
const dayEndIn = new Map<string, { today: IsoDate; end: number }>();

/**
 * The first instant (ms since the epoch) after `now` that is no longer its day in `timeZone`, found by
 * halving between now and two days on: a zone's midnight moves with its offset (daylight saving time,
 * half-hour zones), so no day length can be assumed, and the browser's own zone rules are the only ones
 * that agree with dateInZone.
 */
export function dayEndsAt(
  now: string | Date | number,
  timeZone: string,
  today: IsoDate = dateInZone(now, timeZone),
): number {
  const nowMs = new Date(now).getTime();
  const cached = dayEndIn.get(timeZone);
  if (cached?.today === today && cached.end > nowMs) return cached.end;
  let inToday = nowMs;
  let after = nowMs + 2 * DAY_MS;
  while (after - inToday > 1) {
    const mid = Math.floor((inToday + after) / 2);
    if (dateInZone(mid, timeZone) === today) inToday = mid;
    else after = mid;
  }
  dayEndIn.set(timeZone, { today, end: after });
  return after;
}

/** Progress of each of `records` at one instant, worked out once: the summary, reminders and badge share it. */
export type ProgressOf = (record: PromotionRecord) => Progress;

export function progressTable(
  records: readonly PromotionRecord[],
  now: string | Date,
  timeZone: string,
): ProgressOf {
  const table = new Map(records.map((r) => [r, progressOfRecord(r, now, timeZone)]));
  return (record) => table.get(record) ?? progressOfRecord(record, now, timeZone);
}
