/// <reference types="vite/client" />
// The time the extension goes by. The shipped extension goes by the system clock and nothing else. The
// demo build alone (`vite build --mode demo`, the one `npm start` loads) adds an offset that npm start's
// harness writes into the extension's storage, so that the mock Ads Manager's "Spend 1 day" moves the
// extension's days with the page's: its screenshots then show numbers a reader can check. A web page
// cannot write an extension's storage, and no other build reads the offset: the check below is replaced
// at build time, so the reading code is not even in the shipped files.
import { DEMO_CLOCK_KEY } from '../core/store/keys.ts';
import { api } from './browser.ts';

const DEMO = import.meta.env.MODE === 'demo';
let offset = 0;

/** Now, in ms since the epoch: the system clock, plus the demo's offset in the demo build. */
export function clockNow(): number {
  return Date.now() + offset;
}

const offsetOf = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

const MINUTE_MS = 60_000;

/**
 * In the demo build, for the content script, which cannot read the extension's storage (the worker keeps
 * it to the extension's own pages): goes by the clock the worker answered with. The demo moves that clock
 * by whole days, so the offset is kept in whole minutes, which the message's own delay cannot change.
 * In every other build it does nothing: the content script goes by the system clock.
 */
export function followWorkerClock(workerNow: number): void {
  if (!DEMO) return;
  offset = Math.round((workerNow - Date.now()) / MINUTE_MS) * MINUTE_MS;
}

/**
 * In the demo build: reads the offset and follows its changes, calling `moved` after each (and after the
 * first read when the clock is not the system's). Registers its listener in the caller's turn, as a
 * service worker must. In every other build it does nothing.
 */
export async function followDemoClock(moved: () => void = () => undefined): Promise<void> {
  if (!DEMO) return;
  api().storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(DEMO_CLOCK_KEY in changes)) return;
    offset = offsetOf(changes[DEMO_CLOCK_KEY]?.newValue);
    moved();
  });
  offset = offsetOf((await api().storage.local.get(DEMO_CLOCK_KEY))[DEMO_CLOCK_KEY]);
  if (offset !== 0) moved();
}
