// "Read wrong?": when the review page asks, hands it this page's structure as the advertiser sees it (the
// computed visibility of each element, so what the page's stylesheet hides stays hidden in the report),
// with the snapshot the extension read. Nothing is sent anywhere else; the review page redacts it.
import { capturePage } from '../../core/report/capture.ts';
import type { Feature, Win } from '../types.ts';

/** Shown as the browser laid it out: not display:none, not visibility:hidden. */
export function shownByStyle(win: Win): (el: Element) => boolean {
  return (el) => {
    const style = win.getComputedStyle(el);
    return style.display !== 'none' && style.visibility !== 'hidden';
  };
}

export const report: Feature = {
  name: 'report',
  init(signal, { win, deps, layer, state }) {
    deps.answerReportRequests(() => {
      const s = state.get();
      if (!s) return null;
      const capture = capturePage(win.document, {
        shown: shownByStyle(win),
        codeInput: s.targets.codeInput,
        skip: (el) => layer.owns(el),
      });
      return { capture, snapshot: s.snapshot, url: s.url };
    }, signal);
  },
};
