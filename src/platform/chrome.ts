// Chrome's own `chrome.*` as a PlatformBrowser. MV3 Chrome already answers with promises for every method
// the extension calls (storage, alarms, notifications, action, tabs, runtime.sendMessage, including the
// rejection when no one receives a message); what differs is runtime.onMessage: before Chrome 144 a
// listener cannot answer by returning a promise, only by returning true and calling sendResponse later.
import type { Ev, MessageListener, MessageSender, PlatformBrowser } from './browser.ts';

export type ChromeMessageListener = (
  message: unknown,
  sender: MessageSender,
  sendResponse: (answer?: unknown) => void,
) => true | undefined;

export type ChromeApi = Omit<PlatformBrowser, 'runtime'> & {
  runtime: Omit<PlatformBrowser['runtime'], 'onMessage'> & { onMessage: Ev<ChromeMessageListener> };
};

export function fromChrome(chrome: ChromeApi): PlatformBrowser {
  const runtime = chrome.runtime;
  return {
    storage: chrome.storage,
    alarms: chrome.alarms,
    notifications: chrome.notifications,
    action: chrome.action,
    tabs: chrome.tabs,
    i18n: chrome.i18n,
    runtime: {
      // Read on each use: Chrome clears it once the extension is reloaded under a still-open page.
      get id() {
        return runtime.id;
      },
      getURL: (path) => runtime.getURL(path),
      sendMessage: (message) => runtime.sendMessage(message),
      onMessage: answeringWithPromises(runtime.onMessage),
      onInstalled: runtime.onInstalled,
      onStartup: runtime.onStartup,
      openOptionsPage: () => runtime.openOptionsPage(),
    },
  };
}

function answeringWithPromises(event: Ev<ChromeMessageListener>): Ev<MessageListener> {
  // The same listener object must reach removeListener as was added.
  const added = new WeakMap<MessageListener, ChromeMessageListener>();
  return {
    addListener(listener) {
      let wrapped = added.get(listener);
      if (!wrapped) {
        wrapped = (message, sender, sendResponse) => {
          const answer = listener(message, sender);
          if (answer === undefined) return undefined;
          // A listener that fails answers nothing: the sender sees no envelope, which it reports as
          // no answer, rather than waiting on an open channel.
          answer.then(sendResponse, () => sendResponse());
          return true;
        };
        added.set(listener, wrapped);
      }
      event.addListener(wrapped);
    },
    removeListener(listener) {
      const wrapped = added.get(listener);
      if (wrapped) event.removeListener(wrapped);
    },
  };
}
