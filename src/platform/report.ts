// The page report's trips between contexts ("Read wrong?"):
//
//   reviewUrl(tabId)        the review page of one tab
//   openReview(tabId)       opens it in a new tab (the worker, for the page's panel; the popup, itself)
//   askPageCapture(tabId)   (review page) the tab's page structure and snapshot, validated; a failure
//                           (no content script there, a page left meanwhile) resolves to a typed failure
//
// The content script's side is in report-answer.ts: it ships without a validator.
// The page's unredacted text travels from the tab's content script to our review page only, through
// tabs.sendMessage: never to the worker, never to storage. The review page redacts it before anything
// is shown as a report or saved.
import { fail, ok, PageCapture, REPORT_CAPTURE, type Result } from '../core/messages.ts';
import { api } from './browser.ts';

const REVIEW_PAGE = 'src/report/index.html';

export function reviewUrl(tabId: number): string {
  return `${api().runtime.getURL(REVIEW_PAGE)}?tab=${tabId}`;
}

export async function openReview(tabId: number): Promise<void> {
  await api().tabs.create({ url: reviewUrl(tabId) });
}

export async function askPageCapture(tabId: number): Promise<Result<PageCapture>> {
  const send = api().tabs.sendMessage;
  if (!send) return fail('no-answer', 'this browser cannot ask a tab');
  let answer: unknown;
  try {
    answer = await send(tabId, { type: REPORT_CAPTURE });
  } catch (error) {
    return fail('no-answer', String(error instanceof Error ? error.message : error));
  }
  const parsed = PageCapture.safeParse(answer);
  return parsed.success ? ok(parsed.data) : fail('no-answer', 'the page gave no usable answer');
}
