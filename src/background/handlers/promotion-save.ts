// A promotion added or edited by hand. A new entry whose id is already kept (same code) edits that record;
// an edit that changes the id moves the record, and records it supersedes go.
import { fail, ok } from '../../core/messages.ts';
import { promoKey } from '../../core/store/layout.ts';
import { applyDraft, supersededBy } from '../../core/store/merge.ts';
import { changes, handler } from './types.ts';
import { findRecord } from './find.ts';

export const promotionSave = handler<'promotion-save'>()({
  reads: ['promotions'],
  plan(state, { existing, draft }, ctx) {
    const before = existing === null ? null : findRecord(state.promotions, existing);
    if (before === undefined) return fail('not-found', 'That promotion is no longer kept.');
    let promotion = applyDraft(before, draft, ctx.at);
    const same = before === null ? findRecord(state.promotions, promotion) : undefined;
    if (same !== undefined) promotion = applyDraft(same, draft, ctx.at);
    const key = promoKey(promotion.accountId, promotion.id);
    const oldKey = before === null ? null : promoKey(before.accountId, before.id);
    const gone = supersededBy(state.promotions, promotion).map((r) => promoKey(r.accountId, r.id));
    if (oldKey !== null && oldKey !== key) gone.push(oldKey);
    return ok({
      changes: changes({ [key]: promotion }, gone),
      value: { promotion },
      effects: [{ kind: 'remind' }],
    });
  },
});
