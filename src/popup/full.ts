// The part of the popup loaded after its first paint: everything that is kept, read and validated through
// the store (every record through its schema), then again with every change; the summary painted first
// is checked against its own schema here. Loaded with import() by ./App.tsx.
import type { Translate } from '../core/i18n.ts';
import { Summary } from '../core/store/layout.ts';
import type { Kept } from '../platform/store.ts';
import { activeTabId } from '../platform/tabs.ts';
import { setAsideCount, watchKept, zoneOf } from '../ui/kept.ts';
import { SpendChart } from '../ui/PromotionCard.tsx';
import type { Head } from './head.ts';
import { PageParts, type PopupData } from './Popup.tsx';

/** What the popup shows: nothing yet, "Loading…", the cards with their zone, or why it cannot read. */
export type Shown =
  | { state: 'reading' }
  | { state: 'loading' }
  | { state: 'ready'; data: PopupData; timeZone: string }
  | { state: 'failed'; error: string };

/**
 * Shows everything kept once read, and again after each change; returns the function that stops it. A
 * head that its schema refuses is taken down at once ("Loading…" until the full read), so no card painted
 * from it stays on screen.
 */
export function watchPopup(head: Head | null, t: Translate, show: (shown: Shown) => void): () => void {
  if (head !== null && !Summary.safeParse(head.summary).success) show({ state: 'loading' });
  let live = true;
  let tabId: number | null = null;
  let last: { kept: Kept; now: Date } | null = null;
  // Loaded beside the read (which takes longer), so the held changes and checklist appear with the list.
  // A failed load is not waited for: the part itself then says so and offers another try.
  const parts = Promise.all([PageParts.preload(), SpendChart.preload()]).catch(() => undefined);
  const showKept = () =>
    void parts.then(() => {
      if (live && last !== null)
        show({ state: 'ready', data: fullData(last.kept, last.now, tabId, t), timeZone: zoneOf(last.kept) });
    });
  // The checklist is for the tab in front of the user: it appears once the browser has said which.
  void activeTabId().then((id) => {
    tabId = id;
    if (id !== null) showKept();
  });
  const stop = watchKept((state) => {
    if (state.state === 'failed') show(state);
    else if (state.state === 'ready') {
      last = state;
      showKept();
    }
  });
  return () => {
    live = false;
    stop();
  };
}

function fullData(k: Kept, now: Date, tabId: number | null, t: Translate): PopupData {
  const latest = k.latestSnapshot;
  const setAside = setAsideCount(k);
  return {
    promotions: k.promotions,
    attempts: k.attempts,
    // The checklist is for the page in front of the user, not one left open in another tab.
    snapshot: latest !== null && tabId !== null && latest.tabId === tabId ? latest.snapshot : null,
    now,
    snoozed: k.reminders.snoozed,
    notice: setAside > 0 ? t('popup_setAside', [setAside]) : null,
    held: k.held,
  };
}
