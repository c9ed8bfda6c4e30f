// The content script's link to the worker and to storage, through the platform's browser seam (`api()`).
// It deliberately does not use the platform's sendToWorker/readPromotions: those validate with zod, and the
// content script ships without a validator (size budget). Nothing is lost: the worker validates every
// message on receipt and is the only writer of the records read here; what comes back is checked for
// the envelope and the few fields the overlay uses.
import type { Answers, ContentMessage, Result } from '../core/messages.ts';
import type { PromotionRecord } from '../core/schemas.ts';
import { api } from '../platform/browser.ts';
import { promoPrefix } from '../core/store/keys.ts';
import { packMessage } from '../core/wire.ts';
import { clipMessage } from '../core/limits.ts';

/** The overlay's own key in storage.local: ad account ("-" when unknown) → panel folded. */
export const COLLAPSED_KEY = 'overlayCollapsed';

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

/** Enough of a record for the checklist and the list notes; anything else is left out, not thrown on. */
function looksKept(v: unknown): v is PromotionRecord {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.status === 'string' &&
    typeof v.termsNeeded === 'boolean' &&
    isObject(v.terms) &&
    Array.isArray(v.observations)
  );
}

export async function keptFor(accountId: string | null): Promise<PromotionRecord[]> {
  try {
    const prefix = promoPrefix(accountId);
    const items = await api().storage.local.get(null);
    return Object.entries(items)
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value)
      .filter(looksKept);
  } catch {
    return [];
  }
}

const accountKey = (accountId: string | null) => accountId ?? '-';

async function collapsedMap(): Promise<Record<string, boolean>> {
  const value = (await api().storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY];
  return isObject(value) ? (value as Record<string, boolean>) : {};
}

export const panelCollapsed = {
  async get(accountId: string | null): Promise<boolean> {
    try {
      return (await collapsedMap())[accountKey(accountId)] === true;
    } catch {
      return false;
    }
  },
  async set(accountId: string | null, collapsed: boolean): Promise<void> {
    try {
      const map = await collapsedMap();
      if (collapsed) map[accountKey(accountId)] = true;
      else delete map[accountKey(accountId)];
      await api().storage.local.set({ [COLLAPSED_KEY]: map });
    } catch {
      // Storage unavailable (extension updated under the page): the panel still folds for this visit.
    }
  },
};
