// Reminders reach the advertiser or stay owed: a notification counts as fired only once the browser
// accepted it. Firefox is the case that lost them: it stubs notifications.onButtonClicked and throws on
// `buttons`, so the worker must neither trust the stub nor record a reminder the browser refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFUSAL_RETRY_MS, REMINDER_ALARM, startWorker } from '../../src/background/worker.ts';
import type { Message } from '../../src/core/messages.ts';
import { EMPTY_TERMS } from '../../src/core/schemas.ts';
import { MAX_REFUSAL_ERROR, promoKey } from '../../src/core/store/layout.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { notificationButtonsSupported } from '../../src/platform/services.ts';
import { readKept } from '../../src/platform/store.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';

// The activation deadline is 7 days after NOW: its 7-day reminder is due at once.
const NOW = Date.parse('2026-03-13T09:00:00Z');
const ACTIVATE_BY = '2026-03-20';
const REMINDER_ID = `${promoKey('123', 'code:N1')}|activation|${ACTIVATE_BY}|7`;
// The 3-day reminder of the same deadline: the alarm the worker arms when nothing is owed.
const NEXT_REMINDER_AT = Date.parse('2026-03-17T09:00:00Z');

let fake: FakeBrowser;
let worker: ReturnType<typeof startWorker>;

async function start(options: { firefox?: boolean } = {}) {
  fake = createFakeBrowser({ now: NOW, ...options });
  setBrowser(fake.browser);
  worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
  await worker.idle();
}

async function keepPromotionDueNow() {
  const message: Message = {
    type: 'promotion-save',
    existing: null,
    draft: {
      code: 'N1',
      accountId: '123',
      receivedOn: '2026-03-01',
      name: null,
      terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', activateBy: ACTIVATE_BY },
    },
  };
  await fake.send(message, fake.senders.popup);
  await worker.idle();
}

/** Moves the clock by ms, firing due alarms, and waits for the worker. */
async function advance(ms: number) {
  fake.advance(ms);
  await worker.idle();
}

describe('Firefox: a stub onButtonClicked and create() throwing on buttons', () => {
  beforeEach(() => start({ firefox: true }));

  it('is not taken for button support', () => {
    expect(fake.browser.notifications.onButtonClicked).toBeDefined();
    expect(notificationButtonsSupported()).toBe(false);
  });

  it('shows the reminder without buttons and records it as fired, once', async () => {
    await keepPromotionDueNow();
    expect([...fake.notifications.keys()]).toEqual([REMINDER_ID]);
    expect(fake.notifications.get(REMINDER_ID)).not.toHaveProperty('buttons');
    const state = (await readKept()).reminders;
    expect(Object.keys(state.fired)).toEqual([REMINDER_ID]);
    expect(state.refused).toBeUndefined();

    fake.notifications.clear();
    await advance(NEXT_REMINDER_AT - NOW - 1);
    expect(fake.notifications.size).toBe(0);
  });
});

describe('a browser that refuses the notification', () => {
  afterEach(() => fake.refuseNotifications(null));

  it('keeps the reminder unfired, records the refusal and shows it at the retry, exactly once', async () => {
    await start();
    fake.refuseNotifications('Notifications are blocked');
    await keepPromotionDueNow();

    expect(fake.notifications.size).toBe(0);
    let state = (await readKept()).reminders;
    expect(state.fired).toEqual({});
    expect(state.refused).toEqual({
      count: 1,
      lastError: 'Notifications are blocked',
      at: new Date(NOW).toISOString(),
    });
    expect(fake.alarms.get(REMINDER_ALARM)?.scheduledTime).toBe(NOW + REFUSAL_RETRY_MS);

    // Still refused at the retry: counted again, still owed.
    await advance(REFUSAL_RETRY_MS);
    state = (await readKept()).reminders;
    expect(state.fired).toEqual({});
    expect(state.refused?.count).toBe(2);
    expect(state.refused?.at).toBe(new Date(NOW + REFUSAL_RETRY_MS).toISOString());

    fake.refuseNotifications(null);
    await advance(REFUSAL_RETRY_MS);
    expect([...fake.notifications.keys()]).toEqual([REMINDER_ID]);
    state = (await readKept()).reminders;
    expect(state.fired).toEqual({ [REMINDER_ID]: new Date(NOW + 2 * REFUSAL_RETRY_MS).toISOString() });
    // The history stays for the options page; nothing is owed, so the alarm is the next reminder's.
    expect(state.refused?.count).toBe(2);
    expect(fake.alarms.get(REMINDER_ALARM)?.scheduledTime).toBe(NEXT_REMINDER_AT);

    fake.notifications.clear();
    await advance(NEXT_REMINDER_AT - fake.clock.now - 1);
    expect(fake.notifications.size).toBe(0);
  });

  it('keeps a long browser error bounded', async () => {
    await start();
    fake.refuseNotifications('x'.repeat(5000));
    await keepPromotionDueNow();
    expect((await readKept()).reminders.refused?.lastError).toHaveLength(MAX_REFUSAL_ERROR);
  });

  it('retries without buttons when a browser that looks like Chrome refuses them', async () => {
    await start();
    const create = fake.browser.notifications.create;
    fake.browser.notifications.create = (id, options) => {
      if ('buttons' in options) throw new Error('buttons are unsupported');
      return create(id, options);
    };
    await keepPromotionDueNow();
    expect(fake.notifications.get(REMINDER_ID)).not.toHaveProperty('buttons');
    expect(Object.keys((await readKept()).reminders.fired)).toEqual([REMINDER_ID]);
  });
});

describe('Chrome', () => {
  it('keeps the buttons', async () => {
    await start();
    expect(notificationButtonsSupported()).toBe(true);
    await keepPromotionDueNow();
    expect(fake.notifications.get(REMINDER_ID)).toHaveProperty('buttons', [
      { title: 'Open billing' },
      { title: 'Snooze 1 day' },
    ]);
  });
});
