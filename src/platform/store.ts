// The promotion store in storage.local: the only module that reads or writes it (layout: core/store/layout).
//
// Read API — for the popup, options and the worker; works without the worker (reads storage directly):
//   readKept(): Promise<Kept>        everything at once: promotions, attempts, settings, balances,
//                                    reminder state, latest snapshot, quarantine, and `invalid` — keys
//                                    whose value failed validation (left out of the lists, never thrown)
//   readPromotions(accountId?)       valid PromotionRecords (of one account when given)
//   readSettings()                   Settings (DEFAULT_SETTINGS when absent or invalid)
//   onKeptChanged(listener)          called after any change to storage.local; returns an unsubscribe
//
// Write API — the worker only:
//   transaction(reads, plan, followUp?)  one serialized step: reads only the declared parts of Kept
//                                    (each backed by a store registry entry, core/store/registry.ts),
//                                    validates them once, calls the pure plan, writes its changes (and the
//                                    follow-up's, the summary) in one write
//   serialized(task)                 any other step on the same queue (./queue.ts): the wake's repair, reminders
//   readRaw(keys?)                   raw values for the worker's steps, from its copy of storage once it has one
//   writeChanges({ set, remove })    sets first, then removes (a failed write never lost anything kept),
//                                    unless removeFirst; resolves to Result<null>, quota errors as 'quota-exceeded';
//                                    with the worker's copy, what storage already holds is left out
//   mirrorStorage()                  the worker keeps a copy of storage.local in memory from its first full read
//                                    (see "the worker's copy" below); called once per wake, before anything else
//
// UIs never write here: they send messages, so two tabs can never overwrite each other's changes.
import { errorText, fail, ok, type Result } from '../core/result.ts';
import {
  Balances,
  KEY,
  QUARANTINE_PREFIX,
  QuarantinedItem,
  ReminderState,
  type HeldChange as HeldChangeT,
  type LatestSnapshot as LatestSnapshotT,
  type QuarantinedItem as QuarantinedItemT,
} from '../core/store/layout.ts';
import { REGISTRY, ruleOf, type KeyName, type KeyRule, type PanelFolded } from '../core/store/registry.ts';
import {
  DEFAULT_SETTINGS,
  RedeemAttempt,
  Settings,
  type PromotionRecord as PromotionRecordT,
  type RedeemAttempt as RedeemAttemptT,
} from '../core/schemas.ts';
import { storageBytes } from '../core/limits.ts';
import { sameStored } from '../core/store/same.ts';
import type * as z from 'zod/mini';
import { api } from './browser.ts';
import { createQueue } from './queue.ts';

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
  /** The on-page panel folded per ad account. */
  panelFolded: PanelFolded;
  /** Every key read, declared or not (what a data clear goes through). */
  storedKeys: string[];
  invalid: InvalidEntry[];
}

/** What a transaction can read: a part of Kept, each backed by one registry entry. */
export type Readable = Exclude<keyof Kept, 'invalid'>;

/** The registry entry behind each part of Kept; `storedKeys` reads every key. */
export const SOURCE: Readonly<Record<Exclude<Readable, 'storedKeys'>, KeyName>> = {
  promotions: 'promotions',
  attempts: 'attempts',
  settings: 'settings',
  balances: 'balances',
  reminders: 'reminders',
  latestSnapshot: 'lastSnapshot',
  quarantine: 'quarantine',
  held: 'held',
  panelFolded: 'panelFolded',
};

export type RawItems = Record<string, unknown>;

/**
 * Stored objects already validated, by identity: a transaction validates what it read once, and storage as
 * its plan leaves it (the same objects, plus the plan's) is not validated again. Read values are fresh
 * copies each time, so nothing validated by an earlier read is taken on trust.
 */
const validated = new WeakMap<object, { rule: KeyRule<unknown>; data: unknown }>();

/**
 * Validates raw storage items into Kept, each value against its registry entry's schema: a value that fails
 * reads as the entry's fallback and, when the entry is restorable, is listed in `invalid` for the worker to
 * set aside. Pure; exported for the worker and the transactions, which already hold the items.
 */
