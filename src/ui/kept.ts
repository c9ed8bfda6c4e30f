// What the extension keeps, read straight from storage (never through the worker, so the pages open even
// when the worker is stopped or busy) and read again whenever storage changes.
import { useEffect, useState } from 'preact/hooks';
import { dateInZone, zoneOf as zoneIn } from '../core/dates.ts';
import type { Settings } from '../core/schemas.ts';
import { clockNow } from '../platform/clock.ts';
import { onKeptChanged, readHead, readKept, type Head, type Kept } from '../platform/store.ts';

export type KeptState =
  { state: 'loading' } | { state: 'ready'; kept: Kept; now: Date } | { state: 'failed'; error: string };

/** The summary's promotions, shown while everything else is still being read. */
export type HeadState = { state: 'head'; head: Head; now: Date };

export function useKept(): KeptState;
/**
 * With `headFirst`, the summary comes first when it is of today, then everything: reading every promotion
 * takes the browser hundreds of ms, the summary a few.
 */
export function useKept(options: { headFirst: true }): KeptState | HeadState;
export function useKept(options: { headFirst?: boolean } = {}): KeptState | HeadState {
  const [value, setValue] = useState<KeptState | HeadState>({ state: 'loading' });
  // Started while rendering, not in an effect: effects wait for a frame, and the read is the long part.
  const [stop] = useState(() => watchKept(setValue, options.headFirst === true));
  useEffect(() => stop, [stop]);
  return value;
}

/** Shows what is kept, then again after each change; returns the function that stops it. */
export function watchKept(show: (state: KeptState | HeadState) => void, headFirst: boolean): () => void {
  let live = true;
  let started = 0;
  let complete = false;
  const readAll = () => {
    const read = ++started;
    // Two changes in a row start two reads: only the one started last may show, whichever ends last.
    const current = () => live && read === started;
    readKept().then(
      (kept) => {
        if (!current()) return;
        complete = true;
        show({ state: 'ready', kept, now: new Date(clockNow()) });
      },
      (error: unknown) => current() && show({ state: 'failed', error: String(error) }),
    );
  };
  const off = onKeptChanged(readAll);
  if (headFirst) {
    // The full read starts once the summary is in, so the browser answers the small read first.
    readHead()
      .then((head) => {
        const now = new Date(clockNow());
        if (live && !complete && head !== null && isFresh(head, now)) show({ state: 'head', head, now });
      })
      // A summary that cannot be read is only a lost head start: the full read reports what went wrong.
      .catch(() => undefined)
      .finally(readAll);
  } else {
    readAll();
  }
  return () => {
    live = false;
    off();
  };
}

/**
 * A summary ranks the promotions as of its day, and is worth a head start only when it has some: with none,
 * the full read is quick, and an empty head would flash "no promotions yet" if the summary lagged behind.
 */
function isFresh(head: Head, now: Date): boolean {
  return head.summary.promotions.length > 0 && head.summary.day === dateInZone(now, zoneOf(head));
}

/** The zone days are counted in: the user's choice, else the system's. */
export function zoneOf(kept: { settings: Settings }): string {
  return zoneIn(kept.settings, Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Stored values that could not be read, quarantined or about to be. */
export function setAsideCount(kept: Kept): number {
  return kept.quarantine.length + kept.invalid.length;
}
