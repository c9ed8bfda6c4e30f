// The promotion store in storage.local: the only module that reads or writes it (layout: core/store/layout).
//
// Read API — for the popup, options and the worker; works without the worker (reads storage directly):
//   readKept(): Promise<Kept>        everything at once: promotions, attempts, settings, balances,
//                                    reminder state, latest snapshot, quarantine, and `invalid` — keys
//                                    whose value failed validation (left out of the lists, never thrown)
//   readPromotions(accountId?)       valid PromotionRecords (of one account when given)
//   readSettings()                   Settings (DEFAULT_SETTINGS when absent or invalid)
//   readHead()                       the summary and settings, a few KB however much is kept: what the popup
//                                    paints first; null when the summary is missing or invalid
//   onKeptChanged(listener)          called after any change to storage.local; returns an unsubscribe
//
// Write API — the worker only, from inside its serialized queue (src/background/queue.ts):
//   readRaw(keys?)                   raw values, for read-modify-write
//   writeChanges({ set, remove })    sets first, then removes: a failed write never lost anything kept;
//                                    resolves to Result<null>, quota errors as 'quota-exceeded'
//
// UIs never write here: they send messages, so two tabs can never overwrite each other's changes.
import { errorText, fail, ok, type Result } from '../core/result.ts';
import {
  Balances,
  EMPTY_REMINDER_STATE,
  HELD_PREFIX,
  HeldChange,
  KEY,
  LatestSnapshot,
  PROMO_PREFIX,
  QUARANTINE_PREFIX,
  QuarantinedItem,
  ReminderState,
  Summary,
  type HeldChange as HeldChangeT,
  type LatestSnapshot as LatestSnapshotT,
  type QuarantinedItem as QuarantinedItemT,
} from '../core/store/layout.ts';
import {
  DEFAULT_SETTINGS,
  PromotionRecord,
  RedeemAttempt,
  Settings,
  type PromotionRecord as PromotionRecordT,
  type RedeemAttempt as RedeemAttemptT,
} from '../core/schemas.ts';
import { storageBytes } from '../core/limits.ts';
import type * as z from 'zod/mini';
import { api } from './browser.ts';

/** A stored value that failed validation: the worker moves it to quarantine on its next write. */
export interface InvalidEntry {
  key: string;
  reason: string;
  raw: unknown;
}

export interface Kept {
  promotions: PromotionRecordT[];
  attempts: RedeemAttemptT[];
  settings: Settings;
  balances: Balances;
  reminders: ReminderState;
  latestSnapshot: LatestSnapshotT | null;
  quarantine: QuarantinedItemT[];
  /** Page changes to kept promotions waiting for the advertiser's confirmation (core/store/guard.ts). */
  held: HeldChangeT[];
  invalid: InvalidEntry[];
}

export type RawItems = Record<string, unknown>;