export function keptFrom(items: RawItems): Kept {
  const invalid: InvalidEntry[] = [];
  const parse = <T>(key: string, r: KeyRule<T>, raw: unknown): T => {
    const known = typeof raw === 'object' && raw !== null ? validated.get(raw) : undefined;
    if (known?.rule === r) return known.data as T;
    const parsed = r.schema.safeParse(raw);
    if (parsed.success && typeof raw === 'object' && raw !== null)
      validated.set(raw, { rule: r, data: parsed.data });
    if (parsed.success) return parsed.data;
    if (r.restorable) invalid.push({ key, reason: issuesText(parsed.error), raw });
    return r.fallback;
  };
  const one = <T>(r: KeyRule<T>): T => (r.key in items ? parse(r.key, r, items[r.key]) : r.fallback);
  const promotions: PromotionRecordT[] = [];
  const quarantine: QuarantinedItemT[] = [];
  const held: HeldChangeT[] = [];
  for (const key of Object.keys(items).sort()) {
    const name = ruleOf(key);
    if (name === 'promotions') {
      const record = parse(key, REGISTRY.promotions, items[key]);
      if (record) promotions.push(record);
    } else if (name === 'held') {
      const change = parse(key, REGISTRY.held, items[key]);
      if (change) held.push(change);
    } else if (name === 'quarantine') {
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
    settings: one(REGISTRY.settings),
    balances: one(REGISTRY.balances),
    reminders: one(REGISTRY.reminders),
    latestSnapshot: one(REGISTRY.lastSnapshot),
    quarantine,
    held,
    panelFolded: one(REGISTRY.panelFolded),
    storedKeys: Object.keys(items),
    invalid,
  };
}

export function issuesText(error: z.core.$ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
}

/** Stored items (all of them without `keys`), read from storage: what pages read. */
const readStorage = (keys?: readonly string[]): Promise<RawItems> =>
  api().storage.local.get(keys === undefined ? null : [...keys]);

/**
 * Stored items (all of them without `keys`), for the worker's steps: from its copy when it has one (the copy
 * starts with the first full read), else from storage.
 */
export async function readRaw(keys?: readonly string[]): Promise<RawItems> {
  const held = mirroring() ? copy : null;
  if (held !== null) return keys === undefined ? { ...held } : pick(held, keys);
  const since = generation;
  const items = await readStorage(keys);
  // Everything read, and nothing changed by anyone else meanwhile: the worker's copy from now on.
  if (mirroring() && keys === undefined && since === generation && copy === null) copy = { ...items };
  return items;
}

const pick = (items: RawItems, keys: readonly string[]): RawItems => {
  const out: RawItems = {};
  for (const key of keys) if (key in items) out[key] = items[key];
  return out;
};

export async function readKept(): Promise<Kept> {
  return keptFrom(await readStorage());
}

export async function readPromotions(accountId?: string | null): Promise<PromotionRecordT[]> {
  const { promotions } = await readKept();
  return accountId === undefined ? promotions : promotions.filter((p) => p.accountId === accountId);
}

/** How much of storage.local is in use: the browser's own count where it has one, else our reckoning. */
export async function readBytesInUse(): Promise<number> {
  const local = api().storage.local;
  if (local.getBytesInUse) return local.getBytesInUse(null);
  return storageBytes(await readStorage());
}

export async function readSettings(): Promise<Settings> {
  return settingsFrom(await readStorage([KEY.settings]));
}

const settingsFrom = (items: RawItems): Settings => {
  const parsed = Settings.safeParse(items[KEY.settings]);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
};

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
  /** Removes before it sets: a data clear in a full storage needs the room the removal makes. */
  removeFirst?: boolean;
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

export function writeChanges(changes: Changes): Promise<Result<null>> {
  return write(mirroring() ? { ...changes, set: asStored(changes.set) } : changes);
}

/** Writes `changes`, whose values are as storage keeps them (asStored) when the worker keeps its copy. */
async function write(planned: Changes): Promise<Result<null>> {
  const local = api().storage.local;
  const mirrored = mirroring();
  const changes = mirrored && copy !== null ? leftToWrite(planned, copy) : planned;
  if (mirrored) expectChanges(changes);
  const set = async () => {
    if (Object.keys(changes.set).length > 0) await local.set(changes.set);
  };
  const remove = async () => {
    if (changes.remove.length > 0) await local.remove(changes.remove);
  };
  try {
    if (changes.removeFirst) await remove().then(set);
    else await set().then(remove);
    if (mirrored && copy !== null) {
      Object.assign(copy, changes.set);
      for (const key of changes.remove) delete copy[key];
    }
    return ok(null);
  } catch (error) {
    // Part of it may have been written: what storage holds is not known until it is read again.
    dropCopy();
    if (isQuotaError(error)) {
      return fail('quota-exceeded', 'Browser storage for the extension is full; nothing was changed.');
    }
    return fail('internal', errorText(error));
  }
}

// ---------------------------------------------------------------- transactions (the worker's writes)

/** Every write to storage.local runs on this one queue, one read-modify-write at a time. */
const queue = createQueue();

/** Runs `task` alone: after every step queued before it, before any queued after. */
export const serialized = <T>(task: () => Promise<T>): Promise<T> => queue.run(task);

/** The stored items behind `reads`, and nothing else that can be left out: singles by key, families by prefix. */
export async function readFor(reads: readonly Readable[]): Promise<RawItems> {
  if (reads.includes('storedKeys')) return readRaw();
  const rules = reads.map((field) => REGISTRY[SOURCE[field as Exclude<Readable, 'storedKeys'>]]);
  // storage.local cannot list keys by prefix: a family is read with everything, then cut to its keys.
  const all = rules.some((r) => r.family);
  const raw = await readRaw(all ? undefined : rules.map((r) => r.key));
  if (!all) return raw;
  const wanted = (key: string) => rules.some((r) => (r.family ? key.startsWith(r.key) : key === r.key));
  return Object.fromEntries(Object.entries(raw).filter(([key]) => wanted(key)));
}

export interface Planned<T> {
  changes: Changes;
  value: T;
}

/** A step's follow-up: more changes worked out from storage as the plan leaves it (the worker's summary). */
export interface FollowUp {
  /** Whether the plan's changes call for it (a key they set or remove). */
  when: (key: string) => boolean;
  /** What it reads besides the plan's reads, with the raw items it keeps (the stored summary). */
  reads: readonly Readable[];
  keys: readonly string[];
  changes(after: Kept, raw: RawItems): Changes;
}

/**
 * One serialized read-plan-write step: reads only `reads`, validates them once, calls the pure `plan`, and
 * writes its changes (with the follow-up's, in the same write). Resolves to the plan's value, or the
 * plan's or the write's failure.
 */
export function transaction<R extends Readable, T>(
  reads: readonly R[],
  plan: (state: Pick<Kept, R>) => Result<Planned<T>>,
  followUp?: FollowUp,
): Promise<Result<T>> {
  return serialized(async () => {
    const raw = await readFor(reads);
    const planned = plan(keptFrom(raw));
    if (!planned.ok) return planned;
    // The values as storage will hold them: the follow-up validates these, and the worker's copy keeps them.
    let changes = mirroring()
      ? { ...planned.value.changes, set: asStored(planned.value.changes.set) }
      : planned.value.changes;
    const touched = Object.keys(changes.set).concat(changes.remove);
    if (followUp && touched.some(followUp.when)) {
      const more = await readFor(followUp.reads.filter((r) => !(reads as readonly Readable[]).includes(r)));
      const extra = followUp.keys.length > 0 ? await readRaw([...followUp.keys]) : {};
      const before = { ...raw, ...more, ...extra };
      const after: RawItems = { ...before, ...changes.set };
      for (const key of changes.remove) delete after[key];
      const follow = followUp.changes(keptFrom(after), before);
      changes = {
        set: { ...changes.set, ...follow.set },
        remove: [...changes.remove, ...follow.remove],
        ...(changes.removeFirst ? { removeFirst: true } : {}),
      };
    }
    const written = await write(changes);
    return written.ok ? ok(planned.value.value) : written;
  });
}

// ---------------------------------------------------------------- the worker's copy of storage.local

// Only the worker writes storage.local (UIs send it messages). So once the worker has read everything, storage
// changes only by its own writes, which it applies to a copy in memory: a transaction then reads no storage
// at all, and a value validated once stays validated (keptFrom's `validated`, by identity) while the worker
// runs, instead of every message copying and validating all 500 promotions again. Anything else that changes
// storage (another instance of the worker, devtools, a profile restored, a content script in Firefox, where
// storage.local cannot be closed to it) shows in storage.onChanged as a value the worker did not write: the
// copy is dropped, and the next read reads storage and validates what it finds. A stopped worker loses the
// copy; every wake starts from storage.

/** Every stored item as this worker last read or wrote it; null until a full read, and after a drop. */
let copy: RawItems | null = null;
/** The storage.onChanged listener while this context keeps a copy (the worker's only). */
let mirror: {
  /** The storage area the copy is of: a test's new fake browser is not the worker's storage. */
  local: object;
  onChanged: ReturnType<typeof api>['storage']['onChanged'];
  listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void;
} | null = null;

const mirroring = (): boolean => mirror !== null && mirror.local === api().storage.local;
/** Bumped by every drop: a full read that began before a drop must not become the copy. */
let generation = 0;
/** Per key, the values this worker wrote whose storage.onChanged has not come yet, oldest first. */
const unconfirmed = new Map<string, unknown[]>();
/** A key this worker removed, among `unconfirmed`. */
const REMOVED: unique symbol = Symbol('removed');
/**
 * The browser reports no change for a value written again unchanged, so an unconfirmed value may never be
 * confirmed: a key keeps this many, and a later one that is confirmed clears those before it.
 */
const MAX_UNCONFIRMED = 8;

/**
 * Starts this worker's copy of storage.local afresh (it fills on the next full read). The worker calls it
 * first on every wake; pages never do, and read storage itself.
 */
export function mirrorStorage(): void {
  if (mirror !== null) mirror.onChanged.removeListener(mirror.listener);
  dropCopy();
  unconfirmed.clear();
  const { local, onChanged } = api().storage;
  mirror = {
    local,
    onChanged,
    listener: (changes, area) => {
      if (area !== 'local') return;
      for (const [key, change] of Object.entries(changes))
        if (!confirms(key, change.newValue === undefined ? REMOVED : change.newValue)) return dropCopy();
    },
  };
  onChanged.addListener(mirror.listener);
}

function dropCopy(): void {
  copy = null;
  generation += 1;
}

/** Whether a change storage reports is the worker's own write, or leaves the copy as it is anyway. */
function confirms(key: string, value: unknown): boolean {
  const same = (a: unknown) => (a === REMOVED || value === REMOVED ? a === value : sameStored(a, value));
  const mine = unconfirmed.get(key);
  const at = mine?.findIndex(same) ?? -1;
  if (mine !== undefined && at !== -1) {
    mine.splice(0, at + 1);
    if (mine.length === 0) unconfirmed.delete(key);
    return true;
  }
  return copy === null || same(key in copy ? copy[key] : REMOVED);
}

/**
 * `changes` without what would leave storage as `held` (the worker's copy, which is storage) already has it:
 * a value stored the same, a removal of a key not stored. The browser charges a write for every key given,
 * changed or not (Chromium, measured: about as much for a snapshot's 22 keys unchanged as changed), and one
 * that changes nothing costs no call at all. A key both set and removed is left as planned, since the order of
 * the two decides what is stored.
 */
function leftToWrite(changes: Changes, held: RawItems): Changes {
  const removed = new Set(changes.remove);
  const set = Object.fromEntries(
    Object.entries(changes.set).filter(
      ([key, value]) => removed.has(key) || !Object.hasOwn(held, key) || !sameStored(held[key], value),
    ),
  );
  const remove = changes.remove.filter((key) => Object.hasOwn(held, key) || Object.hasOwn(changes.set, key));
  return { ...changes, set, remove };
}

function expectChanges(changes: Changes): void {
  const expect = (key: string, value: unknown) => {
    const mine = unconfirmed.get(key) ?? [];
    mine.push(value);
    if (mine.length > MAX_UNCONFIRMED) mine.shift();
    unconfirmed.set(key, mine);
  };
  for (const [key, value] of Object.entries(changes.set)) expect(key, value);
  for (const key of changes.remove) expect(key, REMOVED);
}

/**
 * Values as storage.local gives them back (its JSON: no undefined members, no NaN): the copy must hold what a
 * read would, or a value could validate in memory and fail once read, or the other way round.
 */
function asStored(items: RawItems): RawItems {
  return JSON.parse(JSON.stringify(items)) as RawItems;
}
