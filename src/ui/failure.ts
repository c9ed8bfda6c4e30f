// A failed message to the worker, in words the user can act on.
import type { Translate } from '../core/i18n.ts';
import type { Failure, MessageOf, MessageType } from '../core/messages.ts';
import { sendToWorker } from '../platform/messaging.ts';

export function failureText(t: Translate, failure: Failure): string {
  switch (failure.code) {
    case 'quota-exceeded':
      return t('ui_errQuota');
    case 'no-answer':
      return t('ui_errNoAnswer');
    default:
      return t('ui_errFailed', [failure.message]);
  }
}

/** Sends a message to the worker; resolves to null when it was done, else to words for the user. */
export async function sendOrExplain<T extends MessageType>(
  t: Translate,
  message: MessageOf<T>,
): Promise<string | null> {
  const result = await sendToWorker(message);
  return result.ok ? null : failureText(t, result.error);
}
