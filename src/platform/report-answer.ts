// The content script's side of "Read wrong?" (the review page's side is report.ts): answers the review
// page's request for the page, and nothing else. No validator ships in the content script: the request is
// one literal type, and the review page validates the answer.
import { REPORT_CAPTURE } from '../core/report/capture.ts';
import { api, type MessageSender } from './browser.ts';

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
