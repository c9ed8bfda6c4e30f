// All of the content script's work runs in animation frames: nothing happens while the tab is hidden,
// and any number of page mutations in one frame cost one read. Injectable so tests can run frames.

/** Runs `callback` once, at the next opportunity; returns a function that cancels it. */
export type Scheduler = (callback: () => void) => () => void;

export function frameScheduler(win: Window): Scheduler {
  return (callback) => {
    const id = win.requestAnimationFrame(() => callback());
    return () => win.cancelAnimationFrame(id);
  };
}

/** A task that, however often requested, runs at most once per scheduled slot. */
export interface Coalesced {
  request(): void;
  cancel(): void;
}

export function coalesce(schedule: Scheduler, run: () => void): Coalesced {
  let cancel: (() => void) | null = null;
  return {
    request() {
      if (cancel) return;
      cancel = schedule(() => {
        cancel = null;
        run();
      });
    },
    cancel() {
      cancel?.();
      cancel = null;
    },
  };
}

/**
 * User Timing measures of the content script's own work (reads, sends, redraws), for DevTools and
 * `npm run bench`. They land in the page's own performance timeline, where the page's scripts can read
 * them and so tell that the extension is installed: only builds made with VITE_ACG_TIMING=1 (the
 * bench's) leave them. A measure is cleared as soon as it is made, so observers see it and the page's
 * buffer does not grow.
 */
/** The work measured; each measure is named `acg:` and the work, the prefix added here alone. */
type Work = 'read' | 'snapshot' | 'publish' | 'draw' | 'walk';

export interface Marks {
  measure(work: Work, start: number): void;
  /** Runs `run`, measured as `work`. */
  time(work: Work, run: () => void): void;
}

export function userTiming(timeline: Pick<Performance, 'measure' | 'clearMeasures' | 'now'>): Marks {
  // A constant once built: shipped builds carry none of what follows.
  if (import.meta.env.VITE_ACG_TIMING !== '1') return { measure: () => undefined, time: (_, run) => run() };
  const measure = (work: Work, start: number) => {
    timeline.measure(`acg:${work}`, { start });
    timeline.clearMeasures(`acg:${work}`);
  };
  return {
    measure,
    time(work, run) {
      const start = timeline.now();
      try {
        run();
      } finally {
        measure(work, start);
      }
    },
  };
}
