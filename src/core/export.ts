// What the options page writes to files and reads back: a CSV of every promotion, an iCalendar file of
// every deadline, and a full JSON backup whose import is validated and shown as a diff before anything
// is written. Pure: the page turns the strings into downloads and sends the accepted import to the worker.
import { addDays } from './dates.ts';
import { openDeadlines, type Deadline } from './deadlines.ts';
import type { Translate } from './i18n.ts';
import { formatAmount } from './money.ts';
import { progressOfRecord } from './progress.ts';
import { promoKey } from './store/layout.ts';
import {
  BACKUP_FORMAT,
  PromotionRecord,
  Backup,
  type IsoDate,
  type PromotionRecord as PromotionRecordT,
  type RedeemAttempt as RedeemAttemptT,
  type Settings as SettingsT,
} from './schemas.ts';

// ---------------------------------------------------------------- shared

export function deadlinesOf(record: PromotionRecordT, now: Date, timeZone: string): Deadline[] {
  return openDeadlines(progressOfRecord(record, now, timeZone));
}

function latestSpent(record: PromotionRecordT): number | null {
  let latest: { at: number; spent: number } | null = null;
  for (const o of record.observations) {
    const at = Date.parse(o.at);
    if (!latest || at >= latest.at) latest = { at, spent: o.spent };
  }
  return latest?.spent ?? null;
}

// ---------------------------------------------------------------- CSV (RFC 4180)

const CSV_COLUMNS = [
  'account',
  'id',
  'name',
  'code',
  'type',
  'status',
  'currency',
  'amount',
  'min_spend',
  'spent',
  'received_on',
  'activated_on',
  'activate_by',
  'spend_deadline',
  'met_on',
  'credit_issued_on',
  'credit_expiry',
  'terms_needed',
  'source',
] as const;

/**
 * One CSV field. Page text can start with `=`, `+`, `-` or `@`, which spreadsheets run as a formula:
 * such text is prefixed with an apostrophe. Numbers are written as numbers.
 */
function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every promotion as CSV: one header row of stable column names, CRLF line ends, raw numbers and ISO dates. */
export function toCsv(records: readonly PromotionRecordT[], now: Date, timeZone: string): string {
  const rows = records.map((r) => {
    const p = progressOfRecord(r, now, timeZone);
    const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = {
      account: r.accountId,
      id: r.id,
      name: r.name,
      code: r.code,
      type: r.type,
      // What the popup shows: the status as of now (a deadline passed since the last visit counts).
      status: p.status,
      currency: r.terms.currency,
      amount: r.terms.amount,
      min_spend: r.terms.minSpend,
      spent: latestSpent(r),
      received_on: r.receivedOn,
      activated_on: r.activatedOn,
      activate_by: p.activationDeadline,
      spend_deadline: p.spendDeadline,
      met_on: r.metOn,
      credit_issued_on: r.creditIssuedOn,
      credit_expiry: p.creditExpiry,
      terms_needed: r.termsNeeded,
      source: r.source,
    };
    return CSV_COLUMNS.map((c) => csvField(cells[c])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}

// ---------------------------------------------------------------- iCalendar (RFC 5545)

/** TEXT values: backslash, semicolon, comma and line breaks are escaped. */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Content lines longer than 75 octets continue on lines starting with one space, never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const icsDate = (iso: IsoDate): string => iso.replace(/-/g, '');

const icsStamp = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * An alarm `days` before an all-day event, at 09:00 of that day: all-day events start at local midnight,
 * so "n days before at nine" is n days minus nine hours before the start.
 */
function alarmTrigger(days: number): string {
  if (days === 0) return 'PT9H';
  return days === 1 ? '-PT15H' : `-P${days - 1}DT15H`;
}

/** UIDs must be globally unique and stable across exports so that re-importing updates, not duplicates. */
function uid(record: PromotionRecordT, kind: Deadline['kind']): string {
  const part = (s: string) => encodeURIComponent(s).replace(/[^A-Za-z0-9%._~-]/g, '_');
  return `${part(record.accountId ?? 'none')}.${part(record.id)}.${kind}@adcreditguide.app`;
}

export interface CalendarOptions {
  now: Date;
  timeZone: string;
  /** Locale for the amounts written into event descriptions. */
  locale: string;
  /** Days before each date to alert (Settings.reminderDays). */
  reminderDays: readonly number[];
  t: Translate;
}

const SUMMARY_KEY: Record<Deadline['kind'], string> = {
  activation: 'options_icsActivation',
  spend: 'options_icsSpend',
  expiry: 'options_icsExpiry',
};

/** One all-day VEVENT per deadline and expiry, each with a display alarm per reminder threshold. */
export function toIcs(records: readonly PromotionRecordT[], options: CalendarOptions): string {
  const { now, t } = options;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ad Credit Guide//Deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  const days = [...new Set(options.reminderDays)].sort((a, b) => b - a);
  for (const record of records) {
    const name = record.name ?? record.code ?? t('ui_unnamedPromotion');
    const { amount, currency } = record.terms;
    const details = [
      amount === null ? null : t('options_icsAmount', [formatAmount(amount, currency, options.locale)]),
      record.terms.minSpend === null
        ? null
        : t('options_icsMinSpend', [formatAmount(record.terms.minSpend, currency, options.locale)]),
      record.accountId === null ? null : t('options_icsAccount', [record.accountId]),
      record.code === null ? null : t('options_icsCode', [record.code]),
    ].filter((line): line is string => line !== null);
    for (const deadline of deadlinesOf(record, now, options.timeZone)) {
      const summary = t(SUMMARY_KEY[deadline.kind], [name]);
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid(record, deadline.kind)}`,
        `DTSTAMP:${icsStamp(now)}`,
        `DTSTART;VALUE=DATE:${icsDate(deadline.date)}`,
        `DTEND;VALUE=DATE:${icsDate(addDays(deadline.date, 1))}`,
        `SUMMARY:${icsText(summary)}`,
        `DESCRIPTION:${icsText(details.join('\n'))}`,
        'TRANSP:TRANSPARENT',
      );
      for (const d of days) {
        lines.push(
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${icsText(summary)}`,
          `TRIGGER:${alarmTrigger(d)}`,
          'END:VALARM',
        );
      }
      lines.push('END:VEVENT');
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}

// ---------------------------------------------------------------- JSON backup

export interface BackupContent {
  promotions: readonly PromotionRecordT[];
  attempts: readonly RedeemAttemptT[];
  settings: SettingsT;
}

export function buildBackup(content: BackupContent, now: Date): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    promotions: [...content.promotions],
    attempts: [...content.attempts],
    settings: content.settings,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export interface BackupProblem {
  /** Where in the file, e.g. "promotions.3.terms.amount"; empty for the whole file. */
  path: string;
  message: string;
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problems: BackupProblem[] };

/** Reads a backup file: not JSON, another file, or any invalid record rejects the whole file. */
export function parseBackup(text: string): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', message: 'not-json' }] };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) {
    return { ok: false, problems: [{ path: '', message: 'not-a-backup' }] };
  }
  const result = Backup.safeParse(json);
  if (result.success) return { ok: true, backup: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}

/** One value an import would change: `terms.amount`, `status`, `reminderDays`… with what is kept and what comes. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangedRecord {
  before: PromotionRecordT;
  after: PromotionRecordT;
  /** Fields that differ, in schema order; the terms field by field. */
  changes: FieldChange[];
}

