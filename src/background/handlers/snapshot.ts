// A page's state, from a content script: merged into the account's kept promotions (changes that need the
// advertiser's word are held), the balance and the last snapshot kept. The answer carries what the page
// shows of the account's kept promotions as the merge leaves them (status, progress, days left, worked out
// here by the popup's own rule, in the advertiser's zone) and until when that holds, so the page needs no
// second message, no progress rule of its own, and shows the same "days left" as the popup.
import { guardChanges } from '../../core/store/guard.ts';
import {
  heldKey,
  KEY,
  promoKey,
  type Balances,
  type HeldChange,
  type LatestSnapshot,
} from '../../core/store/layout.ts';
import { mergeSnapshot } from '../../core/store/merge.ts';
import { keptOnPage } from '../../core/kept-on-page.ts';
import { ok } from '../../core/messages.ts';
import { readDoubtful } from '../../core/report/doubt.ts';
import { changes, finished, handler } from './types.ts';

export const snapshot = handler<'snapshot'>()({
  reads: ['promotions', 'balances'],
  plan(state, message, ctx) {
    const { at, today } = ctx;
    const snapshot = finished(message.snapshot);
    const { changed: merged, removed } = mergeSnapshot(state.promotions, snapshot, at, today);
    const guarded = guardChanges(state.promotions, merged, snapshot.accountId, today);
    const set: Record<string, unknown> = Object.fromEntries(
      guarded.apply.map((r) => [promoKey(r.accountId, r.id), r]),
    );
    for (const { record, reasons } of guarded.held) {
      const key = promoKey(record.accountId, record.id);
      set[heldKey(key)] = { key, record, reasons, url: snapshot.url, at } satisfies HeldChange;
    }
    set[KEY.lastSnapshot] = { tabId: ctx.from.tabId, at, snapshot } satisfies LatestSnapshot;
    if (snapshot.accountId !== null && snapshot.balance !== null) {
      const balances: Balances = {
        ...state.balances,
        [snapshot.accountId]: { balance: snapshot.balance, currency: snapshot.currency, at },
      };
      set[KEY.balances] = balances;
    }
    const gone = removed.map((r) => promoKey(r.accountId, r.id));
    // The account's promotions as storage holds them after this write, in storage's (key) order.
    const after = new Map(
      state.promotions
        .filter((r) => r.accountId === snapshot.accountId)
        .map((r) => [promoKey(r.accountId, r.id), r]),
    );
    for (const key of gone) after.delete(key);
    for (const r of guarded.apply)
      if (r.accountId === snapshot.accountId) after.set(promoKey(r.accountId, r.id), r);
    const kept = [...after].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
    // At the change's instant and in the advertiser's zone, as the summary that follows this write counts.
    const { promotions, until } = keptOnPage(kept, ctx.now, ctx.zone);
    return ok({
      changes: changes(set, gone),
      value: {
        changed: guarded.apply.map((r) => ({ accountId: r.accountId, id: r.id })),
        held: guarded.held.length,
        refused: guarded.refused,
        kept: promotions,
        until,
        doubtful: readDoubtful(snapshot),
        redeem: snapshot.redeem,
        now: ctx.now,
      },
      effects: [{ kind: 'remind' }],
    });
  },
});
