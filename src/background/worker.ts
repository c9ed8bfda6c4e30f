// The service worker: message router, promotion store writes, reminders and the badge.
//
//   startWorker(options?)   registers every listener synchronously (MV3 wakes the worker for an event and
//                           only delivers it to listeners registered in the first turn), then reconciles:
//                           migrations, quarantine of invalid values, the summary, due reminders, the alarm,
//                           the badge.
//                           Nothing lives only in memory: each wake starts from storage.
//
// Every storage write goes through one queue (./queue.ts) as read-modify-write of the keys it changes.
import { dateInZone } from '../core/dates.ts';
import { diagnose } from '../core/diagnosis/index.ts';
import { fail, ok, type Answers, type PromotionRef, type Result } from '../core/messages.ts';
import { glossaryFile } from '../core/page/glossary.ts';
import { dueReminders, needingAction, reminderDigest, SNOOZE_MS, type Notice } from '../core/reminders.ts';
import {
  DEFAULT_SETTINGS,
  PromotionRecord,
  RedeemAttempt,
  Settings,
  type PageSnapshot,
} from '../core/schemas.ts';
import {
  accountOfKey,
  Balances,
  heldKey,
  HeldChange,
  KEY,
  LatestSnapshot,
  MAX_ATTEMPTS,
  MAX_REFUSAL_ERROR,
  promoKey,
  quarantineKey,
  ReminderState,
  setAside,
  type QuarantinedItem,
} from '../core/store/layout.ts';
import { guardChanges, MAX_UNBACKED_PER_VISIT, successBacked } from '../core/store/guard.ts';
import {
  applyDraft,
  applyTerms,
  mergeSnapshot,
  recordForTerms,
  recordRedeemSuccess,
  supersededBy,
} from '../core/store/merge.ts';
import { planMigrations } from '../core/store/migrations/index.ts';
import { parseTerms } from '../core/terms/index.ts';
import { onMessage, type Handlers, type SenderContext } from '../platform/messaging.ts';
import { openReview } from '../platform/review.ts';
import {
  armAlarm,
  onAlarm,
  onLifecycle,
  onNotificationButton,
  onNotificationClicked,
  openTab,
  setBadgeCount,
  showNotification,
  translator,
} from '../platform/services.ts';
import { billingUrl } from '../core/links.ts';
import { clipReasons } from '../core/limits.ts';
import { foldedMap, panelFolded } from '../core/store/panel.ts';
import {
  issuesText,
  keptFrom,
  readRaw,
  restrictToTrustedContexts,
  writeChanges,
  type Changes,
  type Kept,
} from '../platform/store.ts';
import { createQueue } from './queue.ts';
import { mergeChanges, summaryChanges, withSummary } from './summary.ts';
import type * as z from 'zod/mini';

export const REMINDER_ALARM = 'reminders';
/** A refused notification is tried again this long after, unless the alarm is due sooner anyway. */
export const REFUSAL_RETRY_MS = 60 * 60 * 1000;

export interface WorkerOptions {
  /** The clock; tests drive it with the fake browser's. */
  now?: () => number;
  /** The system's zone when settings name none. */
  systemTimeZone?: () => string;
}

