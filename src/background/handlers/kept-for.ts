// One ad account's kept promotions, for a content script built before they came with the snapshot's answer.
import { ok } from '../../core/messages.ts';
import { changes, handler } from './types.ts';

export const keptFor = handler<'kept-for'>()({
  reads: ['promotions'],
  plan: (state, { accountId }) =>
    ok({ changes: changes(), value: state.promotions.filter((r) => r.accountId === accountId) }),
});
