// Alarms, notifications, the toolbar badge, tabs, i18n and lifecycle events: thin typed wrappers, so the
// worker and the UIs never touch browser.* themselves.
//
//   armAlarm(name, when | null)           one alarm per name, re-armed (or cleared for null)
//   onAlarm(name, listener)               listener for that alarm only
//   onLifecycle({ installed, startup })   runtime.onInstalled (with reason) / runtime.onStartup
//   notificationButtonsSupported()        Chrome: true; Firefox has no buttons (it only stubs the event)
//   showNotification(id, { title, body, buttons })   buttons dropped where unsupported; resolves to
//                                         whether the browser accepted it (never rejects)
//   onNotificationClicked(listener) / onNotificationButton(listener)
//   setBadgeCount(count)                  empty badge for 0
//   openTab(url)                          tabs.create: needs no "tabs" permission
//   openOptions()                         runtime.openOptionsPage
//   translator(): Translate               browser.i18n.getMessage, for core functions that speak
import type { Translate } from '../core/i18n.ts';
import { api } from './browser.ts';

export function armAlarm(name: string, when: number | null): Promise<unknown> {
  const alarms = api().alarms;
  return when === null ? alarms.clear(name) : Promise.resolve(alarms.create(name, { when }));
}

export function onAlarm(name: string, listener: () => void): void {
  api().alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) listener();
  });
}

export function onLifecycle(listeners: { installed(reason: string): void; startup(): void }): void {
  const runtime = api().runtime;
  runtime.onInstalled.addListener((details) => listeners.installed(details.reason));
  runtime.onStartup.addListener(() => listeners.startup());
}

/**
 * Chrome and Edge show notification buttons. Firefox does not, yet it defines
 * `notifications.onButtonClicked` (a stub that never fires) and refuses `buttons` in create(): the event's
 * existence proves nothing. Only Firefox has runtime.getBrowserInfo.
 */
export function notificationButtonsSupported(): boolean {
  const browser = api();
  return browser.runtime.getBrowserInfo === undefined && browser.notifications.onButtonClicked !== undefined;
}

/** Whether the browser accepted a notification; when it did not, its own words for why. */
export type NotificationOutcome = { shown: true } | { shown: false; error: string };

export async function showNotification(
  id: string,
  content: { title: string; body: string; buttons: string[] },
): Promise<NotificationOutcome> {
  const browser = api();
  const plain = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: content.title,
    message: content.body,
  };
  const withButtons = notificationButtonsSupported() && content.buttons.length > 0;
  // Chrome's option; the polyfill's types are Firefox's, which have no buttons.
  const buttons = { ...plain, buttons: content.buttons.map((title) => ({ title })) };
  try {
    // Awaited inside try: Firefox refuses an option by throwing synchronously, not by rejecting.
    await browser.notifications.create(id, withButtons ? buttons : plain);
    return { shown: true };
  } catch (error) {
    if (!withButtons) return { shown: false, error: errorText(error) };
  }
  // A browser that refuses buttons and looks like Chrome (a fork, a future Firefox): the reminder
  // matters more than its buttons, and a click on it still opens the billing page.
  try {
    await browser.notifications.create(id, plain);
    return { shown: true };
  } catch (error) {
    return { shown: false, error: errorText(error) };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function onNotificationClicked(listener: (id: string) => void): void {
  api().notifications.onClicked.addListener(listener);
}

export function onNotificationButton(listener: (id: string, index: number) => void): void {
  api().notifications.onButtonClicked?.addListener(listener);
}

/** The badge color: urgent, and readable against the white badge text. */
const BADGE_COLOR = '#C62828';

export async function setBadgeCount(count: number): Promise<void> {
  const action = api().action;
  await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

export async function openTab(url: string): Promise<void> {
  await api().tabs.create({ url });
}

export function openOptions(): Promise<void> {
  return api().runtime.openOptionsPage();
}

export function translator(): Translate {
  const i18n = api().i18n;
  return (key, substitutions = []) => i18n.getMessage(key, substitutions.map(String));
}
