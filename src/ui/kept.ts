// What the extension keeps, read straight from storage (never through the worker, so the pages open even
// when the worker is stopped or busy) and read again whenever storage changes.
import { useEffect, useState } from 'preact/hooks';
import { zoneOf as zoneIn } from '../core/dates.ts';
import type { Settings } from '../core/schemas.ts';
import { clockNow } from '../platform/clock.ts';
import { onKeptChanged, readKept, type Kept } from '../platform/store.ts';

export type KeptState =
  { state: 'loading' } | { state: 'ready'; kept: Kept; now: Date } | { state: 'failed'; error: string };

export function useKept(): KeptState {
  const [value, setValue] = useState<KeptState>({ state: 'loading' });
  // Started while rendering, not in an effect: effects wait for a frame, and the read is the long part.
  const [stop] = useState(() => watchKept(setValue));
  useEffect(() => stop, [stop]);
  return value;
}

/** Shows what is kept, then again after each change; returns the function that stops it. */
export function watchKept(show: (state: KeptState) => void): () => void {
  let live = true;
  let started = 0;
  const readAll = () => {
    const read = ++started;
    // Two changes in a row start two reads: only the one started last may show, whichever ends last.
    const current = () => live && read === started;
    readKept().then(
      (kept) => current() && show({ state: 'ready', kept, now: new Date(clockNow()) }),
      (error: unknown) => current() && show({ state: 'failed', error: String(error) }),
    );
  };
  const off = onKeptChanged(readAll);
  readAll();
  return () => {
    live = false;
    off();
  };
}

/** The zone days are counted in: the user's choice, else the system's. */
export function zoneOf(kept: { settings: Settings }): string {
  return zoneIn(kept.settings, Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Stored values that could not be read, quarantined or about to be. */
export function setAsideCount(kept: Kept): number {
  return kept.quarantine.length + kept.invalid.length;
}
