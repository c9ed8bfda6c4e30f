// An in-memory browser for tests: the parts of the WebExtension API that src/platform uses (PlatformBrowser),
// behaving as Chrome does where it matters to us.
//
//   const fake = createFakeBrowser({ now: Date.parse('2026-03-01T10:00:00Z') });
//   setBrowser(fake.browser);                     // src/platform/browser.ts
//   fake.storage            the stored items (JSON copies, as the browser keeps them); a test's own edit of it
//                           is reported to storage.onChanged, as the browser reports devtools' edits
//   fake.failNextWrites(n, error?)  the next n set() calls reject (default: a QUOTA_BYTES error)
//   fake.quotaBytes         storage.local's limit on the JSON size of everything (10 MB, as Chrome)
//   fake.clock.now / fake.advance(ms)  the clock; advancing fires alarms that are due, in order
//   fake.alarms             armed alarms by name
//   fake.notifications      shown notifications by id (options as given); fake.clickNotification(id, button?)
//   fake.refuseNotifications(message | null)  notifications.create rejects (a browser refusing to show them)
//   fake.badge              { text, color }
//   fake.openedTabs         URLs passed to tabs.create
//   fake.send(message, sender)  deliver to runtime.onMessage listeners as the browser does; resolves to
//                           the answer, or undefined when no listener answered
//   fake.senders            ready-made senders: popup, content (ads.tiktok.com tab), foreign extension, web page
//   fake.install(reason) / fake.startup()   fire runtime.onInstalled / onStartup
//   fake.restartWorker()    drop every listener (a stopped worker's memory) but keep storage and alarms
//   { declared }            which keys may be written (default: the store registry's); a set() of any other
//                           key is refused and fails the running test (`onUndeclared` replaces that, to test it)
//   { firefox: true }       behaves as Firefox: runtime.getBrowserInfo exists, notifications.onButtonClicked is a
//                           stub that never fires, and create() throws synchronously when given buttons
// i18n.getMessage reads the real public/_locales/en/messages.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { translatorFrom, type Messages } from '../src/core/i18n.ts';
import { DEMO_CLOCK_KEY } from '../src/core/store/keys.ts';
import { isDeclared } from '../src/core/store/registry.ts';
import type { Ev, MessageListener, MessageSender, PlatformBrowser } from '../src/platform/browser.ts';

const EXTENSION_ID = 'acgfakeextensionid';
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;

class FakeEvent<F extends (...args: never[]) => unknown> implements Ev<F> {
  readonly listeners: F[] = [];
  addListener(listener: F) {
    this.listeners.push(listener);
  }
  removeListener(listener: F) {
    const i = this.listeners.indexOf(listener);
    if (i >= 0) this.listeners.splice(i, 1);
  }
  fire(...args: Parameters<F>): unknown[] {
    return [...this.listeners].map((l) => l(...args));
  }
  clear() {
    this.listeners.length = 0;
  }
}

export class QuotaError extends Error {
  constructor() {
    super('Resource::kQuotaBytes quota exceeded (QUOTA_BYTES)');
  }
}

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export interface FakeOptions {
  now?: number;
  firefox?: boolean;
  /** Which storage keys may be written: the store registry's by default. */
  declared?: (key: string) => boolean;
  /**
   * Called with a key written that is declared nowhere. By default it throws outside the write's promise, so
   * the test fails even when the code under test catches the refused write.
   */
  onUndeclared?: (key: string) => void;
}

export class UndeclaredKeyError extends Error {
  constructor(key: string) {
    super(
      `storage.local.set of "${key}", a key the store registry (src/core/store/registry.ts) does not declare`,
    );
  }
}

const failTheTest = (key: string) => {
  setTimeout(() => {
    throw new UndeclaredKeyError(key);
  });
};

