// The content script's link to the worker, through the platform's browser seam (`api()`). It reads no
// storage itself: Chrome's storage.local is closed to content scripts (src/platform/store.ts).
// It deliberately does not use the platform's sendToWorker: that validates with zod, and the content
// script ships without a validator (size budget). Nothing is lost: the worker validates every message on
// receipt and is the only writer of the records it answers with; what comes back is checked for the
// envelope here, and for the few fields the overlay uses where they are read (kept.ts).
import type { Answers, ContentMessage, Result } from '../core/messages.ts';
import { api } from '../platform/browser.ts';
import { packMessage } from '../core/wire.ts';
import { clipMessage } from '../core/limits.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export async function send<M extends ContentMessage>(message: M): Promise<Result<Answers[M['type']]>> {
  try {
    // Clipped here, not refused there: a page's over-long text costs its tail, not the whole report.
    const answer: unknown = await api().runtime.sendMessage(packMessage(clipMessage(message)));
    if (isObject(answer) && (answer.ok === true || (answer.ok === false && isObject(answer.error)))) {
      return answer as Result<Answers[M['type']]>;
    }
    return { ok: false, error: { code: 'no-answer', message: 'the worker gave no answer' } };
  } catch (error) {
    return { ok: false, error: { code: 'no-answer', message: String(error) } };
  }
}

export const panelCollapsed = {
  async get(accountId: string | null): Promise<boolean> {
    const answer = await send({ type: 'panel-collapsed', accountId });
    return answer.ok && answer.value === true;
  },
  async set(accountId: string | null, collapsed: boolean): Promise<void> {
    // Not kept when the worker cannot answer (extension updated under the page): the panel still folds
    // for this visit.
    await send({ type: 'panel-collapsed', accountId, collapsed });
  },
};
