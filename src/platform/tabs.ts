// The active tab, for the popup: it shows the redeem checklist only when the latest snapshot came from
// the tab in front of the user.
//
//   activeTabId()   the focused window's active tab id, or null when the browser cannot say
import { api } from './browser.ts';

export async function activeTabId(): Promise<number | null> {
  const { tabs } = api();
  if (!tabs.query) return null;
  try {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}