/** Validates raw storage items into Kept. Pure; exported for the worker, which already holds the items. */
export function keptFrom(items: RawItems): Kept {
  const invalid: InvalidEntry[] = [];
  const valid = <T>(key: string, schema: z.ZodMiniType<T>, fallback: T): T => {
    if (!(key in items)) return fallback;
    const parsed = schema.safeParse(items[key]);
    if (parsed.success) return parsed.data;
    invalid.push({ key, reason: issuesText(parsed.error), raw: items[key] });
    return fallback;
  };
  const promotions: PromotionRecordT[] = [];
  const quarantine: QuarantinedItemT[] = [];
  const held: HeldChangeT[] = [];
  for (const key of Object.keys(items).sort()) {
    if (key.startsWith(PROMO_PREFIX)) {
      const record = valid<PromotionRecordT | null>(key, PromotionRecord, null);
      if (record) promotions.push(record);
    } else if (key.startsWith(HELD_PREFIX)) {
      const change = valid<HeldChangeT | null>(key, HeldChange, null);
      if (change) held.push(change);
    } else if (key.startsWith(QUARANTINE_PREFIX)) {
      // A quarantined item is the last resort: one that does not even parse is still listed, by key.
      const parsed = QuarantinedItem.safeParse(items[key]);
      quarantine.push(
        parsed.success
          ? parsed.data
          : {
              id: key.slice(QUARANTINE_PREFIX.length),
              key,
              reason: issuesText(parsed.error),
              at: new Date(0).toISOString(),
              raw: items[key],
            },
      );
    }
  }
  // Attempts are validated one by one so that one bad attempt does not hide the others.
  const attempts: RedeemAttemptT[] = [];
  const rawAttempts = items[KEY.attempts];
  if (Array.isArray(rawAttempts)) {
    rawAttempts.forEach((raw, index) => {
      const parsed = RedeemAttempt.safeParse(raw);
      if (parsed.success) attempts.push(parsed.data);
      else invalid.push({ key: `${KEY.attempts}[${index}]`, reason: issuesText(parsed.error), raw });
    });
  } else if (rawAttempts !== undefined) {
    invalid.push({ key: KEY.attempts, reason: 'expected an array', raw: rawAttempts });
  }
  return {
    promotions,
    attempts,
    settings: valid(KEY.settings, Settings, DEFAULT_SETTINGS),
    balances: valid(KEY.balances, Balances, {}),
    reminders: valid(KEY.reminders, ReminderState, EMPTY_REMINDER_STATE),
    latestSnapshot: valid<LatestSnapshotT | null>(KEY.lastSnapshot, LatestSnapshot, null),
    quarantine,
    held,
    invalid,
  };
}

export function issuesText(error: z.core.$ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
}

export async function readRaw(keys?: string[]): Promise<RawItems> {
  return api().storage.local.get(keys ?? null);
}

export async function readKept(): Promise<Kept> {
  return keptFrom(await readRaw());
}

export async function readPromotions(accountId?: string | null): Promise<PromotionRecordT[]> {
  const { promotions } = await readKept();
  return accountId === undefined ? promotions : promotions.filter((p) => p.accountId === accountId);
}

/** How much of storage.local is in use: the browser's own count where it has one, else our reckoning. */
export async function readBytesInUse(): Promise<number> {
  const local = api().storage.local;
  if (local.getBytesInUse) return local.getBytesInUse(null);
  return storageBytes(await readRaw());
}

export async function readSettings(): Promise<Settings> {
  return settingsFrom(await readRaw([KEY.settings]));
}

const settingsFrom = (items: RawItems): Settings => {
  const parsed = Settings.safeParse(items[KEY.settings]);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
};

export interface Head {
  summary: Summary;
  settings: Settings;
}

export async function readHead(): Promise<Head | null> {
  const items = await readRaw([KEY.summary, KEY.settings]);
  const summary = Summary.safeParse(items[KEY.summary]);
  return summary.success ? { summary: summary.data, settings: settingsFrom(items) } : null;
}

export function onKeptChanged(listener: (keys: string[]) => void): () => void {
  const onChanged = api().storage.onChanged;
  const wrapped = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local') listener(Object.keys(changes));
  };
  onChanged.addListener(wrapped);
  return () => onChanged.removeListener(wrapped);
}

export interface Changes {
  set: RawItems;
  remove: string[];
}

export function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  return name === 'QuotaExceededError' || /QUOTA_BYTES|quota/i.test(errorText(error));
}

/**
 * Chrome: storage.local for the extension's own pages and worker only. Without it any content-script
 * context (which runs in the page's process) could write settings or promotions past the worker's
 * checks. Firefox has no such setting for storage.local (only for storage.session): there the worker's
 * validation on every read is the defence. Resolves to whether the browser took it.
 */
export async function restrictToTrustedContexts(): Promise<boolean> {
  const local = api().storage.local;
  if (!local.setAccessLevel) return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}

export async function writeChanges(changes: Changes): Promise<Result<null>> {
  const local = api().storage.local;
  try {
    if (Object.keys(changes.set).length > 0) await local.set(changes.set);
    if (changes.remove.length > 0) await local.remove(changes.remove);
    return ok(null);
  } catch (error) {
    if (isQuotaError(error)) {
      return fail('quota-exceeded', 'Browser storage for the extension is full; nothing was changed.');
    }
    return fail('internal', errorText(error));
  }
}