export function createFakeBrowser(options: FakeOptions = {}) {
  const dirty = new Set<string>();
  // A test that edits `storage` directly stands for someone else changing storage (devtools, another
  // instance): the browser reports that to storage.onChanged like any write. The fake's own writes report
  // theirs in set() and remove().
  let writing = false;
  const edited = (key: string, oldValue: unknown, newValue: unknown) => {
    if (writing || events.changed.listeners.length === 0 || oldValue === newValue) return;
    emit({
      [key]:
        newValue === undefined
          ? { oldValue: copy(oldValue) }
          : { oldValue: copy(oldValue), newValue: copy(newValue) },
    });
  };
  const storage = new Proxy<Record<string, unknown>>(
    {},
    {
      set(target, key, value) {
        const before = target[key as string];
        target[key as string] = value;
        dirty.add(key as string);
        edited(key as string, before, value);
        return true;
      },
      deleteProperty(target, key) {
        const before = target[key as string];
        delete target[key as string];
        dirty.add(key as string);
        edited(key as string, before, undefined);
        return true;
      },
    },
  );
  const clock = { now: options.now ?? Date.parse('2026-03-01T10:00:00Z') };
  const alarms = new Map<string, { name: string; scheduledTime: number }>();
  const notifications = new Map<string, unknown>();
  const badge = { text: '', color: '' };
  const openedTabs: string[] = [];
  let failures: Error[] = [];
  let refusal: string | null = null;
  // The demo clock's offset is written by npm start's harness, not by the extension (platform/clock.ts).
  const declared = options.declared ?? ((key: string) => isDeclared(key) || key === DEMO_CLOCK_KEY);
  const onUndeclared = options.onUndeclared ?? failTheTest;

  const events = {
    changed: new FakeEvent<
      (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void
    >(),
    message: new FakeEvent<MessageListener>(),
    installed: new FakeEvent<
      (details: {
        reason: 'install' | 'update' | 'browser_update' | 'chrome_update' | 'shared_module_update';
        previousVersion?: string;
      }) => void
    >(),
    startup: new FakeEvent<() => void>(),
    alarm: new FakeEvent<(alarm: { name: string; scheduledTime: number }) => void>(),
    clicked: new FakeEvent<(id: string) => void>(),
    button: new FakeEvent<(id: string, index: number) => void>(),
  };

  const messages = JSON.parse(
    readFileSync(fileURLToPath(new URL('../public/_locales/en/messages.json', import.meta.url)), 'utf8'),
  ) as Messages;
  const t = translatorFrom(messages, 'en');

  const fake = {
    quotaBytes: 10 * 1024 * 1024,
  };

  // The JSON size of each stored item, kept as items change: a write is checked against the quota
  // without measuring everything stored again (the bench times the worker, not this fake).
  const sizes = new Map<string, number>();
  const sizeOf = (k: string, v: unknown) => k.length + JSON.stringify(v).length;
  let total = 0;
  const resize = (k: string, v: unknown) => {
    total -= sizes.get(k) ?? 0;
    if (v === undefined) sizes.delete(k);
    else {
      sizes.set(k, sizeOf(k, v));
      total += sizes.get(k)!;
    }
  };
  // Tests also seed and edit `storage` directly: every key set or deleted on it is measured anew.
  const stored = () => {
    for (const k of dirty) resize(k, storage[k]);
    dirty.clear();
    return total;
  };

  function emit(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) {
    if (Object.keys(changes).length > 0) events.changed.fire(changes, 'local');
  }

  const browser: PlatformBrowser = {
    storage: {
      local: {
        async get(keys) {
          const wanted =
            keys === null || keys === undefined
              ? Object.keys(storage)
              : typeof keys === 'string'
                ? [keys]
                : keys;
          return Object.fromEntries(wanted.filter((k) => k in storage).map((k) => [k, copy(storage[k])]));
        },
        async set(items) {
          const undeclared = Object.keys(items).filter((k) => !declared(k));
          for (const key of undeclared) onUndeclared(key);
          if (undeclared.length > 0) throw new UndeclaredKeyError(undeclared[0]!);
          const failure = failures.shift();
          if (failure) throw failure;
          const before = stored();
          const after = Object.entries(items).reduce(
            (n, [k, v]) => n - (sizes.get(k) ?? 0) + sizeOf(k, v),
            before,
          );
          if (after > fake.quotaBytes) throw new QuotaError();
          const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
          writing = true;
          for (const [k, v] of Object.entries(items)) {
            changes[k] = { oldValue: copy(storage[k]), newValue: copy(v) };
            storage[k] = copy(v);
          }
          writing = false;
          emit(changes);
        },
        async remove(keys) {
          const changes: Record<string, { oldValue?: unknown }> = {};
          writing = true;
          for (const k of typeof keys === 'string' ? [keys] : keys) {
            if (k in storage) {
              changes[k] = { oldValue: storage[k] };
              delete storage[k];
            }
          }
          writing = false;
          emit(changes);
        },
      },
      onChanged: events.changed as unknown as PlatformBrowser['storage']['onChanged'],
    },
    runtime: {
      id: EXTENSION_ID,
      getURL: (path) => `${ORIGIN}/${path.replace(/^\//, '')}`,
      sendMessage: (message) => send(message, senders.popup),
      onMessage: events.message,
      onInstalled: events.installed,
      onStartup: events.startup,
      async openOptionsPage() {
        openedTabs.push(`${ORIGIN}/src/options/index.html`);
      },
      ...(options.firefox
        ? {
            getBrowserInfo: async () => ({
              name: 'Firefox',
              vendor: 'Mozilla',
              version: '153.0',
              buildID: '0',
            }),
          }
        : {}),
    },
    alarms: {
      create(name, info) {
        alarms.set(name, { name, scheduledTime: info.when });
      },
      async clear(name) {
        return alarms.delete(name);
      },
      async get(name) {
        const alarm = alarms.get(name);
        return alarm && { ...alarm };
      },
      onAlarm: events.alarm,
    },
    notifications: {
      // Not async: Firefox refuses an unsupported option by throwing synchronously, before any promise.
      create(id, opts) {
        if (options.firefox && 'buttons' in opts)
          throw new Error('Type error for parameter options (Property "buttons" is unsupported by Firefox)');
        if (refusal !== null) return Promise.reject(new Error(refusal));
        notifications.set(id, copy(opts));
        return Promise.resolve(id);
      },
      onClicked: events.clicked,
      // Firefox defines the event but never fires it: a stub, as in the real browser.
      onButtonClicked: options.firefox ? new FakeEvent<(id: string, index: number) => void>() : events.button,
    },
    action: {
      async setBadgeText({ text }) {
        badge.text = text;
      },
      async setBadgeBackgroundColor({ color }) {
        badge.color = color;
      },
    },
    tabs: {
      async create({ url }) {
        openedTabs.push(url);
        return { id: 100 + openedTabs.length };
      },
    },
    i18n: {
      getMessage: (key, subs) => {
        const text = t(key, subs === undefined ? [] : typeof subs === 'string' ? [subs] : subs);
        return text === key ? '' : text;
      },
      getUILanguage: () => 'en',
    },
  };

  const senders = {
    popup: { id: EXTENSION_ID, url: `${ORIGIN}/src/popup/index.html` } satisfies MessageSender,
    options: { id: EXTENSION_ID, url: `${ORIGIN}/src/options/index.html` } satisfies MessageSender,
    content: (tabId = 7, url = 'https://ads.tiktok.com/i18n/account/payment?aadvid=123'): MessageSender => ({
      id: EXTENSION_ID,
      url,
      tab: {
        id: tabId,
        index: 0,
        highlighted: false,
        active: true,
        pinned: false,
        incognito: false,
        url,
      } as MessageSender['tab'],
    }),
    foreignExtension: {
      id: 'someoneelse',
      url: 'chrome-extension://someoneelse/page.html',
    } satisfies MessageSender,
    webPage: { id: EXTENSION_ID, url: 'https://evil.example/' } satisfies MessageSender,
  };

  /** Delivers a message as the browser does: the first listener that returns a promise answers. */
  async function send(message: unknown, sender: MessageSender): Promise<unknown> {
    for (const answer of events.message.fire(copy(message), sender)) {
      if (answer instanceof Promise) return copy(await answer);
    }
    throw new Error('Could not establish connection. Receiving end does not exist.');
  }

  return Object.assign(fake, {
    browser,
    storage,
    clock,
    alarms,
    notifications,
    badge,
    openedTabs,
    senders,
    extensionId: EXTENSION_ID,
    send,
    failNextWrites(count: number, error: () => Error = () => new QuotaError()) {
      failures = Array.from({ length: count }, error);
    },
    /** Moves the clock, firing each alarm as its time comes (an alarm fires once: we only use `when`). */
    advance(ms: number) {
      const target = clock.now + ms;
      for (;;) {
        const next = [...alarms.values()]
          .filter((a) => a.scheduledTime <= target)
          .sort((a, b) => a.scheduledTime - b.scheduledTime)[0];
        if (!next) break;
        clock.now = Math.max(clock.now, next.scheduledTime);
        alarms.delete(next.name);
        events.alarm.fire(next);
      }
      clock.now = target;
    },
    /** From now on notifications.create rejects with this message (null: shows them again). */
    refuseNotifications(message: string | null) {
      refusal = message;
    },
    clickNotification(id: string, button?: number) {
      if (button === undefined) events.clicked.fire(id);
      else events.button.fire(id, button);
    },
    install(reason: 'install' | 'update' = 'install') {
      events.installed.fire({ reason });
    },
    startup() {
      events.startup.fire();
    },
    restartWorker() {
      for (const e of Object.values(events)) e.clear();
    },
    listenerCount: () => events.message.listeners.length,
  });
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;
