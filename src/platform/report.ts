// The review page's side of "Read wrong?":
//
//   askPageCapture(tabId)   (review page) the tab's page structure and snapshot, validated; a failure
//                           (no content script there, a page left meanwhile) resolves to a typed failure
//
// Opening the review page and the content script's side are in review.ts, which loads no validator.
// The page's unredacted text travels from the tab's content script to our review page only, through
// tabs.sendMessage: never to the worker, never to storage. The review page redacts it before anything
// is shown as a report or saved.
import { fail, ok, PageCapture, REPORT_CAPTURE, type Result } from '../core/messages.ts';
import { api } from './browser.ts';

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
