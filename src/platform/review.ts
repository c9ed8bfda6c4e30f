// "Read wrong?" without a validator (the content script and the popup load no zod; the review page's side,
// which validates, is report.ts):
//
//   reviewUrl(tabId), openReview(tabId)     the review page of one tab, opened in a new tab (by the worker
//                                           for the page's panel, by the popup for the active tab)
//   answerCaptureRequests(capture, signal)  (content script) answers the review page's request for the
//                                           page, and nothing else: the request is one literal type
import { REPORT_CAPTURE } from '../core/report/capture.ts';
import { api, type MessageSender } from './browser.ts';

const REVIEW_PAGE = 'src/report/index.html';

export function reviewUrl(tabId: number): string {
  return `${api().runtime.getURL(REVIEW_PAGE)}?tab=${tabId}`;
}

export async function openReview(tabId: number): Promise<void> {
  await api().tabs.create({ url: reviewUrl(tabId) });
}

/** Only a page of this extension may ask (the review page): never the page itself or another extension. */
export function fromOwnPage(sender: MessageSender): boolean {
  const browser = api();
  const base = browser.runtime.getURL('');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(base);
}

/** Answers the review page's request with `capture()`, until `signal` aborts. */
export function answerCaptureRequests(capture: () => unknown, signal: AbortSignal): void {
  const { onMessage } = api().runtime;
  const listener = (message: unknown, sender: MessageSender) => {
    if ((message as { type?: unknown } | null)?.type !== REPORT_CAPTURE || !fromOwnPage(sender))
      return undefined;
    return Promise.resolve(capture());
  };
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => onMessage.removeListener(listener));
}
