// Keeps our positioned boxes on the page elements they belong to: re-placed after scrolling (of the
// page or any inner scroller), window resizes and size changes of the elements, at most once a frame.
import { coalesce, type Scheduler } from './schedule.ts';
import type { Win } from './types.ts';

export interface Follower {
  /** Place again at the next frame. */
  request(): void;
  /** Watch these elements' sizes instead of the previous ones. */
  observe(elements: readonly Element[]): void;
}

export function follow(win: Win, schedule: Scheduler, signal: AbortSignal, place: () => void): Follower {
  const task = coalesce(schedule, place);
  const request = () => task.request();
  const resize = 'ResizeObserver' in win ? new win.ResizeObserver(request) : null;
  let watched: readonly Element[] = [];
  win.addEventListener('scroll', request, { capture: true, passive: true, signal });
  win.addEventListener('resize', request, { passive: true, signal });
  signal.addEventListener('abort', () => {
    task.cancel();
    resize?.disconnect();
  });
  return {
    request,
    observe(elements) {
      if (!resize || signal.aborted) return;
      if (elements.length === watched.length && elements.every((e, i) => e === watched[i])) return;
      resize.disconnect();
      for (const e of elements) resize.observe(e);
      watched = elements;
    },
  };
}
