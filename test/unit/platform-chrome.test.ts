// The Chrome adapter: listeners that answer with a promise reach a chrome.runtime.onMessage that only knows
// `return true` + sendResponse, and every other call goes through to chrome.* unchanged.
import { describe, expect, it, vi } from 'vitest';
import type { Ev, MessageListener, MessageSender, PlatformBrowser } from '../../src/platform/browser.ts';
import { fromChrome, type ChromeApi, type ChromeMessageListener } from '../../src/platform/chrome.ts';

const SENDER: MessageSender = { id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' };

function fakeChrome() {
  const listeners: ChromeMessageListener[] = [];
  const onMessage: Ev<ChromeMessageListener> = {
    addListener: (l) => void (listeners.includes(l) || listeners.push(l)),
    removeListener: (l) => void listeners.splice(listeners.indexOf(l) >>> 0, 1),
  };
  const runtime = {
    id: 'ext' as string | undefined,
    getURL: (path: string) => `chrome-extension://ext/${path}`,
    sendMessage: vi.fn(() =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    ),
    onMessage,
    onInstalled: { addListener() {}, removeListener() {} },
    onStartup: { addListener() {}, removeListener() {} },
    openOptionsPage: vi.fn(() => Promise.resolve()),
  };
  const chrome = { runtime, storage: { local: {} }, i18n: {} } as unknown as ChromeApi;
  /** Delivers a message as Chrome does: the listeners' return values, and the answer sent, if any. */
  const deliver = (message: unknown) => {
    let answered: (answer: unknown) => void = () => {};
    const answer = new Promise<unknown>((resolve) => (answered = resolve));
    const returned = listeners.map((l) => l(message, SENDER, answered));
    return { returned, answer };
  };
  return { chrome, runtime, listeners, deliver };
}

describe('fromChrome', () => {
  it('answers a message with what the listener resolves to, keeping the channel open meanwhile', async () => {
    const { chrome, deliver } = fakeChrome();
    fromChrome(chrome).runtime.onMessage.addListener(async (message) => ({ ok: true, value: message }));
    const { returned, answer } = deliver('ping');
    expect(returned).toEqual([true]);
    await expect(answer).resolves.toEqual({ ok: true, value: 'ping' });
  });

  it('leaves a message it does not answer to the other listeners', () => {
    const { chrome, deliver } = fakeChrome();
    fromChrome(chrome).runtime.onMessage.addListener(() => undefined);
    expect(deliver('ping').returned).toEqual([undefined]);
  });

  it('answers nothing, rather than never, when the listener rejects', async () => {
    const { chrome, deliver } = fakeChrome();
    fromChrome(chrome).runtime.onMessage.addListener(() => Promise.reject(new Error('boom')));
    await expect(deliver('ping').answer).resolves.toBeUndefined();
  });

  it('removes the listener that was added, and adds the same listener once', () => {
    const { chrome, listeners } = fakeChrome();
    const events = fromChrome(chrome).runtime.onMessage;
    const listener: MessageListener = async () => 'x';
    events.addListener(listener);
    events.addListener(listener);
    expect(listeners).toHaveLength(1);
    events.removeListener(listener);
    expect(listeners).toHaveLength(0);
  });

  it('passes sendMessage rejections (no receiver) through, for the callers to report', async () => {
    const { chrome } = fakeChrome();
    await expect(fromChrome(chrome).runtime.sendMessage({ type: 'x' })).rejects.toThrow(/Receiving end/);
  });

  it('reads the extension id on each use and hands the other namespaces over as they are', () => {
    const { chrome, runtime } = fakeChrome();
    const browser: PlatformBrowser = fromChrome(chrome);
    expect(browser.runtime.id).toBe('ext');
    runtime.id = undefined;
    expect(browser.runtime.id).toBeUndefined();
    expect(browser.runtime.getURL('icons/icon-128.png')).toBe('chrome-extension://ext/icons/icon-128.png');
    expect(browser.storage).toBe(chrome.storage);
    expect(browser.i18n).toBe(chrome.i18n);
  });
});
