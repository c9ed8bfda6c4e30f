// The one seam to the browser: every platform module reaches browser.* through `api()`.
//
//   setBrowser(b)      install the browser object: src/platform/install.ts passes the browser's own API
//                      (entry points import it first); tests pass test/fake-browser.ts
//   api()              the installed object; throws if nothing was installed (a wiring bug, not a runtime state)
//   PlatformBrowser    exactly the parts of the WebExtension API the extension uses, typed with
//                      webextension-polyfill's types (types only: no polyfill ships)
//
// Why not read the browser's globals here: tests must be able to swap them without module mocking.
import type { Alarms, Notifications, Runtime, Storage, Tabs } from 'webextension-polyfill';

/** The part of an event the extension uses (the polyfill's Events.Event has more). */
export interface Ev<F> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

export type MessageSender = Pick<Runtime.MessageSender, 'id' | 'url' | 'tab'>;
export type MessageListener = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

export interface PlatformBrowser {
  storage: {
    local: {
      get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
      /** Chrome; Firefox has none for storage.local (the store reckons it from the JSON instead). */
      getBytesInUse?(keys: null | string | string[]): Promise<number>;
      /** Chrome: who may use the area (TRUSTED_CONTEXTS keeps content scripts out); Firefox has none. */
      setAccessLevel?(options: {
        accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
      }): Promise<void>;
    };
    onChanged: Ev<(changes: Record<string, Storage.StorageChange>, areaName: string) => void>;
  };
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Ev<MessageListener>;
    onInstalled: Ev<(details: Pick<Runtime.OnInstalledDetailsType, 'reason' | 'previousVersion'>) => void>;
    onStartup: Ev<() => void>;
    openOptionsPage(): Promise<void>;
    /** Firefox only: its presence is how the platform tells Firefox apart. */
    getBrowserInfo?(): Promise<Runtime.BrowserInfo>;
  };
  alarms: {
    create(name: string, info: { when: number }): void | Promise<void>;
    clear(name: string): Promise<boolean>;
    get(name: string): Promise<Alarms.Alarm | undefined>;
    onAlarm: Ev<(alarm: Alarms.Alarm) => void>;
  };
  notifications: {
    create(id: string, options: Notifications.CreateNotificationOptions): Promise<string>;
    onClicked: Ev<(id: string) => void>;
    /** Absent in some browsers; Firefox defines it as a stub that never fires. */
    onButtonClicked?: Ev<(id: string, buttonIndex: number) => void>;
  };
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  };
  tabs: {
    create(props: { url: string }): Promise<Pick<Tabs.Tab, 'id'>>;
    /** Without the "tabs" permission it still answers ids (not URLs): the popup matches its tab by id. */
    query?(query: { active: boolean; currentWindow: boolean }): Promise<Array<Pick<Tabs.Tab, 'id'>>>;
    /** The review page asks a tab's content script for its page (src/platform/report.ts). */
    sendMessage?(tabId: number, message: unknown): Promise<unknown>;
  };
  i18n: {
    getMessage(key: string, substitutions?: string | string[]): string;
    getUILanguage(): string;
  };
}

let installed: PlatformBrowser | null = null;

export function setBrowser(browser: PlatformBrowser): void {
  installed = browser;
}

export function api(): PlatformBrowser {
  if (installed === null)
    throw new Error('platform: no browser installed (import src/platform/install.ts first)');
  return installed;
}