export function startWorker(options: WorkerOptions = {}): { idle(): Promise<void>; reconcile(): void } {
  const now = options.now ?? (() => Date.now());
  const systemZone = options.systemTimeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const zoneOf = (settings: Settings) => settings.timeZone ?? systemZone();
  const queue = createQueue();
  const t = translator();

  /**
   * A read-modify-write step: reads everything it may need, returns the keys to change and an answer. The
   * summary is written with them.
   */
  const transact = <T>(step: (kept: Kept, at: number) => Result<{ changes: Changes; value: T }>) =>
    queue.run(async (): Promise<Result<T>> => {
      const at = now();
      const raw = await readRaw();
      const planned = step(keptFrom(raw), at);
      if (!planned.ok) return planned;
      const written = await writeChanges(withSummary(raw, planned.value.changes, at, zoneOf));
      return written.ok ? ok(planned.value.value) : written;
    });
  const changes = (set: Record<string, unknown>, remove: string[] = []): Changes => ({ set, remove });

  // ------------------------------------------------------------ reconcile: run on every wake

  /**
   * Brings storage to the current layout, sets invalid values aside, each with its raw value, and brings the
   * summary up to date: a worker stopped mid-write, another build or the day changing may have left it behind.
   */
  const repair = () =>
    queue.run(async () => {
      const at = new Date(now()).toISOString();
      const plan = planMigrations(await readRaw(), at);
      if (plan.to !== plan.from) await writeChanges(plan);
      const raw = await readRaw();
      const kept = keptFrom(raw);
      const set: Record<string, unknown> = {};
      const remove: string[] = [];
      // Values too large to copy whole, set aside as an excerpt: their originals may go first.
      const excerpted: string[] = [];
      kept.invalid.forEach((entry, index) => {
        // Unique across wakes: two repairs in the same millisecond (or after the clock went back) must
        // not overwrite each other's quarantined values.
        const item = setAside(entry, `${now()}-${index}-${crypto.randomUUID()}`, at);
        if (item.size !== undefined && !entry.key.startsWith(`${KEY.attempts}[`)) excerpted.push(entry.key);
        set[quarantineKey(item.id)] = item;
        // A bad attempt lives inside the attempts list: the list is rewritten with the valid ones.
        if (entry.key.startsWith(`${KEY.attempts}[`)) set[KEY.attempts] = kept.attempts;
        else remove.push(entry.key);
      });
      // Invalid values are left out of kept.promotions already: the summary is of storage after this write.
      const all = mergeChanges(
        { set, remove },
        summaryChanges(kept, raw[KEY.summary], now(), zoneOf(kept.settings)),
      );
      if (Object.keys(all.set).length > 0 || all.remove.length > 0) {
        const written = await writeChanges(all);
        // Storage too full for even the excerpts: a huge bad value is what fills it, and its excerpt and
        // size are all that would be kept of it anyway, so it goes first and the rest follows.
        if (!written.ok && written.error.code === 'quota-exceeded' && excerpted.length > 0) {
          await writeChanges(changes({}, excerpted));
          await writeChanges(all);
        }
      }
    });

  /**
   * Shows due reminders, records those the browser accepted (each fires once), re-arms the alarm, sets the
   * badge. A refused notification is not recorded as fired: it is tried again within REFUSAL_RETRY_MS, and
   * the refusal is kept for the options page.
   */
  // Reminders after a burst of writes (many tabs reporting) are worked out once, after the last of them:
  // a remind already queued has not read storage yet, so it will see every write queued before it.
  let remindQueued = false;
  // Reminders shown while storage could not record them (it was full): not shown again by this worker.
  // A full storage must never keep a deadline from being shown; a restarted worker may show one again.
  const shownUnrecorded = new Set<string>();
  const remind = () => {
    if (remindQueued) return Promise.resolve();
    remindQueued = true;
    return queue.run(async () => {
      remindQueued = false;
      const kept = keptFrom(await readRaw());
      const zone = zoneOf(kept.settings);
      const at = now();
      const reminders = dueReminders(kept.promotions, kept.settings, kept.reminders, at, zone);
      const due = reminders.due.filter((r) => !shownUnrecorded.has(r.id));
      let retryAt: number | null = null;
      const notice = reminderDigest(due, t);
      if (notice !== null) {
        // Shown before recorded: a worker stopped in between shows a reminder twice, never loses one.
        const outcome = await notify(notice);
        const shownAt = new Date(at).toISOString();
        const fired = { ...kept.reminders.fired };
        let refused = kept.reminders.refused;
        if (outcome.shown) for (const r of due) fired[r.id] = shownAt;
        else
          refused = {
            count: (refused?.count ?? 0) + 1,
            lastError: outcome.error.slice(0, MAX_REFUSAL_ERROR),
            at: shownAt,
          };
        if (refused !== kept.reminders.refused) retryAt = at + REFUSAL_RETRY_MS;
        const state: ReminderState = { ...kept.reminders, fired, ...(refused ? { refused } : {}) };
        const written = await writeChanges(changes({ [KEY.reminders]: state }));
        if (outcome.shown && !written.ok) for (const r of due) shownUnrecorded.add(r.id);
      }
      await armAlarm(REMINDER_ALARM, earliest(reminders.nextAt, retryAt));
      await setBadgeCount(needingAction(kept.promotions, kept.settings, at, zone));
    });
  };

  // Snoozing acts on one promotion: a digest of several offers only to open billing.
  const notify = (notice: Notice) =>
    showNotification(notice.id, {
      title: notice.title,
      body: notice.body,
      buttons: notice.single ? [t('notif_openBilling'), t('notif_snooze')] : [t('notif_openBilling')],
    });

  const reconcile = () => repair().then(remind);

  // ------------------------------------------------------------ messages

  const snooze = (ref: PromotionRef) =>
    transact<Answers['reminder-snooze']>((kept, at) => {
      const until = new Date(at + SNOOZE_MS).toISOString();
      const snoozed = { ...kept.reminders.snoozed, [promoKey(ref.accountId, ref.id)]: until };
      return ok({ changes: changes({ [KEY.reminders]: { ...kept.reminders, snoozed } }), value: { until } });
    });

  // Promotions minted per page visit (tab and address) from success messages the page's list does not
  // back. In memory: a worker restart forgets it, which costs at most another MAX_UNBACKED_PER_VISIT.
  const unbacked = new Map<string, number>();
  const mayCreate = (
    kept: Kept,
    message: { accountId: string | null; code: string; snapshot?: PageSnapshot | null },
    today: string,
    from: SenderContext,
  ): boolean => {
    const rows = message.snapshot?.promotions.filter((p) => p.redeemedOn === today).length ?? 0;
    if (from.kind === 'page' || successBacked(kept.promotions, message.accountId, message.code, rows))
      return true;
    const visit = `${from.tabId}|${message.snapshot?.url ?? ''}`;
    const count = unbacked.get(visit) ?? 0;
    if (count >= MAX_UNBACKED_PER_VISIT) return false;
    unbacked.set(visit, count + 1);
    return true;
  };

  /** The account's promotions as a snapshot's merge leaves them: the page's answer carries them. */
  const keptAfter = (
    before: PromotionRecord[],
    accountId: string | null,
    applied: PromotionRecord[],
    removed: PromotionRecord[],
  ): PromotionRecord[] => {
    const mine = (r: PromotionRecord) => r.accountId === accountId;
    const byId = new Map(before.filter(mine).map((r) => [r.id, r]));
    for (const r of removed.filter(mine)) byId.delete(r.id);
    for (const r of applied.filter(mine)) byId.set(r.id, r);
    return [...byId.values()];
  };

  const findRecord = (kept: Kept, ref: PromotionRef) =>
    kept.promotions.find((r) => r.accountId === ref.accountId && r.id === ref.id);

  const handlers: Handlers = {
    // The content script ships the wordings now; an older one, left in a page by an update, may still ask.
    glossary: async () => ok(glossaryFile()),

    // "Read wrong?" on a page's panel: the review page asks that tab for its page itself.
    'report-open': async (_message, from) => {
      if (from.tabId === null) return fail('invalid-message', 'report-open: no tab to report');
      await openReview(from.tabId);
      return ok(null);
    },

    snapshot: ({ snapshot }, from) =>
      transact((kept, atMs) => {
        const at = new Date(atMs).toISOString();
        const today = dateInZone(atMs, zoneOf(kept.settings));
        const { changed: merged, removed } = mergeSnapshot(kept.promotions, snapshot, at, today);
        const guarded = guardChanges(kept.promotions, merged, snapshot.accountId, today);
        const set: Record<string, unknown> = Object.fromEntries(
          guarded.apply.map((r) => [promoKey(r.accountId, r.id), r]),
        );
        for (const { record, reasons } of guarded.held) {
          const key = promoKey(record.accountId, record.id);
          set[heldKey(key)] = { key, record, reasons, url: snapshot.url, at } satisfies HeldChange;
        }
        set[KEY.lastSnapshot] = { tabId: from.tabId, at, snapshot } satisfies LatestSnapshot;
        if (snapshot.accountId !== null && snapshot.balance !== null) {
          const balances: Balances = {
            ...kept.balances,
            [snapshot.accountId]: { balance: snapshot.balance, currency: snapshot.currency, at },
          };
          set[KEY.balances] = balances;
        }
        return ok({
          changes: changes(
            set,
            removed.map((r) => promoKey(r.accountId, r.id)),
          ),
          value: {
            changed: guarded.apply.map((r) => ({ accountId: r.accountId, id: r.id })),
            held: guarded.held.length,
            refused: guarded.refused,
            kept: keptAfter(kept.promotions, snapshot.accountId, guarded.apply, removed),
            timeZone: zoneOf(kept.settings),
          },
        });
      }).then(afterChange),

    'redeem-attempt': (message, from) =>
      transact((kept, atMs) => {
        const at = new Date(atMs).toISOString();
        const reasons = message.succeeded
          ? []
          : clipReasons(
              diagnose(
                {
                  code: message.code,
                  error: message.error,
                  lang: message.lang,
                  snapshot: message.snapshot ?? null,
                  now: at,
                },
                t,
                { redeemedCodes: kept.attempts.filter((a) => a.succeeded).map((a) => a.code) },
              ).reasons,
            );
        const attempt: RedeemAttempt = {
          id: `${atMs}-${crypto.randomUUID()}`,
          accountId: message.accountId,
          code: message.code,
          error: message.error,
          succeeded: message.succeeded,
          lang: message.lang,
          at,
          reasons,
        };
        const set: Record<string, unknown> = {
          [KEY.attempts]: [...kept.attempts, attempt].slice(-MAX_ATTEMPTS),
        };
        let promotion: PromotionRecord | null = null;
        const today = dateInZone(atMs, zoneOf(kept.settings));
        if (message.succeeded && mayCreate(kept, message, today, from)) {
          promotion = recordRedeemSuccess(
            kept.promotions,
            { accountId: message.accountId, code: message.code, snapshot: message.snapshot ?? null },
            at,
            today,
          );
          set[promoKey(promotion.accountId, promotion.id)] = promotion;
        }
        return ok({ changes: changes(set), value: { attempt, promotion } });
      }).then(afterChange),

    'terms-text': (message) =>
      transact<Answers['terms-text']>((kept, atMs) => {
        const record = recordForTerms(kept.promotions, message.accountId, message.code);
        if (record === null) return ok({ changes: changes({}), value: { promotion: null } });
        const parsed = parseTerms(message.text, {
          lang: message.lang,
          received: record.receivedOn ?? record.activatedOn,
        });
        const promotion = applyTerms(record, parsed, new Date(atMs).toISOString());
        return ok({
          changes: changes({ [promoKey(promotion.accountId, promotion.id)]: promotion }),
          value: { promotion },
        });
      }).then(afterChange),

    'promotion-save': ({ existing, draft }) =>
      transact((kept, atMs) => {
        const before = existing === null ? null : findRecord(kept, existing);
        if (before === undefined) return fail('not-found', 'That promotion is no longer kept.');
        let promotion = applyDraft(before, draft, new Date(atMs).toISOString());
        // A new entry whose id is already kept (same code) edits that record instead of replacing it.
        const same = before === null ? findRecord(kept, promotion) : undefined;
        if (same !== undefined) promotion = applyDraft(same, draft, new Date(atMs).toISOString());
        const key = promoKey(promotion.accountId, promotion.id);
        const oldKey = before === null ? null : promoKey(before.accountId, before.id);
        const gone = supersededBy(kept.promotions, promotion).map((r) => promoKey(r.accountId, r.id));
        if (oldKey !== null && oldKey !== key) gone.push(oldKey);
        return ok({
          changes: changes({ [key]: promotion }, gone),
          value: { promotion },
        });
      }).then(afterChange),

    'promotion-delete': ({ promotion }) =>
      transact((kept) =>
        findRecord(kept, promotion) === undefined
          ? fail('not-found', 'That promotion is no longer kept.')
          : ok({ changes: changes({}, [promoKey(promotion.accountId, promotion.id)]), value: null }),
      ).then(afterChange),

    'reminder-snooze': ({ promotion }) => snooze(promotion).then(afterChange),

    'quarantine-restore': (message) =>
      transact((kept) => {
        const item = kept.quarantine.find((q) => q.id === message.id);
        if (item === undefined) return fail('not-found', 'That item is no longer set aside.');
        const value = message.value === undefined ? item.raw : message.value;
        const restored = restoreTarget(item, value, kept);
        if (!restored.ok) return restored;
        return ok({ changes: changes(restored.value, [quarantineKey(item.id)]), value: null });
      }).then(afterChange),

    'quarantine-delete': ({ id }) =>
      transact((kept) =>
        kept.quarantine.some((q) => q.id === id)
          ? ok({ changes: changes({}, [quarantineKey(id)]), value: null })
          : fail('not-found', 'That item is no longer set aside.'),
      ),

    'data-import': ({ backup }) =>
      transact((kept) => {
        const set: Record<string, unknown> = Object.fromEntries(
          backup.promotions.map((r) => [promoKey(r.accountId, r.id), r]),
        );
        const known = new Set(kept.attempts.map((a) => a.id));
        const added = backup.attempts.filter((a) => !known.has(a.id));
        set[KEY.attempts] = [...kept.attempts, ...added]
          .sort((a, b) => a.at.localeCompare(b.at))
          .slice(-MAX_ATTEMPTS);
        set[KEY.settings] = backup.settings;
        return ok({
          changes: changes(set),
          value: { promotions: backup.promotions.length, attempts: added.length },
        });
      }).then(afterChange),

    'data-clear': () =>
      queue
        .run(async () => {
          // The wordings are the extension's, not the advertiser's data. Everything else goes first, then
          // the defaults are written: in a full storage the write needs the room the removal makes.
          const keys = Object.keys(await readRaw()).filter((k) => k !== KEY.version && k !== KEY.glossary);
          const removed = await writeChanges(changes({}, keys));
          return removed.ok ? writeChanges(changes({ [KEY.settings]: DEFAULT_SETTINGS })) : removed;
        })
        .then(afterChange),

    'held-answer': ({ promotion, apply }) =>
      transact((kept) => {
        const key = promoKey(promotion.accountId, promotion.id);
        const held = kept.held.find((h) => h.key === key);
        if (held === undefined) return fail('not-found', 'That change is no longer waiting.');
        const set = apply && findRecord(kept, promotion) !== undefined ? { [key]: held.record } : {};
        return ok({ changes: changes(set, [heldKey(key)]), value: null });
      }).then(afterChange),

    'kept-for': ({ accountId }) =>
      readRaw().then((raw) => ok(keptFrom(raw).promotions.filter((r) => r.accountId === accountId))),

    'panel-collapsed': ({ accountId, collapsed }) =>
      collapsed === undefined
        ? readRaw([KEY.overlayCollapsed]).then((raw) => ok(panelFolded(raw, accountId)))
        : queue.run(async () => {
            const raw = await readRaw([KEY.overlayCollapsed]);
            const map = { ...foldedMap(raw) };
            if (collapsed) map[accountId ?? '-'] = true;
            else delete map[accountId ?? '-'];
            const written = await writeChanges(changes({ [KEY.overlayCollapsed]: map }));
            return written.ok ? ok(collapsed) : written;
          }),

    'settings-save': ({ settings }) =>
      transact(() => ok({ changes: changes({ [KEY.settings]: settings }), value: null })).then(afterChange),
  };

  /** Kept data changed: reminders and the badge follow (queued after the write). */
  function afterChange<T>(result: Result<T>): Result<T> {
    if (result.ok) void remind();
    return result;
  }

  // ------------------------------------------------------------ listeners, registered synchronously

  onMessage(handlers);
  // Only the extension's own pages and this worker may use storage.local: a content script's context,
  // which shares a process with a hostile page, goes through the messages above and their checks.
  void restrictToTrustedContexts();
  onLifecycle({ installed: () => void reconcile(), startup: () => void reconcile() });
  onAlarm(REMINDER_ALARM, () => void remind());
  onNotificationClicked((id) => void openTab(billingUrl(accountOfKey(id) ?? null)));
  onNotificationButton((id, index) => {
    const account = accountOfKey(id);
    if (index === 0) void openTab(billingUrl(account ?? null));
    else if (account !== undefined) void snooze(refOfReminder(id)).then(afterChange);
  });
  // Every wake (an event, a restart, an update) starts from storage: reconcile now.
  const woke = reconcile();

  return {
    /** Resolves when everything queued so far has run (tests wait on it). */
    idle: () => woke.then(() => queue.run(async () => undefined)),
    /** Reminders and the badge again, as on a wake: for a clock that moved (the demo build's). */
    reconcile: () => void reconcile(),
  };
}

