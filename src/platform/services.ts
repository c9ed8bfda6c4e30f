// Alarms, notifications, the toolbar badge, tabs, i18n and lifecycle events: thin typed wrappers, so the
// worker and the UIs never touch browser.* themselves.
//
//   armAlarm(name, when | null)           one alarm per name, re-armed (or cleared for null)
//   onAlarm(name, listener)               listener for that alarm only
//   onLifecycle({ installed, startup })   runtime.onInstalled (with reason) / runtime.onStartup
//   notificationButtonsSupported()        Chrome: true; Firefox has no buttons (feature-detected)
//   showNotification(id, { title, body, buttons })   buttons dropped where unsupported
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

export function notificationButtonsSupported(): boolean {
  return api().notifications.onButtonClicked !== undefined;
}

export async function showNotification(
  id: string,
  content: { title: string; body: string; buttons: string[] },
): Promise<void> {
  const browser = api();
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: content.title,
    message: content.body,
    ...(notificationButtonsSupported() && content.buttons.length > 0
      ? { buttons: content.buttons.map((title) => ({ title })) }
      : {}),
  });
}

export function clearNotification(id: string): Promise<boolean> {
  return api().notifications.clear(id);
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
