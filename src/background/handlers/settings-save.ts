// The options page's settings, already validated by the message's schema.
import { ok } from '../../core/messages.ts';
import { KEY } from '../../core/store/layout.ts';
import { changes, handler } from './types.ts';

export const settingsSave = handler<'settings-save'>()({
  reads: [],
  plan(_state, { settings }) {
    return ok({ changes: changes({ [KEY.settings]: settings }), value: null, effects: [{ kind: 'remind' }] });
  },
});
