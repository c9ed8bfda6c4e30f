// A promotion's reminders silenced for SNOOZE_MS (the popup's button, or a notification's).
import { ok } from '../../core/messages.ts';
import { SNOOZE_MS } from '../../core/reminders.ts';
import { KEY, promoKey } from '../../core/store/layout.ts';
import { changes, handler } from './types.ts';

export const reminderSnooze = handler<'reminder-snooze'>()({
  reads: ['reminders'],
  plan(state, { promotion }, ctx) {
    const until = new Date(ctx.now + SNOOZE_MS).toISOString();
    const snoozed = { ...state.reminders.snoozed, [promoKey(promotion.accountId, promotion.id)]: until };
    return ok({
      changes: changes({ [KEY.reminders]: { ...state.reminders, snoozed } }),
      value: { until },
      effects: [{ kind: 'remind' }],
    });
  },
});
