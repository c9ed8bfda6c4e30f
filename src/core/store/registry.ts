// Every key the extension keeps in storage.local, declared once with its rules. What each rule decides is
// derived from here and nowhere else:
//
//   schema, default   validation on read (platform/store.ts keptFrom): a value that fails its schema reads
//                     as the default; if `restorable`, it is also set aside in quarantine by the worker
//   owner             whose the value is: the advertiser's data, their settings, derived from other keys,
//                     the on-page panel's state, or the extension's own bookkeeping
//   cleared           "Clear all data" removes it (settings are then written back at their default)
//   backedUp          the JSON backup carries it (core/export.ts builds the file from these)
//   restorable        a quarantined value of it can be put back (the options page's Restore)
//   feedsSummary      the summary is rebuilt, in the same write, when it changes
//
// A key family (promotions, held changes, quarantined items) is one entry for every key with its prefix.
// A key that is declared nowhere is never written by the extension: the fake browser fails any test that
// writes one. The demo build's clock offset (keys.ts DEMO_CLOCK_KEY) is not declared: npm start's harness
// writes it, the extension only reads it, and the shipped builds must not even name it.
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, PromotionRecord, RedeemAttempt, Settings } from '../schemas.ts';
import { HELD_PREFIX, PROMO_PREFIX, QUARANTINE_PREFIX } from './keys.ts';
import {
  Balances,
  EMPTY_REMINDER_STATE,
  HeldChange,
  KEY,
  LatestSnapshot,
  QuarantinedItem,
  ReminderState,
  Summary,
} from './layout.ts';

export type Owner = 'advertiser' | 'settings' | 'derived' | 'overlay' | 'extension';

export interface KeyRule<T = unknown> {
  /** The key, or for a family the prefix every key of it starts with. */
  key: string;
  family: boolean;
  /** A list kept under one key (attempts) is validated element by element: one bad element is set aside alone. */
  schema: z.ZodMiniType<T>;
  /** What a missing or invalid value reads as. Families read as the keys that are valid. */
  fallback: T;
  owner: Owner;
  cleared: boolean;
  backedUp: boolean;
  restorable: boolean;
  feedsSummary: boolean;
}

const rule = <T>(r: KeyRule<T>): KeyRule<T> => r;

/** The on-page panel folded per ad account ("-" for an unknown account); only `true` is stored. */
export const PanelFolded = z.record(z.string(), z.literal(true));
export type PanelFolded = z.infer<typeof PanelFolded>;

export const REGISTRY = {
  version: rule({
    key: KEY.version,
    family: false,
    schema: z.int(),
    fallback: 0,
    owner: 'extension',
    cleared: false,
    backedUp: false,
    restorable: false,
    feedsSummary: false,
  }),
  promotions: rule<PromotionRecord | null>({
    key: PROMO_PREFIX,
    family: true,
    schema: PromotionRecord,
    fallback: null,
    owner: 'advertiser',
    cleared: true,
    backedUp: true,
    restorable: true,
    feedsSummary: true,
  }),
  attempts: rule<RedeemAttempt[]>({
    key: KEY.attempts,
    family: false,
    schema: z.array(RedeemAttempt),
    fallback: [],
    owner: 'advertiser',
    cleared: true,
    backedUp: true,
    restorable: true,
    feedsSummary: false,
  }),
  balances: rule<Balances>({
    key: KEY.balances,
    family: false,
    schema: Balances,
    fallback: {},
    owner: 'advertiser',
    cleared: true,
    backedUp: false,
    restorable: true,
    feedsSummary: false,
  }),
  settings: rule<Settings>({
    key: KEY.settings,
    family: false,
    schema: Settings,
    fallback: DEFAULT_SETTINGS,
    owner: 'settings',
    cleared: true,
    backedUp: true,
    restorable: true,
    feedsSummary: true,
  }),
  reminders: rule<ReminderState>({
    key: KEY.reminders,
    family: false,
    schema: ReminderState,
    fallback: EMPTY_REMINDER_STATE,
    owner: 'advertiser',
    cleared: true,
    backedUp: false,
    restorable: true,
    feedsSummary: true,
  }),
  lastSnapshot: rule<LatestSnapshot | null>({
    key: KEY.lastSnapshot,
    family: false,
    schema: LatestSnapshot,
    fallback: null,
    owner: 'advertiser',
    cleared: true,
    backedUp: false,
    restorable: true,
    feedsSummary: false,
  }),
  held: rule<HeldChange | null>({
    key: HELD_PREFIX,
    family: true,
    schema: HeldChange,
    fallback: null,
    owner: 'advertiser',
    cleared: true,
    backedUp: false,
    restorable: true,
    feedsSummary: false,
  }),
  quarantine: rule<QuarantinedItem | null>({
    key: QUARANTINE_PREFIX,
    family: true,
    schema: QuarantinedItem,
    fallback: null,
    owner: 'advertiser',
    cleared: true,
    backedUp: false,
    // The last resort: an item that does not parse is still listed, never set aside again.
    restorable: false,
    feedsSummary: false,
  }),
  summary: rule<Summary | null>({
    key: KEY.summary,
    family: false,
    schema: Summary,
    fallback: null,
    owner: 'derived',
    cleared: true,
    backedUp: false,
    // Rebuilt from the promotions on every wake: an invalid one is replaced, never set aside.
    restorable: false,
    feedsSummary: false,
  }),
  panelFolded: rule<PanelFolded>({
    key: KEY.overlayCollapsed,
    family: false,
    schema: PanelFolded,
    fallback: {},
    owner: 'overlay',
    cleared: true,
    backedUp: false,
    restorable: false,
    feedsSummary: false,
  }),
} as const;

export type KeyName = keyof typeof REGISTRY;
export const KEY_NAMES = Object.keys(REGISTRY) as KeyName[];

const matches = (r: KeyRule<unknown>, key: string) => (r.family ? key.startsWith(r.key) : key === r.key);

/** The entry a stored key belongs to, or undefined for a key the extension does not keep. */
export function ruleOf(key: string): KeyName | undefined {
  return KEY_NAMES.find((name) => matches(REGISTRY[name], key));
}

/** Whether the extension may write `key` (the fake browser refuses every other). */
export const isDeclared = (key: string): boolean => ruleOf(key) !== undefined;

const flagged = (flag: 'cleared' | 'backedUp' | 'restorable' | 'feedsSummary') =>
  KEY_NAMES.filter((name) => REGISTRY[name][flag]);

/** What "Clear all data" removes among `keys`: every cleared key, and any key the extension does not keep. */
export function clearedKeys(keys: readonly string[]): string[] {
  return keys.filter((key) => {
    const name = ruleOf(key);
    return name === undefined || REGISTRY[name].cleared;
  });
}

/** Whether a change to `key` changes what the summary shows. */
export function feedsSummary(key: string): boolean {
  const name = ruleOf(key);
  return name !== undefined && REGISTRY[name].feedsSummary;
}

/** The entries the summary is made of: read with any change to one of them. */
export const SUMMARY_INPUTS: readonly KeyName[] = flagged('feedsSummary');
/** The entries a backup carries. */
export const BACKED_UP: readonly KeyName[] = flagged('backedUp');
/** The entries a quarantined value may be restored to. */
export const RESTORABLE: readonly KeyName[] = flagged('restorable');
