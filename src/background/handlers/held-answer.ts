// The advertiser's answer to a page's change held for confirmation: apply it to the kept promotion (if it
// is still kept), or keep what was kept. Either way the held change goes.
import { fail, ok } from '../../core/messages.ts';
import { heldKey, promoKey } from '../../core/store/layout.ts';
import { changes, handler } from './types.ts';

export const heldAnswer = handler<'held-answer'>()({
  reads: ['promotions', 'held'],
  plan(state, { promotion, apply }) {
    const key = promoKey(promotion.accountId, promotion.id);
    const held = state.held.find((h) => h.key === key);
    if (held === undefined) return fail('not-found', 'That change is no longer waiting.');
    const stillKept = state.promotions.some(
      (r) => r.accountId === promotion.accountId && r.id === promotion.id,
    );
    const set = apply && stillKept ? { [key]: held.record } : {};
    return ok({ changes: changes(set, [heldKey(key)]), value: null, effects: [{ kind: 'remind' }] });
  },
});
