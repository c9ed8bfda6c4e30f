// Who may talk to the extension: the page's window.postMessage reaches no listener of ours; a foreign
// extension, a web page or a look-alike host gets no answer at all; a content script may not send the
// messages that change kept data wholesale; and anything malformed is answered with a typed error.
// All through the worker's real router on the fake browser, storage checked unchanged after each.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { startWorker } from '../../src/background/worker.ts';
import { FEATURES } from '../../src/content/features/index.ts';
import { watchPages } from '../../src/content/watch.ts';
import { CONTENT_TYPES, Message, type Result } from '../../src/core/messages.ts';
import { BACKUP_FORMAT, DEFAULT_SETTINGS, EMPTY_TERMS, type SeenPage } from '../../src/core/schemas.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { seenPage } from '../support/pages.ts';
import { PAYLOADS } from '../support/payloads.ts';
import { emptySnapshot, fakeDeps, pagePromotion, pageWindow, settle } from '../unit/content.harness.ts';
import { report, scaled } from './figures.ts';

let fake: FakeBrowser;

beforeEach(async () => {
  fake = createFakeBrowser({ now: Date.parse('2026-11-24T10:00:00Z') });
  setBrowser(fake.browser);
  await startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' }).idle();
});

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
});

const snapshot: SeenPage = seenPage(
  emptySnapshot({
    url: 'https://ads.tiktok.com/i18n/account/payment?aadvid=1',
    accountId: '1',
    balance: { total: 5, cash: 5, credit: 0 },
  }),
);
const ref = { accountId: '1', id: 'code:X' };

/** One valid message of every type: what a foreign sender would try. */
const EVERY_TYPE: Message[] = [
  { type: 'snapshot', snapshot },
  { type: 'redeem-attempt', accountId: '1', code: 'X', error: null, succeeded: true, lang: 'en' },
  { type: 'terms-text', accountId: '1', code: 'X', text: 'Spend $50 get $50', lang: 'en' },
  { type: 'report-open' },
  { type: 'panel-collapsed', accountId: '1', collapsed: true },
  { type: 'held-answer', promotion: ref, apply: false },
  {
    type: 'promotion-save',
    existing: null,
    draft: { code: 'X', accountId: '1', receivedOn: null, name: null, terms: EMPTY_TERMS },
  },
  { type: 'promotion-delete', promotion: ref },
  { type: 'reminder-snooze', promotion: ref },
  { type: 'quarantine-restore', id: 'q' },
  { type: 'quarantine-delete', id: 'q' },
  {
    type: 'data-import',
    backup: {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '2026-11-24T10:00:00.000Z',
      promotions: [],
      attempts: [],
      settings: DEFAULT_SETTINGS,
    },
  },
  { type: 'data-clear' },
  { type: 'settings-save', settings: { ...DEFAULT_SETTINGS, reminderDays: [1] } },
];

const stored = () => JSON.stringify(fake.storage);

it('tries a valid message of every type', () => {
  expect(EVERY_TYPE.filter((m) => !Message.safeParse(m).success)).toEqual([]);
  expect(new Set(EVERY_TYPE.map((m) => m.type))).toEqual(
    new Set(Message.def.options.flatMap((o) => o.shape.type.def.values)),
  );
});

