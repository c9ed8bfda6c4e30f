// A kept promotion deleted from the popup or the options page.
import { fail, ok } from '../../core/messages.ts';
import { promoKey } from '../../core/store/layout.ts';
import { findRecord } from './find.ts';
import { changes, handler } from './types.ts';

export const promotionDelete = handler<'promotion-delete'>()({
  reads: ['promotions'],
  plan(state, { promotion }) {
    if (findRecord(state.promotions, promotion) === undefined)
      return fail('not-found', 'That promotion is no longer kept.');
    return ok({
      changes: changes({}, [promoKey(promotion.accountId, promotion.id)]),
      value: null,
      effects: [{ kind: 'remind' }],
    });
  },
});
