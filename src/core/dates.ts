// Calendar dates as values: ISO days, days between them, and the day an instant falls on in a zone.
// Finding and reading dates in a page's or an offer's text is ./date-text.ts: the popup's first cards
// count days and never read a date, so this module stays the small part they load.
import { MAX_ID } from './limits.ts';

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  return toIso(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

/** Null when the parts do not make a real calendar date (2026-02-30). */
export function toIso(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  // Counted, not asked of a Date: building and formatting one took most of the time of reading a date.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function fromIso(date: IsoDate): number {
  if (!isValidIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

const DAY_MS = 86_400_000;

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(fromIso(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((fromIso(to) - fromIso(from)) / DAY_MS);
}

/** An IANA zone the browser's Intl accepts: any other string made every day count throw. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > MAX_ID) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone days are counted in: the advertiser's setting, else the system's. One rule for the worker, the
 * popup, the options page and the content script, so "days left" is the same number everywhere.
 */
export function zoneOf(settings: { timeZone: string | null }, systemZone: string): string {
  return settings.timeZone ?? systemZone;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
// One formatter per zone: progress asks for "today" several times per promotion, and building an
// Intl.DateTimeFormat costs about a millisecond.
export function dateInZone(instant: Date | string | number, timeZone: string): IsoDate {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    zoneFormats.set(timeZone, format);
  }
  const time = new Date(instant).getTime();
  // A list asks for the same "today" once per promotion: the last answer per zone is kept.
  const last = lastInZone.get(timeZone);
  if (last && last.time === time) return last.date;
  const parts = format.formatToParts(time);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  lastInZone.set(timeZone, { time, date });
  return date;
}

const lastInZone = new Map<string, { time: number; date: IsoDate }>();
