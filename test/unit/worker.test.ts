import { beforeEach, describe, expect, it } from 'vitest';
import { summaryOf } from '../../src/background/summary.ts';
import { startWorker, REMINDER_ALARM } from '../../src/background/worker.ts';
import type { Message, Result } from '../../src/core/messages.ts';
import { DEFAULT_SETTINGS, EMPTY_TERMS, type PagePromotion, type SeenPage } from '../../src/core/schemas.ts';
import { glossaryFile } from '../../src/core/page/glossary.ts';
import { STALE_GLOSSARY_KEY } from '../../src/core/store/migrations/v4.ts';
import { KEY, promoKey, SCHEMA_VERSION, SUMMARY_SIZE, type Summary } from '../../src/core/store/layout.ts';
import { setBrowser, type MessageSender } from '../../src/platform/browser.ts';
import { sendToWorker } from '../../src/platform/messaging.ts';
import { readKept } from '../../src/platform/store.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { promotionsSnapshot, seenPage } from '../support/pages.ts';

const row = (over: Partial<PagePromotion> = {}): PagePromotion => ({
  name: 'Offer',
  type: 'conditional',
  status: 'earning',
  amount: 50,
  minSpend: 50,
  spent: 0,
  unused: null,
  redeemedOn: '2026-03-01',
  validFrom: null,
  validUntil: null,
  assigned: null,
  ...over,
});
const snapshot = (promotions: PagePromotion[], accountId = '123'): SeenPage =>
  seenPage(promotionsSnapshot(accountId, promotions, { balance: { total: 10, cash: 10, credit: 0 } }));
const draft = (code: string, over: Partial<typeof EMPTY_TERMS> = {}) => ({
  code,
  accountId: '123',
  receivedOn: '2026-03-01',
  name: null,
  terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', ...over },
});

let fake: FakeBrowser;
let worker: ReturnType<typeof startWorker>;

function boot() {
  worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
  return worker.idle();
}

const send = (message: Message, sender: MessageSender = fake.senders.popup) =>
  fake.send(message, sender) as Promise<Result<unknown>>;

beforeEach(async () => {
  fake = createFakeBrowser({ now: Date.parse('2026-03-05T10:00:00Z') });
  setBrowser(fake.browser);
  await boot();
});

describe('install and restart', () => {
  it('lays out storage at the current version on first wake', () => {
    expect(fake.storage).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      settings: DEFAULT_SETTINGS,
      attempts: [],
    });
    expect(fake.storage).not.toHaveProperty('promotions');
  });

  it('migrates an old flat store on wake, quarantining what it cannot place', async () => {
    fake = createFakeBrowser();
    setBrowser(fake.browser);
    const record = { ...(await makeRecord()), accountId: '77' };
    Object.assign(fake.storage, {
      schemaVersion: 1,
      settings: DEFAULT_SETTINGS,
      attempts: [],
      promotions: [record, 'junk'],
    });
    await boot();
    const kept = await readKept();
    expect(kept.promotions).toEqual([record]);
    expect(kept.quarantine.map((q) => q.raw)).toEqual(['junk']);
  });

  it('removes the page wordings an older build kept in storage, and writes none', async () => {
    expect(fake.storage).not.toHaveProperty(STALE_GLOSSARY_KEY);
    fake.storage[STALE_GLOSSARY_KEY] = glossaryFile();
    fake.storage[KEY.version] = 3;
    fake.restartWorker();
    await boot();
    expect(fake.storage).not.toHaveProperty(STALE_GLOSSARY_KEY);
    expect(fake.storage[KEY.version]).toBe(SCHEMA_VERSION);
  });

  it('keeps listeners registered synchronously (the message arriving with the wake is answered)', async () => {
    fake.restartWorker();
    worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
    const answer = await send({
      type: 'settings-save',
      settings: { ...DEFAULT_SETTINGS, reminderDays: [2] },
    });
    expect(answer.ok).toBe(true);
  });
});

async function makeRecord() {
  const f = createFakeBrowser();
  setBrowser(f.browser);
  startWorker({ now: () => f.clock.now, systemTimeZone: () => 'UTC' });
  const answer = (await f.send(
    { type: 'promotion-save', existing: null, draft: draft('ZZ1') },
    f.senders.popup,
  )) as Result<{ promotion: unknown }>;
  if (!answer.ok) throw new Error(answer.error.message);
  setBrowser(fake.browser);
  return answer.value.promotion as object;
}

