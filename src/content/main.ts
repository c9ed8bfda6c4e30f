// Content script entry, on every page of ads.tiktok.com and business.tiktok.com: decides whether this is
// a billing page and otherwise holds only a few event listeners (see watch.ts). The page wordings ship
// inside this script, so the page is read straight away.
import '../platform/install.ts';
import { api } from '../platform/browser.ts';
import { clockNow, followWorkerClock } from '../platform/clock.ts';
import { answerCaptureRequests } from '../platform/review.ts';
import { translator } from '../platform/services.ts';
import { benchWalk } from './bench-walk.ts';
import { panelCollapsed, send } from './bridge.ts';
import { pageReader } from './reader.ts';
import { FEATURES } from './features/index.ts';
import { frameScheduler } from './schedule.ts';
import { watchPages } from './watch.ts';

// Bench builds only: the least a read of this page could cost, walked before anything of ours touches it.
benchWalk(document);

watchPages(
  window,
  {
    reader: pageReader,
    t: translator(),
    send,
    panelCollapsed,
    workerClock: followWorkerClock,
    schedule: frameScheduler(window),
    defer: (run) => void setTimeout(run, 0),
    now: () => new Date(clockNow()),
    at: (instant, run) => {
      const timer = setTimeout(run, Math.max(0, instant - clockNow()));
      return () => clearTimeout(timer);
    },
    answerReportRequests: answerCaptureRequests,
    connected,
  },
  FEATURES,
);

/**
 * False once the extension was updated, reloaded or removed under this page: Chrome then leaves this
 * script running with its runtime's id gone, and Firefox with its objects dead (reading them throws).
 */
function connected(): boolean {
  try {
    return Boolean(api().runtime.id);
  } catch {
    return false;
  }
}
