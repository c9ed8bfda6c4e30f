// A quarantined value the advertiser chose to drop.
import { fail, ok } from '../../core/messages.ts';
import { quarantineKey } from '../../core/store/layout.ts';
import { changes, handler } from './types.ts';

export const quarantineDelete = handler<'quarantine-delete'>()({
  reads: ['quarantine'],
  plan(state, { id }) {
    if (!state.quarantine.some((q) => q.id === id))
      return fail('not-found', 'That item is no longer set aside.');
    return ok({ changes: changes({}, [quarantineKey(id)]), value: null });
  },
});