describe('senders and validation', () => {
  const save: Message = { type: 'settings-save', settings: { ...DEFAULT_SETTINGS, reminderDays: [5] } };

  it('ignores foreign senders without answering', async () => {
    for (const sender of [
      fake.senders.foreignExtension,
      fake.senders.webPage,
      fake.senders.content(7, 'https://ads.tiktok.com.evil.example/x'),
      fake.senders.content(7, 'http://ads.tiktok.com/x'),
    ]) {
      await expect(send(save, sender)).rejects.toThrow(/Receiving end/);
    }
    expect(fake.storage.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses data-changing page messages from a content script', async () => {
    const answer = await send({ type: 'data-clear' }, fake.senders.content());
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
  });

  it('answers a malformed message with a typed error', async () => {
    expect(
      await fake.send({ type: 'snapshot', snapshot: { view: 'nope' } }, fake.senders.content()),
    ).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await fake.send({ type: 'launch-rockets' }, fake.senders.popup)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    expect(await fake.send(null, fake.senders.popup)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
  });

  it('sendToWorker resolves to a typed failure when nobody answers', async () => {
    fake.restartWorker();
    expect(await sendToWorker({ type: 'data-clear' })).toMatchObject({
      ok: false,
      error: { code: 'no-answer' },
    });
  });
});

describe('snapshot intake', () => {
  it('keeps one promotion seen from two tabs and records the balance per account', async () => {
    await Promise.all([
      send({ type: 'snapshot', snapshot: snapshot([row()]) }, fake.senders.content(1)),
      send(
        { type: 'snapshot', snapshot: snapshot([row({ spent: 5 })]) },
        fake.senders.content(2, 'https://business.tiktok.com/x'),
      ),
    ]);
    const kept = await readKept();
    expect(kept.promotions).toHaveLength(1);
    expect(kept.promotions[0]!.observations.map((o) => o.spent)).toEqual([0, 5]);
    expect(kept.balances['123']?.balance.total).toBe(10);
    expect(kept.latestSnapshot?.tabId).toBe(2);
  });

  // 500 serialized writes over a store that grows to 500 promotions: about 12 s alone, several times that
  // on a busy machine. The limit only stops a hang; nothing here is timed.
  it('loses no update from 5 senders x 100 interleaved writes', { timeout: 120_000 }, async () => {
    const sends = [];
    for (let i = 0; i < 100; i++) {
      for (let s = 0; s < 5; s++) {
        const rowOf = row({
          name: `Offer ${s}-${i}`,
          redeemedOn: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
          amount: s * 1000 + i,
        });
        sends.push(
          send({ type: 'snapshot', snapshot: snapshot([rowOf], `acct${s}`) }, fake.senders.content(s)),
        );
      }
    }
    const answers = await Promise.all(sends);
    expect(answers.every((a) => a.ok)).toBe(true);
    const kept = await readKept();
    expect(kept.promotions).toHaveLength(500);
    expect(Object.keys(kept.balances).sort()).toEqual(['acct0', 'acct1', 'acct2', 'acct3', 'acct4']);
  });

  it('records a refused code with its diagnosis and a success as an activated promotion asking for terms', async () => {
    const refused = await send(
      {
        type: 'redeem-attempt',
        accountId: '123',
        code: 'ABCD-1234',
        error: 'The code has expired',
        succeeded: false,
        lang: 'en',
      },
      fake.senders.content(),
    );
    expect(refused.ok).toBe(true);
    const accepted = await send(
      {
        type: 'redeem-attempt',
        accountId: '123',
        code: 'WXYZ5678',
        error: null,
        succeeded: true,
        lang: 'en',
      },
      fake.senders.content(),
    );
    expect(accepted).toMatchObject({
      ok: true,
      value: { promotion: { status: 'activated', termsNeeded: true, code: 'WXYZ5678' } },
    });
    const kept = await readKept();
    expect(kept.attempts).toHaveLength(2);
    expect(kept.attempts[0]!.reasons.length).toBeGreaterThan(0);
    const terms = await send(
      {
        type: 'terms-text',
        accountId: '123',
        code: null,
        text: 'Spend $50 within 30 days, get $50 in ad credit',
        lang: 'en',
      },
      fake.senders.content(),
    );
    expect(terms).toMatchObject({
      ok: true,
      value: { promotion: { termsNeeded: false, terms: { amount: 50, minSpend: 50, spendWindowDays: 30 } } },
    });
  });
});

describe('quarantine', () => {
  it('sets a broken record aside on wake, keeps readers working, and restores it once edited', async () => {
    const key = promoKey('123', 'code:BAD');
    fake.storage[key] = { id: 'code:BAD', accountId: '123', status: 'sideways' };
    fake.restartWorker();
    await boot();
    let kept = await readKept();
    expect(kept.promotions).toEqual([]);
    expect(fake.storage).not.toHaveProperty(key);
    const [item] = kept.quarantine;
    expect(item).toMatchObject({ key, raw: { status: 'sideways' } });
    expect(await send({ type: 'quarantine-restore', id: item!.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-value' },
    });
    const fixed = await send({ type: 'promotion-save', existing: null, draft: draft('GOOD') });
    const edited = {
      ...(fixed as { value: { promotion: object } }).value.promotion,
      id: 'code:BAD',
      code: 'BAD',
    };
    await send({ type: 'promotion-delete', promotion: { accountId: '123', id: 'code:GOOD' } });
    expect(await send({ type: 'quarantine-restore', id: item!.id, value: edited })).toEqual({
      ok: true,
      value: null,
    });
    kept = await readKept();
    expect(kept.quarantine).toEqual([]);
    expect(kept.promotions.map((p) => p.id)).toEqual(['code:BAD']);
  });

  it('reads around an invalid value before the worker has moved it', async () => {
    fake.storage[promoKey('1', 'x')] = 42;
    const kept = await readKept();
    expect(kept.invalid).toMatchObject([{ key: promoKey('1', 'x'), raw: 42 }]);
  });

  it('deletes a quarantined item on request', async () => {
    fake.storage['quarantine:q1'] = {
      id: 'q1',
      key: 'promo:1:x',
      reason: 'r',
      at: '2026-03-01T00:00:00.000Z',
      raw: 1,
    };
    expect(await send({ type: 'quarantine-delete', id: 'q1' })).toEqual({ ok: true, value: null });
    expect(await send({ type: 'quarantine-delete', id: 'q1' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('quota', () => {
  it('answers a typed error and loses nothing already kept', async () => {
    await send({ type: 'promotion-save', existing: null, draft: draft('KEEP1') });
    const before = JSON.stringify(fake.storage);
    fake.quotaBytes = before.length + 10;
    const answer = await send(
      {
        type: 'snapshot',
        snapshot: snapshot(
          Array.from({ length: 20 }, (_, i) => row({ name: `${i}`.padEnd(250, 'x'), amount: i + 1 })),
        ),
      },
      fake.senders.content(),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    expect(JSON.stringify(fake.storage)).toBe(before);
    fake.quotaBytes = 10 * 1024 * 1024;
    fake.failNextWrites(1);
    expect(
      await sendToWorker({ type: 'promotion-save', existing: null, draft: draft('KEEP2') }),
    ).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    expect((await readKept()).promotions.map((p) => p.code)).toEqual(['KEEP1']);
  });

  it('repairs kept data on wake in a nearly full storage', async () => {
    fake = createFakeBrowser();
    setBrowser(fake.browser);
    Object.assign(fake.storage, {
      schemaVersion: SCHEMA_VERSION,
      settings: DEFAULT_SETTINGS,
      attempts: [],
      [promoKey('123', 'broken')]: { id: 'broken' },
    });
    fake.quotaBytes = JSON.stringify(fake.storage).length + 4000;
    await boot();
    expect(Object.keys(fake.storage).filter((k) => k.startsWith('quarantine:'))).toHaveLength(1);
    expect(fake.storage).not.toHaveProperty(promoKey('123', 'broken'));
  });
});

describe('reminders, notifications and badge', () => {
  const activateBy = '2026-03-20';

  it('fires each reminder once across a worker restart and re-arms the alarm', async () => {
    await send({ type: 'promotion-save', existing: null, draft: draft('R1', { activateBy }) });
    await worker.idle();
    expect(fake.alarms.get(REMINDER_ALARM)?.scheduledTime).toBe(Date.parse('2026-03-13T09:00:00Z'));
    // 15 days to activate: not yet something to do now.
    expect(fake.badge.text).toBe('');
    fake.advance(Date.parse('2026-03-13T09:00:00Z') - fake.clock.now);
    await worker.idle();
    expect(fake.badge.text).toBe('1');
    expect([...fake.notifications.keys()]).toEqual([
      `${promoKey('123', 'code:R1')}|activation|${activateBy}|7`,
    ]);
    fake.notifications.clear();
    fake.restartWorker();
    await boot();
    fake.startup();
    await worker.idle();
    expect(fake.notifications.size).toBe(0);
    expect(fake.alarms.get(REMINDER_ALARM)?.scheduledTime).toBe(Date.parse('2026-03-17T09:00:00Z'));
  });

  it('opens the billing page on click and snoozes a day from the button', async () => {
    await send({ type: 'promotion-save', existing: null, draft: draft('R2', { activateBy }) });
    // The reminders of the save (the alarm they arm) follow its answer.
    await worker.idle();
    fake.advance(Date.parse('2026-03-13T09:00:00Z') - fake.clock.now);
    await worker.idle();
    const [id] = [...fake.notifications.keys()];
    const options = fake.notifications.get(id!) as { title: string; message: string; buttons: unknown[] };
    expect(options).toMatchObject({
      title: 'Activate your promotion code',
      message: 'R2 · $50.00 · 7 days left (deadline Mar 20, 2026)',
    });
    expect(options.buttons).toHaveLength(2);
    fake.clickNotification(id!);
    expect(fake.openedTabs).toEqual(['https://ads.tiktok.com/i18n/account/payment?aadvid=123']);
    fake.clickNotification(id!, 1);
    await worker.idle();
    expect(Object.keys((await readKept()).reminders.snoozed)).toEqual([promoKey('123', 'code:R2')]);
  });

  it('shows reminders due together as one notification', async () => {
    await send({ type: 'promotion-save', existing: null, draft: draft('D1', { activateBy }) });
    await send({ type: 'promotion-save', existing: null, draft: draft('D2', { activateBy }) });
    fake.advance(Date.parse('2026-03-13T09:00:00Z') - fake.clock.now);
    await worker.idle();
    const shown = [...fake.notifications.values()] as Array<{
      title: string;
      message: string;
      buttons: unknown[];
    }>;
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: '2 promotions need you' });
    expect(shown[0]!.message.split('\n')).toHaveLength(2);
    expect(shown[0]!.buttons).toHaveLength(1);
    expect(Object.keys((await readKept()).reminders.fired)).toHaveLength(2);
  });

  it('shows plain notifications where buttons are unsupported (Firefox)', async () => {
    fake = createFakeBrowser({ now: Date.parse('2026-03-13T09:00:00Z'), firefox: true });
    setBrowser(fake.browser);
    await boot();
    await send({ type: 'promotion-save', existing: null, draft: draft('R3', { activateBy }) });
    await worker.idle();
    expect([...fake.notifications.values()]).toEqual([
      expect.not.objectContaining({ buttons: expect.anything() }),
    ]);
  });

  it('clears everything but keeps a usable layout', async () => {
    await send({ type: 'promotion-save', existing: null, draft: draft('C1') });
    expect(await send({ type: 'data-clear' })).toEqual({ ok: true, value: null });
    await worker.idle();
    const { [KEY.summary]: summary, ...rest } = fake.storage;
    expect(rest).toEqual({ schemaVersion: SCHEMA_VERSION, settings: DEFAULT_SETTINGS });
    expect((summary as Summary).promotions).toEqual([]);
    expect(fake.badge.text).toBe('');
  });
});

describe('summary', () => {
  const stored = () => fake.storage[KEY.summary] as Summary;
  const names = () => stored().promotions.map((p) => p.code);
  const save = (code: string) => send({ type: 'promotion-save', existing: null, draft: draft(code) });
  /** The keys of each storage write from now on, in order. */
  const writes = () => {
    const seen: string[][] = [];
    fake.browser.storage.onChanged.addListener((changes) => void seen.push(Object.keys(changes).sort()));
    return seen;
  };

  it('is written in the same write as the promotions it ranks, and agrees with them after every change', async () => {
    const seen = writes();
    await save('S0');
    expect(seen[0]).toEqual([KEY.summary, promoKey('123', 'code:S0')].sort());
    for (let i = 1; i < SUMMARY_SIZE + 2; i++) {
      await save(`S${i}`);
      expect(stored()).toEqual(summaryOf(await readKept(), fake.clock.now, 'UTC'));
    }
    expect(stored().promotions).toHaveLength(SUMMARY_SIZE);
    const [first] = stored().promotions;
    await send({ type: 'promotion-delete', promotion: { accountId: first!.accountId, id: first!.id } });
    expect(names()).not.toContain(first!.code);
    expect(stored()).toEqual(summaryOf(await readKept(), fake.clock.now, 'UTC'));
  });

  it('carries the snoozes of its promotions', async () => {
    await save('Z1');
    await send({ type: 'reminder-snooze', promotion: { accountId: '123', id: 'code:Z1' } });
    expect(Object.keys(stored().snoozed)).toEqual([promoKey('123', 'code:Z1')]);
  });

  it('is rebuilt on wake when broken or of another day, never quarantined, and left alone when current', async () => {
    await save('W1');
    fake.storage[KEY.summary] = { day: 'junk' };
    fake.restartWorker();
    await boot();
    expect(names()).toEqual(['W1']);
    expect((await readKept()).quarantine).toEqual([]);

    const seen = writes();
    fake.restartWorker();
    await boot();
    expect(seen).toEqual([]);

    fake.advance(24 * 60 * 60 * 1000);
    fake.restartWorker();
    await boot();
    expect(stored().day).toBe('2026-03-06');
  });

  it('does not change when only attempts do', async () => {
    await save('A1');
    const seen = writes();
    await send({
      type: 'redeem-attempt',
      accountId: '123',
      code: 'NOPE',
      error: 'Invalid code',
      succeeded: false,
      lang: 'en',
    });
    expect(seen.flat()).toEqual([KEY.attempts]);
  });
});
