// The service worker: routing, sender checks and lifecycle. What each message does is its handler's
// (./handlers/, one file per message type): a pure plan over the keys it declares, run here in one store
// transaction (platform/store.ts), with the effects it returns (open a tab, remind) applied after.
//
//   startWorker(options?)   registers every listener synchronously (MV3 wakes the worker for an event and
//                           only delivers it to listeners registered in the first turn), then reconciles:
//                           migrations, quarantine of invalid values, the summary, due reminders, the alarm,
//                           the badge.
//                           Nothing lives only in memory: each wake starts from storage.
//
// Every storage write is serialized by the store (platform/store.ts): one read-plan-write step at a time.
import { dateInZone, zoneOf } from '../core/dates.ts';
import type { Answers, MessageOf, MessageType, PromotionRef, Result } from '../core/messages.ts';
import { dueReminders, needingAction, reminderDigest, type Notice } from '../core/reminders.ts';
import {
  accountOfKey,
  KEY,
  MAX_REFUSAL_ERROR,
  quarantineKey,
  ReminderState,
  setAside,
} from '../core/store/layout.ts';
import { planMigrations } from '../core/store/migrations/index.ts';
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
import {
  keptFrom,
  mirrorStorage,
  readFor,
  readRaw,
  restrictToTrustedContexts,
  serialized,
  transaction,
  writeChanges,
  type Changes,
  type Readable,
} from '../platform/store.ts';
import { HANDLERS, type Context, type Effect, type Handler } from './handlers/index.ts';
import { deriveState, mergeChanges, summaryChanges, summaryFollowUp, type Derived } from './summary.ts';

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
  // This wake's copy of storage, filled by the repair's full read (platform/store.ts).
  mirrorStorage();
  const now = options.now ?? (() => Date.now());
  const systemZone = options.systemTimeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const t = translator();
  const changes = (set: Record<string, unknown>, remove: string[] = []): Changes => ({ set, remove });
  // Storage and progress as the last change left them: the reminders and the badge that follow it use them
  // instead of reading and working them out again. Cleared by anything else that writes.
  let lastDerived: Derived | null = null;

  // ------------------------------------------------------------ reconcile: run on every wake

  /**
   * Brings storage to the current layout, sets invalid values aside, each with its raw value, and brings the
   * summary up to date: a worker stopped mid-write, another build or the day changing may have left it behind.
   */
  const repair = () =>
    serialized(async () => {
      lastDerived = null;
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
        summaryChanges(kept, raw[KEY.summary], now(), zoneOf(kept.settings, systemZone())),
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
    return serialized(async () => {
      remindQueued = false;
      // The change's answer goes out first: a page waits for it, nobody waits for the badge. (Queued after
      // the change's step, this would otherwise run before the answer is sent.)
      await new Promise((resolve) => setTimeout(resolve, 0));
      const derived =
        lastDerived ??
        deriveState(keptFrom(await readFor(['promotions', 'reminders', 'settings'])), now(), systemZone());
      lastDerived = null;
      const { kept, zone, at, progressOf } = derived;
      const reminders = dueReminders(kept.promotions, kept.settings, kept.reminders, at, zone, progressOf);
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
      await setBadgeCount(needingAction(kept.promotions, kept.settings, at, zone, progressOf));
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

  // Promotions minted per page visit (tab and address) from success messages the page's list does not
  // back. In memory: a worker restart forgets it, which costs at most another MAX_UNBACKED_PER_VISIT.
  const unbacked = new Map<string, number>();

  /** Runs a message's handler in one transaction, then applies what its plan asked for. */
  const handle = async <T extends MessageType>(
    message: MessageOf<T>,
    from: SenderContext,
  ): Promise<Result<Answers[T]>> => {
    const h = HANDLERS[message.type] as unknown as Handler<T, Readable>;
    const at = now();
    const visit = `${from.tabId}|${(message as { snapshot?: { url: string | null } | null }).snapshot?.url ?? ''}`;
    let effects: readonly Effect[] = [];
    const result = await transaction(
      [...new Set<Readable>([...h.reads, 'settings'])],
      (state) => {
        const zone = zoneOf(state.settings, systemZone());
        const ctx: Context = {
          now: at,
          at: new Date(at).toISOString(),
          zone,
          today: dateInZone(at, zone),
          from,
          newId: () => crypto.randomUUID(),
          t,
          unbackedOnVisit: unbacked.get(visit) ?? 0,
          visit,
        };
        const planned = h.plan(state, message, ctx);
        if (!planned.ok) return planned;
        effects = planned.value.effects ?? [];
        // Counted inside the step: the next message of the same visit must see it.
        for (const e of effects)
          if (e.kind === 'count-unbacked') unbacked.set(e.visit, (unbacked.get(e.visit) ?? 0) + 1);
        return planned;
      },
      summaryFollowUp(at, systemZone(), (derived) => (lastDerived = derived)),
    );
    // What the follow-up derived is storage as written, for the reminders this change queues, only.
    if (!result.ok || !effects.some((e) => e.kind === 'remind')) lastDerived = null;
    if (!result.ok) return result;
    for (const effect of effects) {
      if (effect.kind === 'open-review') await openReview(effect.tabId);
      // Kept data changed: reminders and the badge follow (queued after the write).
      else if (effect.kind === 'remind') void remind();
    }
    return result;
  };

  const handlers = Object.fromEntries(
    Object.keys(HANDLERS).map((type) => [type, handle]),
  ) as unknown as Handlers;

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
    else if (account !== undefined)
      void handle({ type: 'reminder-snooze', promotion: refOfReminder(id) }, { kind: 'page', tabId: null });
  });
  // Every wake (an event, a restart, an update) starts from storage: reconcile now.
  const woke = reconcile();

  return {
    /** Resolves when everything queued so far has run (tests wait on it). */
    idle: () => woke.then(() => serialized(async () => undefined)),
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
