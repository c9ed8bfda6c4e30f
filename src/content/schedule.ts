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
