// Content script entry, on every page of ads.tiktok.com and business.tiktok.com: once the page wordings
// are loaded from storage, decides whether this is a billing page and otherwise holds only a few event
// listeners (see watch.ts).
import '../platform/install.ts';
import { progressOfRecord } from '../core/progress.ts';
import { clockNow, followDemoClock } from '../platform/clock.ts';
import { answerCaptureRequests } from '../platform/review.ts';
import { translator } from '../platform/services.ts';
import { benchWalk } from './bench-walk.ts';
import { keptFor, panelCollapsed, send } from './bridge.ts';
import { loadGlossary } from './glossary.ts';
import { pageReader } from './reader.ts';
import { FEATURES } from './features/index.ts';
import { frameScheduler, userTiming } from './schedule.ts';
import { watchPages } from './watch.ts';

// Day counts are in the advertiser's own calendar, as the popup shows them.
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

// Bench builds only: the least a read of this page could cost, walked before anything of ours touches it.
benchWalk(document);

// Loading leaves a User Timing measure in bench builds (`npm run bench` reports it): the page is not read
// before it ends.
const start = performance.now();
void followDemoClock();
void loadGlossary().then((problem) => {
  userTiming(performance).measure('acg:wordings', start);
  // The page is still followed: its address tells a billing page, and the reader's warnings say the rest.
  if (problem) console.warn(`Ad Credit Guide: ${problem}`);
  watchPages(
    window,
    {
      reader: pageReader,
      t: translator(),
      send,
      keptFor,
      panelCollapsed,
      progress: (record, now) => progressOfRecord(record, now, timeZone),
      schedule: frameScheduler(window),
      defer: (run) => void setTimeout(run, 0),
      now: () => new Date(clockNow()),
      answerReportRequests: answerCaptureRequests,
    },
    FEATURES,
  );
});
