// A failed message to the worker, in words the user can act on.
import type { Translate } from '../core/i18n.ts';
import type { Failure } from '../core/messages.ts';

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
