// Tabs for the extension's pages.
//
//   openTab(url)       open a page in a new tab
//   activeTabId()      the focused window's active tab, or null when the browser cannot say
//   openOptionsPage()  the extension's options page
import { api, type PlatformBrowser } from './browser.ts';

// tabs.query is not part of PlatformBrowser yet; without the "tabs" permission it still answers ids
// (not URLs), which is all the popup needs to match the active tab with the latest snapshot.
type QueryableTabs = PlatformBrowser['tabs'] & {
  query?(query: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>>;
};

export async function openTab(url: string): Promise<void> {
  await api().tabs.create({ url });
}

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

export async function openOptionsPage(): Promise<void> {
  await api().runtime.openOptionsPage();
}
