// A message handler: the keys it reads and a pure plan from what it read to the changes it writes and
// its answer. The worker (../worker.ts) runs the plan in one store transaction and applies the effects
// it returns; nothing here touches the browser, so each handler is tested on plain values.
import type { Translate } from '../../core/i18n.ts';
import { clipSnapshot } from '../../core/limits.ts';
import { finishSnapshot } from '../../core/page/row-values.ts';
import type { PageSnapshot, SeenPage } from '../../core/schemas.ts';
import type { Answers, MessageOf, MessageType, Result } from '../../core/messages.ts';
import type { Changes, Kept, Readable } from '../../platform/store.ts';
import type { SenderContext } from '../../platform/messaging.ts';

/** What a plan knows besides storage: the instant, the zone days are counted in, the sender, ids. */
export interface Context {
  /** Milliseconds since the epoch, and the same instant as stored (ISO). */
  now: number;
  at: string;
  /** The advertiser's zone (core/dates.ts zoneOf) and the day it is there. */
  zone: string;
  today: string;
  from: SenderContext;
  /** A fresh id, unique across wakes. */
  newId(): string;
  t: Translate;
  /** Promotions already made on this page visit from success messages its list did not back. */
  unbackedOnVisit: number;
  /** The page visit a content script's message comes from (tab and address). */
  visit: string;
}

/** Work the worker does for a plan after its write: the plan only says what. */
export type Effect =
  { kind: 'open-review'; tabId: number } | { kind: 'count-unbacked'; visit: string } | { kind: 'remind' };

export interface Plan<T> {
  changes: Changes;
  value: T;
  effects?: Effect[];
}

export interface Handler<T extends MessageType, R extends Readable = Readable> {
  /** Everything the plan reads: the transaction reads these keys and no others. */
  reads: readonly R[];
  plan(state: Pick<Kept, R>, message: MessageOf<T>, ctx: Context): Result<Plan<Answers[T]>>;
}

/** One handler per message type: a missing one is a compile error (and the table test's failure). */
export type HandlerTable = { [T in MessageType]: Handler<T, Readable> };

/** Declares a handler for T, inferring what it reads from `reads`. */
export const handler =
  <T extends MessageType>() =>
  <R extends Readable>(h: Handler<T, R>): Handler<T, R> =>
    h;

export const changes = (set: Record<string, unknown> = {}, remove: string[] = []): Changes => ({
  set,
  remove,
});

/**
 * A page as a content script saw it, its rows' values read (core/page/row-values.ts) and the whole kept
 * within the stored bounds: the rows' notes may add warnings.
 */
export const finished = (seen: SeenPage): PageSnapshot => clipSnapshot(finishSnapshot(seen));
