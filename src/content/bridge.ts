// The content script's link to the worker, through the platform's browser seam (`api()`). It reads no
// storage itself: Chrome's storage.local is closed to content scripts (src/platform/store.ts).
// It deliberately does not use the platform's sendToWorker: that validates with zod, and the content
// script ships without a validator (size budget). Nothing is lost: the worker validates every message on
// receipt and is the only writer of the records it answers with; what comes back is checked for the
// envelope here, and for the few fields the overlay uses where they are read (kept.ts).
import type { Answers, ContentMessage, Result } from '../core/messages.ts';
import { api } from '../platform/browser.ts';
import { ROWS_LOST, wireMessages } from '../core/wire.ts';
import { clipMessage } from '../core/limits.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const noAnswer = (message: string) => ({ ok: false, error: { code: 'no-answer', message } }) as const;

// Each send's long lists get an id of their own (core/wire.ts wireMessages).
let lists = 0;

/**
 * Sends `message` and resolves to the worker's answer; never rejects. A snapshot of a long list goes in
 * parts, each sent once the one before is taken, and clipping and packing the list is a task of its own
 * before them: so no copy of ours holds the page long. `copied` hears the start of each of those tasks
 * (the bench's measures). When the worker restarted between parts, the whole goes again, once.
 */
export async function send<M extends ContentMessage>(
  message: M,
  copied?: (start: number) => void,
): Promise<Result<Answers[M['type']]>> {
  const answer = await sendOnce(message, copied);
  return answer.ok || answer.error.message !== ROWS_LOST ? answer : sendOnce(message, copied);
}

async function sendOnce<M extends ContentMessage>(
  message: M,
  copied: (start: number) => void = () => undefined,
): Promise<Result<Answers[M['type']]>> {
  const timed = <T>(work: () => T): T => {
    const start = performance.now();
    const done = work();
    copied(start);
    return done;
  };
  try {
    // Clipped here, not refused there: a page's over-long text costs its tail, not the whole report.
    const parts = timed(() => wireMessages(clipMessage(message), `${Date.now().toString(36)}.${++lists}`));
    if (parts.length > 1) await new Promise((next) => setTimeout(next, 0));
    let answer: unknown;
    for (const part of parts) {
      answer = await timed(() => api().runtime.sendMessage(part));
      if (part !== parts[parts.length - 1] && !(isObject(answer) && answer.ok === true)) break;
    }
    if (isObject(answer) && (answer.ok === true || (answer.ok === false && isObject(answer.error)))) {
      return answer as Result<Answers[M['type']]>;
    }
    return noAnswer('the worker gave no answer');
  } catch (error) {
    return noAnswer(String(error));
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
