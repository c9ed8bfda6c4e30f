// What the extension keeps, read straight from storage (never through the worker, so the pages open even
// when the worker is stopped or busy) and read again whenever storage changes.
import { useEffect, useState } from 'preact/hooks';
import { onKeptChanged, readKept, type Kept } from '../platform/store.ts';

export type KeptState =
  { state: 'loading' } | { state: 'ready'; kept: Kept; now: Date } | { state: 'failed'; error: string };

export function useKept(): KeptState {
  const [value, setValue] = useState<KeptState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () =>
      readKept().then(
        (kept) => live && setValue({ state: 'ready', kept, now: new Date() }),
        (error: unknown) => live && setValue({ state: 'failed', error: String(error) }),
      );
    void load();
    const off = onKeptChanged(() => void load());
    return () => {
      live = false;
      off();
    };
  }, []);
  return value;
}

/** The zone days are counted in: the user's choice, else the system's. */
export function zoneOf(kept: Kept): string {
  return kept.settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Stored values that could not be read, quarantined or about to be. */
export function setAsideCount(kept: Kept): number {
  return kept.quarantine.length + kept.invalid.length;
}
