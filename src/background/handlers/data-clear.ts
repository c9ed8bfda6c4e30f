// "Clear all data": every key the store registry marks `cleared` goes, and any key it does not declare;
// settings are then written back at their default. Removed first: in a full storage the default needs
// the room the removal makes.
import { ok } from '../../core/messages.ts';
import { KEY } from '../../core/store/layout.ts';
import { clearedKeys, REGISTRY } from '../../core/store/registry.ts';
import { handler } from './types.ts';

export const dataClear = handler<'data-clear'>()({
  reads: ['storedKeys'],
  plan(state) {
    return ok({
      changes: {
        set: { [KEY.settings]: REGISTRY.settings.fallback },
        remove: clearedKeys(state.storedKeys),
        removeFirst: true,
      },
      value: null,
      effects: [{ kind: 'remind' }],
    });
  },
});
