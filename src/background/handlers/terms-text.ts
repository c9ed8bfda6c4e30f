// Offer text pasted into the page's terms prompt after a successful redeem: parsed into the terms of the
// promotion that code made.
import { ok } from '../../core/messages.ts';
import { promoKey } from '../../core/store/layout.ts';
import { applyTerms, recordForTerms } from '../../core/store/merge.ts';
import { parseTerms } from '../../core/terms/index.ts';
import { changes, handler } from './types.ts';

export const termsText = handler<'terms-text'>()({
  reads: ['promotions'],
  plan(state, message, ctx) {
    const record = recordForTerms(state.promotions, message.accountId, message.code);
    if (record === null) return ok({ changes: changes(), value: { promotion: null } });
    const parsed = parseTerms(message.text, {
      lang: message.lang,
      received: record.receivedOn ?? record.activatedOn,
    });
    const promotion = applyTerms(record, parsed, ctx.at);
    return ok({
      changes: changes({ [promoKey(promotion.accountId, promotion.id)]: promotion }),
      value: { promotion },
      effects: [{ kind: 'remind' }],
    });
  },
});
