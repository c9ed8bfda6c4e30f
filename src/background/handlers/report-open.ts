// "Read wrong?" on a page's panel: the review page opens for the sender's tab and asks that tab for its
// page itself (the page's text never passes through the worker).
import { fail, ok } from '../../core/messages.ts';
import { changes, handler } from './types.ts';

export const reportOpen = handler<'report-open'>()({
  reads: [],
  plan(_state, _message, ctx) {
    if (ctx.from.tabId === null) return fail('invalid-message', 'report-open: no tab to report');
    return ok({ changes: changes(), value: null, effects: [{ kind: 'open-review', tabId: ctx.from.tabId }] });
  },
});