export interface ImportPlan {
  added: PromotionRecordT[];
  changed: ChangedRecord[];
  unchanged: number;
  /** Attempts in the backup that are not kept yet (by id). */
  attemptsAdded: number;
  /** Settings that differ, each taken or left on its own (mergeSettings). */
  settings: FieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changesOf(before: PromotionRecordT, after: PromotionRecordT): FieldChange[] {
  const fields = Object.keys(PromotionRecord.shape).filter((f) => f !== 'updatedAt') as Array<
    keyof PromotionRecordT
  >;
  return fields.flatMap((field): FieldChange[] => {
    if (field === 'terms')
      return (Object.keys(after.terms) as Array<keyof PromotionRecordT['terms']>).flatMap((key) =>
        same(before.terms[key], after.terms[key])
          ? []
          : [{ field: `terms.${key}`, before: before.terms[key], after: after.terms[key] }],
      );
    return same(before[field], after[field]) ? [] : [{ field, before: before[field], after: after[field] }];
  });
}

/**
 * The settings after an import that takes `taken` of the backup's settings and keeps the rest: never
 * the backup's settings wholesale, so a choice made since the backup is not lost unless asked.
 */
export function mergeSettings(current: SettingsT, backup: SettingsT, taken: Iterable<string>): SettingsT {
  const merged: Record<string, unknown> = { ...current };
  for (const field of taken) if (field in backup) merged[field] = (backup as Record<string, unknown>)[field];
  return merged as SettingsT;
}

/**
 * What importing `backup` would do to what is kept now. `updatedAt` alone is not a change: the same
 * promotion saved twice is still the same promotion.
 */
export function planImport(current: BackupContent, backup: Backup): ImportPlan {
  const kept = new Map(current.promotions.map((r) => [promoKey(r.accountId, r.id), r]));
  const plan: ImportPlan = { added: [], changed: [], unchanged: 0, attemptsAdded: 0, settings: [] };
  for (const after of backup.promotions) {
    const before = kept.get(promoKey(after.accountId, after.id));
    if (!before) {
      plan.added.push(after);
      continue;
    }
    const changes = changesOf(before, after);
    if (changes.length === 0) plan.unchanged += 1;
    else plan.changed.push({ before, after, changes });
  }
  const attemptIds = new Set(current.attempts.map((a) => a.id));
  plan.attemptsAdded = backup.attempts.filter((a) => !attemptIds.has(a.id)).length;
  plan.settings = (Object.keys(backup.settings) as Array<keyof SettingsT>).flatMap((field) =>
    same(current.settings[field], backup.settings[field])
      ? []
      : [{ field, before: current.settings[field], after: backup.settings[field] }],
  );
  return plan;
}
