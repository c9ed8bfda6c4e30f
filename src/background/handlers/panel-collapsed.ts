// Whether the on-page panel is folded for an ad account ("-" for an unknown one); `collapsed` given sets
// it. The page's script writes nothing itself: the fold goes through the worker like every other write.
import { ok } from '../../core/messages.ts';
import { KEY } from '../../core/store/layout.ts';
import { changes, handler } from './types.ts';

export const panelCollapsed = handler<'panel-collapsed'>()({
  reads: ['panelFolded'],
  plan(state, { accountId, collapsed }) {
    const account = accountId ?? '-';
    if (collapsed === undefined)
      return ok({ changes: changes(), value: Object.hasOwn(state.panelFolded, account) });
    const folded = { ...state.panelFolded };
    if (collapsed) folded[account] = true;
    else delete folded[account];
    return ok({ changes: changes({ [KEY.overlayCollapsed]: folded }), value: collapsed });
  },
});
