// The active tab, for the popup: it shows the redeem checklist only when the latest snapshot came from
// the tab in front of the user.
//
//   activeTabId()   the focused window's active tab id, or null when the browser cannot say
import { api, type PlatformBrowser } from './browser.ts';

// tabs.query is not part of PlatformBrowser yet; without the "tabs" permission it still answers ids
// (not URLs), which is all the popup needs.
type QueryableTabs = PlatformBrowser['tabs'] & {
  query?(query: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>>;
};

export async function activeTabId(): Promise<number | null> {
  const tabs = api().tabs as QueryableTabs;
  if (!tabs.query) return null;
  try {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}
