// The demo's one clock: the mock Ads Manager's "Spend 1 day" moves the page's date, and through this the
// clock of the extension npm start loads (the demo build: src/platform/clock.ts). The page asks through a
// function the browser driver gives it, and the offset is written by the harness in the extension's own worker:
// the page itself has no way into the extension, and the shipped extension has no movable clock at all.
import type { E2EHarness } from './browser/browsers.ts';
import { DEMO_CLOCK_KEY } from '../src/core/store/keys.ts';

const DAY_MS = 86_400_000;
/** The demo simulates months, not decades (a saved demo may have started days ago): anything else is not the demo asking. */
const MAX_DAYS = 3650;

/** Whole days from this computer's today to `date` (YYYY-MM-DD; negative when past), or null when that is not a demo date. */
export function daysAhead(date: unknown, now = new Date()): number | null {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / DAY_MS;
  return Number.isInteger(days) && Math.abs(days) <= MAX_DAYS ? days : null;
}

/**
 * Gives the demo pages `acgDemoDate(date)`, which resolves once the extension goes by that date. False
 * when the browser driver cannot give pages a function (Firefox over WebDriver BiDi).
 */
export async function linkDemoClock(
  h: Pick<E2EHarness, 'exposeToPages' | 'backgroundEval'>,
): Promise<boolean> {
  if (!h.exposeToPages) return false;
  await h.exposeToPages('acgDemoDate', async (date: unknown) => {
    const days = daysAhead(date);
    if (days === null) return;
    await h.backgroundEval(
      (api, { key, offset }) =>
        new Promise<void>((resolve) => {
          // Resolves after the worker's own clock has seen the change: its listener came first. (The
          // listener is assigned, not declared: tsx would wrap a declared one in a helper the worker lacks.)
          const listener: { seen?: (changes: Record<string, unknown>, area: string) => void } = {};
          listener.seen = (changes, area) => {
            if (area !== 'local' || !(key in changes)) return;
            api.storage.onChanged.removeListener(listener.seen!);
            resolve();
          };
          void api.storage.local.get(key).then((stored) => {
            if (stored[key] === offset) return resolve();
            api.storage.onChanged.addListener(listener.seen!);
            return api.storage.local.set({ [key]: offset });
          });
        }),
      { key: DEMO_CLOCK_KEY, offset: days * DAY_MS },
    );
  });
  return true;
}