function earliest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

/** A reminder id starts with its promotion's key: "promo:<account>:<id>|kind|…". */
function refOfReminder(reminderId: string): PromotionRef {
  const key = reminderId.split('|')[0] ?? '';
  const [, , id = ''] = key.split(':');
  return { accountId: accountOfKey(key) ?? null, id: decodeURIComponent(id) };
}

/** Where a restored value goes: a promotion to its key, an attempt into the list, a setting to its key. */
function restoreTarget(item: QuarantinedItem, value: unknown, kept: Kept): Result<Record<string, unknown>> {
  if (item.size !== undefined && value === item.raw)
    return fail('invalid-value', `Only the first part of this ${item.size}-character value was kept.`);
  const record = PromotionRecord.safeParse(value);
  if (record.success) return ok({ [promoKey(record.data.accountId, record.data.id)]: record.data });
  const attempt = RedeemAttempt.safeParse(value);
  if (attempt.success) {
    return ok({
      [KEY.attempts]: [...kept.attempts.filter((a) => a.id !== attempt.data.id), attempt.data].slice(
        -MAX_ATTEMPTS,
      ),
    });
  }
  const schemas: Record<string, z.ZodMiniType> = {
    [KEY.settings]: Settings,
    [KEY.balances]: Balances,
    [KEY.reminders]: ReminderState,
    [KEY.lastSnapshot]: LatestSnapshot,
  };
  const schema = schemas[item.key];
  if (schema !== undefined) {
    const parsed = schema.safeParse(value);
    if (parsed.success) return ok({ [item.key]: parsed.data });
    return fail('invalid-value', issuesText(parsed.error));
  }
  return fail('invalid-value', issuesText(record.error));
}