describe('messages from outside', () => {
  it('ignores every message from a foreign extension, a web page or a look-alike host, without answering', async () => {
    const senders = [
      fake.senders.foreignExtension,
      fake.senders.webPage,
      { ...fake.senders.popup, id: 'someoneelse' },
      { ...fake.senders.popup, url: undefined },
      { ...fake.senders.popup, url: 'not a url' },
      fake.senders.content(3, 'https://ads.tiktok.com.evil.example/i18n/account/payment'),
      fake.senders.content(3, 'http://ads.tiktok.com/i18n/account/payment'),
      fake.senders.content(3, 'https://evil.example/?https://ads.tiktok.com/'),
      { ...fake.senders.content(3), id: 'someoneelse' },
    ];
    const before = stored();
    let ignored = 0;
    for (const sender of senders) {
      for (const message of EVERY_TYPE) {
        await expect(fake.send(message, sender)).rejects.toThrow(/Receiving end/);
        ignored += 1;
      }
    }
    expect(stored()).toBe(before);
    report(
      'messaging-foreign',
      `${ignored} messages from ${senders.length} foreign senders, ${ignored} ignored, 0 stored`,
    );
  });

  it('refuses wholesale changes from a content script with a typed error', async () => {
    const before = stored();
    const pageOnly = EVERY_TYPE.filter((m) => !CONTENT_TYPES.has(m.type));
    for (const message of pageOnly) {
      expect(await fake.send(message, fake.senders.content())).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.any(String) },
      });
    }
    expect(stored()).toBe(before);
    report(
      'messaging-forbidden',
      `${pageOnly.length} page-only types from a content script, ${pageOnly.length} forbidden`,
    );
  });

  it('answers malformed messages with invalid-message and stores nothing', async () => {
    const runs = scaled(1_000);
    // Arbitrary values, and valid messages with one field replaced by anything (or a hostile string).
    const broken = fc.oneof(
      fc.anything(),
      fc
        .tuple(
          fc.constantFrom(...EVERY_TYPE),
          fc.anything(),
          fc.constantFrom(...PAYLOADS.map((p) => p.text.slice(0, 500))),
        )
        .chain(([message, junk, text]) =>
          fc
            .constantFrom(...Object.keys(message))
            .map((field) => ({ ...message, [field]: field === 'type' ? text : junk })),
        ),
    );
    const values = fc.sample(broken, { seed: 7, numRuns: runs });
    const tally = { invalid: 0, accepted: 0, other: [] as unknown[] };
    for (const [i, value] of values.entries()) {
      const sender = i % 2 === 0 ? fake.senders.content() : fake.senders.popup;
      const before = stored();
      const answer = (await fake.send(value, sender)) as Result<unknown>;
      if (Message.safeParse(value).success) {
        tally.accepted += 1; // a replacement that happened to fit is a real message, not a malformed one
        continue;
      }
      const typed =
        !answer.ok && answer.error.code === 'invalid-message' && typeof answer.error.message === 'string';
      if (typed && stored() === before) tally.invalid += 1;
      else tally.other.push({ value, answer, storageChanged: stored() !== before });
    }
    report(
      'messaging-malformed',
      `${runs} messages, ${tally.invalid} rejected with invalid-message and nothing stored, ` +
        `${tally.accepted} happened to be valid, ${tally.other.length} other`,
    );
    expect(tally.other.slice(0, 3)).toEqual([]);
  }, 120_000);

  it('stores a snapshot whose account id and names hold unpaired surrogates (page text can)', async () => {
    const odd = '\uD800 offer \uDC00';
    const answer = await fake.send(
      {
        type: 'snapshot',
        snapshot: {
          ...snapshot,
          accountId: odd,
          promotions: [
            {
              name: odd,
              type: 'free',
              status: 'available',
              assigned: null,
              amount: '$5',
              unused: '$5',
              requirement: null,
              validDates: '',
              redeemed: '2026-11-01',
              progress: [],
            },
          ],
        },
      },
      fake.senders.content(),
    );
    expect(answer).toMatchObject({ ok: true, value: { changed: [{ accountId: odd }] } });
  });

  it('takes a snapshot whose promotions came packed in rows, as the content script sends them', async () => {
    const row = seenPage(emptySnapshot({ promotions: [pagePromotion()] })).promotions[0]!;
    const packed = { columns: Object.keys(row), rows: [Object.values(row)] };
    const answer = await fake.send(
      { type: 'snapshot', snapshot: { ...snapshot, promotions: packed } },
      fake.senders.content(),
    );
    expect(answer).toMatchObject({ ok: true, value: { changed: [{ id: 'page:welcomecredit|2026-11-01' }] } });
    const bad = await fake.send(
      { type: 'snapshot', snapshot: { ...snapshot, promotions: { ...packed, rows: [['x']] } } },
      fake.senders.content(),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it("never listens to the page's window.postMessage", async () => {
    const win = pageWindow(
      'https://ads.tiktok.com/i18n/account/payment?aadvid=1',
      '<!DOCTYPE html><html lang="en"><body><h1>Payment</h1></body></html>',
    );
    const added = vi.spyOn(win, 'addEventListener');
    const { deps, sent, frames } = fakeDeps();
    const stop = watchPages(win, deps, FEATURES);
    frames.frame();
    await settle();
    const sentBefore = sent.length;
    for (const message of EVERY_TYPE) win.postMessage(message, '*');
    win.postMessage({ type: 'snapshot', snapshot: { ...snapshot, accountId: 'attacker' } }, '*');
    await settle();
    frames.frame();
    await settle();
    stop();
    expect(added.mock.calls.map(([type]) => type)).not.toContain('message');
    expect(sent.slice(sentBefore).filter((m) => JSON.stringify(m).includes('attacker'))).toEqual([]);
    expect(
      sent
        .slice(sentBefore)
        .map((m) => m.type)
        .filter((t) => t !== 'snapshot'),
    ).toEqual([]);
    report(
      'messaging-postMessage',
      `${EVERY_TYPE.length + 1} window messages posted, 0 listeners, 0 forwarded`,
    );
  });
});
