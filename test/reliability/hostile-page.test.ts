// What a hostile page on the Ads Manager hosts can still make the extension do, through the only
// channel it has: the content script's reports (snapshots, redeem attempts) and the values they leave
// in storage. Each case is one finding of the adversarial review, run against the real worker on the
// fake browser; the summary lines go into SECURITY.md.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startWorker } from '../../src/background/worker.ts';
import { keptIn } from '../../src/content/kept.ts';
import { clipMessage, MAX_MESSAGE, MAX_ROWS, ACCOUNT_BUDGET_BYTES } from '../../src/core/limits.ts';
import type { Result } from '../../src/core/messages.ts';
import {
  blankPromotion,
  DEFAULT_SETTINGS,
  EMPTY_TERMS,
  type PagePromotion,
  type PageSnapshot,
  type PromotionRecord,
} from '../../src/core/schemas.ts';
import { MAX_UNBACKED_PER_VISIT } from '../../src/core/store/guard.ts';
import { HELD_PREFIX, KEY, MAX_SET_ASIDE_CHARS, promoKey } from '../../src/core/store/layout.ts';
import { DIGEST_LINES } from '../../src/core/reminders.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { readKept } from '../../src/platform/store.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { report } from './figures.ts';
import { promotionsSnapshot, seenPage } from '../support/pages.ts';

let fake: FakeBrowser;

const START = Date.parse('2026-03-07T09:00:00Z');

beforeEach(() => {
  fake = createFakeBrowser({ now: START });
  setBrowser(fake.browser);
});

afterEach(() => expect(Object.keys(Object.prototype)).toEqual([]));

async function boot() {
  fake.restartWorker();
  const worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
  await worker.idle();
  return worker;
}

const fromPage = (message: unknown, tab = 1) =>
  fake.send(message, fake.senders.content(tab)) as Promise<Result<unknown>>;
const fromOptions = (message: unknown) =>
  fake.send(message, fake.senders.options) as Promise<Result<unknown>>;

const bytes = (items: Record<string, unknown>) =>
  Object.entries(items).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);

/** A kept promotion whose activation deadline is tomorrow: its reminder is due now. */
const dueTomorrow = (i: number, accountId = '7000'): PromotionRecord =>
  blankPromotion({
    id: `due-${i}`,
    accountId,
    name: `Due ${i}`,
    code: `DUE${i}`,
    receivedOn: '2026-03-01',
    terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', activateBy: '2026-03-08' },
    source: 'manual',
    createdAt: '2026-03-01T10:00:00.000Z',
  });

const keep = (...records: PromotionRecord[]) => {
  for (const r of records) fake.storage[promoKey(r.accountId, r.id)] = r;
};

const row = (over: Partial<PagePromotion> = {}): PagePromotion => ({
  name: 'Offer',
  type: 'conditional',
  status: 'earning',
  amount: 50,
  minSpend: 50,
  spent: 10,
  unused: null,
  redeemedOn: '2026-02-01',
  validFrom: null,
  validUntil: '2026-04-30',
  assigned: null,
  ...over,
});

const page = (promotions: PagePromotion[], accountId = '7000', over: Partial<PageSnapshot> = {}) =>
  seenPage(promotionsSnapshot(accountId, promotions, over));

describe('a page that fills storage', () => {
  it('cannot silence reminders: due ones are shown with 127 bytes left', async () => {
    keep(...Array.from({ length: 13 }, (_, i) => dueTomorrow(i)));
    fake.storage[KEY.settings] = DEFAULT_SETTINGS;
    fake.storage[KEY.version] = 3;
    fake.quotaBytes = bytes(fake.storage) + 127;
    await boot();
    const shown = [...fake.notifications.keys()];
    // One digest for the 13: its title counts them all, its lines name the first few.
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^digest\|/);
    // Nothing could be recorded, so this worker does not show them again on its next wake-up…
    fake.notifications.clear();
    fake.advance(60 * 60 * 1000);
    await fromOptions({ type: 'reminder-snooze', promotion: { accountId: '7000', id: 'none' } });
    expect(fake.notifications.size).toBe(0);
    report(
      'storage-full-reminders',
      `13 reminders due with 127 bytes of storage left: ${shown.length} notification shown ` +
        `(a digest naming ${DIGEST_LINES} and counting ${13 - DIGEST_LINES} more)`,
    );
  });

  it('keeps a page’s over-long texts and long lists within bounds', async () => {
    await boot();
    const huge = 'E'.repeat(1_200_000);
    // Straight from a page's context, unclipped: refused whole, nothing stored.
    const before = bytes(fake.storage);
    const raw = await fromPage({
      type: 'redeem-attempt',
      accountId: '7000',
      code: 'BAD',
      error: huge,
      succeeded: false,
      lang: 'en',
    });
    expect(raw).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(bytes(fake.storage)).toBe(before);
    // As the content script sends it (clipped): three attempts keep a bounded error each.
    for (let i = 0; i < 3; i++) {
      const answer = await fromPage(
        clipMessage({
          type: 'redeem-attempt',
          accountId: '7000',
          code: `BAD${i}`,
          error: huge,
          succeeded: false,
          lang: 'en',
        }),
      );
      expect(answer.ok).toBe(true);
    }
    const attempts = (await readKept()).attempts;
    expect(attempts.every((a) => (a.error ?? '').length <= MAX_MESSAGE)).toBe(true);
    const afterAttempts = bytes(fake.storage) - before;

    // A 5,000-row page in one visit.
    const rows = Array.from({ length: 5000 }, (_, i) =>
      row({ name: `Row ${i} ${'n'.repeat(200)}`, redeemedOn: null, validFrom: null, amount: i + 1 }),
    );
    const listed = await fromPage(clipMessage({ type: 'snapshot', snapshot: page(rows, '8000') }));
    expect(listed.ok).toBe(true);
    const kept = await readKept();
    const account = kept.promotions.filter((r) => r.accountId === '8000');
    expect(account.length).toBeLessThanOrEqual(MAX_ROWS);
    const accountBytes = bytes(
      Object.fromEntries(Object.entries(fake.storage).filter(([k]) => k.startsWith('promo:8000:'))),
    );
    expect(accountBytes).toBeLessThanOrEqual(ACCOUNT_BUDGET_BYTES);
    report(
      'storage-bounds',
      `1.2 MB error text x3 stored as ${(afterAttempts / 1024).toFixed(1)} KB; 5,000-row page kept ` +
        `${account.length} promotions in ${(accountBytes / 1024 / 1024).toFixed(2)} MB (budget ` +
        `${ACCOUNT_BUDGET_BYTES / 1024 / 1024} MB)`,
    );
  });

  it('cannot keep Clear all from working', async () => {
    keep(...Array.from({ length: 20 }, (_, i) => dueTomorrow(i)));
    fake.storage[KEY.settings] = { ...DEFAULT_SETTINGS, reminderDays: [5] };
    await boot();
    fake.quotaBytes = bytes(fake.storage);
    const cleared = await fromOptions({ type: 'data-clear' });
    expect(cleared).toEqual({ ok: true, value: null });
    const left = Object.keys(fake.storage).filter((k) => k !== KEY.version);
    expect(left.filter((k) => k !== KEY.summary)).toEqual([KEY.settings]);
    expect(fake.storage[KEY.settings]).toEqual(DEFAULT_SETTINGS);
  });

  it('sets aside a 6 MB corrupt record as a bounded excerpt with its size', async () => {
    fake.storage[KEY.version] = 3;
    keep(dueTomorrow(1));
    const corrupt = { id: 'x', junk: 'J'.repeat(6 * 1024 * 1024) };
    fake.storage[promoKey('7000', 'huge')] = corrupt;
    await boot();
    const kept = await readKept();
    expect(kept.invalid).toEqual([]);
    expect(fake.storage[promoKey('7000', 'huge')]).toBeUndefined();
    const [item] = kept.quarantine;
    expect(item?.size).toBe(JSON.stringify(corrupt).length);
    expect((item?.raw as string).length).toBeLessThanOrEqual(MAX_SET_ASIDE_CHARS);
    expect(kept.promotions.map((p) => p.id)).toEqual(['due-1']);
    // The excerpt is not the value: restoring it as it is is refused.
    const restore = await fromOptions({ type: 'quarantine-restore', id: item!.id });
    expect(restore).toMatchObject({ ok: false, error: { code: 'invalid-value' } });
    report(
      'storage-huge-record',
      `6 MB corrupt record set aside as ${(JSON.stringify(item?.raw).length / 1024).toFixed(0)} KB ` +
        `with its size; storage after: ${(bytes(fake.storage) / 1024).toFixed(0)} KB`,
    );
  });
});

describe('values that pass a shape check but not a calendar', () => {
  it('are set aside, and the rest keeps its reminders', async () => {
    fake.storage[KEY.version] = 3;
    fake.storage[KEY.settings] = { ...DEFAULT_SETTINGS, timeZone: 'Mars/Olympus' };
    const good = dueTomorrow(1);
    const badDate = { ...dueTomorrow(2), terms: { ...good.terms, spendDeadline: '2026-02-30' } };
    const badWindow = { ...dueTomorrow(3), terms: { ...good.terms, spendWindowDays: 1e9 } };
    keep(good, badDate, badWindow);
    await boot();
    const kept = await readKept();
    expect(kept.promotions.map((p) => p.id)).toEqual(['due-1']);
    expect(kept.settings).toEqual(DEFAULT_SETTINGS);
    expect(kept.quarantine.map((q) => q.key).sort()).toEqual(
      [KEY.settings, promoKey('7000', 'due-2'), promoKey('7000', 'due-3')].sort(),
    );
    expect([...fake.notifications.keys()].filter((id) => id.includes('due-1'))).toHaveLength(1);
  });
});

describe('a page that claims another ad account', () => {
  const victim = () =>
    blankPromotion({
      id: 'offer|2026-02-01',
      accountId: '7000',
      name: 'Offer',
      status: 'processing',
      pageStatus: 'processing',
      activatedOn: '2026-02-01',
      metOn: '2026-03-01',
      validUntil: '2026-04-30',
      terms: { ...EMPTY_TERMS, amount: 50, minSpend: 50, currency: 'USD' },
      source: 'page',
      createdAt: '2026-02-01T10:00:00.000Z',
    });

  it('cannot end its promotions or move their dates by years without a confirmation', async () => {
    fake.storage[KEY.version] = 3;
    const before = victim();
    keep(before);
    await boot();
    const key = promoKey(before.accountId, before.id);
    const kept = (await readKept()).promotions[0]!;
    const attacks: PagePromotion[] = [
      row({ status: 'used', validUntil: '2099-12-31' }),
      row({ status: 'expired' }),
      row({ status: 'earning', validUntil: '2099-12-31' }),
    ];
    let rewritten = 0;
    for (const attack of attacks) {
      const answer = await fromPage({ type: 'snapshot', snapshot: page([attack]) });
      expect(answer).toMatchObject({ ok: true, value: { held: 1 } });
      const now = (await readKept()).promotions.find((p) => p.id === before.id)!;
      if (now.status !== kept.status || now.validUntil !== kept.validUntil) rewritten += 1;
    }
    expect(rewritten).toBe(0);
    const held = (await readKept()).held;
    expect(held.map((h) => h.key)).toEqual([key]);
    expect(Object.keys(fake.storage).filter((k) => k.startsWith(HELD_PREFIX))).toHaveLength(1);

    // Dismissed: what was kept stays. Held again and applied: the page's version is kept.
    expect(
      await fromOptions({
        type: 'held-answer',
        promotion: { accountId: '7000', id: before.id },
        apply: false,
      }),
    ).toEqual({ ok: true, value: null });
    expect((await readKept()).held).toEqual([]);
    await fromPage({ type: 'snapshot', snapshot: page([row({ status: 'used' })]) });
    await fromOptions({ type: 'held-answer', promotion: { accountId: '7000', id: before.id }, apply: true });
    expect((await readKept()).promotions.find((p) => p.id === before.id)?.status).toBe('used');
    report(
      'cross-account-writes',
      `${attacks.length} rewrites of another account's promotion (ended, 2099 end date, status back): ` +
        `${rewritten} applied, ${attacks.length} held for confirmation`,
    );
  });

  it('still moves a promotion one step forward, with no confirmation', async () => {
    fake.storage[KEY.version] = 3;
    keep(victim());
    await boot();
    const answer = await fromPage({ type: 'snapshot', snapshot: page([row({ status: 'available' })]) });
    expect(answer).toMatchObject({ ok: true, value: { held: 0 } });
    expect((await readKept()).promotions[0]?.status).toBe('available');
  });

  it('mints a bounded number of promotions from faked success messages', async () => {
    await boot();
    for (let i = 0; i < 40; i++) {
      const answer = await fromPage({
        type: 'redeem-attempt',
        accountId: '7000',
        code: `FAKE${i}`,
        error: null,
        succeeded: true,
        lang: 'en',
        snapshot: page([]),
      });
      expect(answer.ok).toBe(true);
    }
    const minted = (await readKept()).promotions.length;
    expect(minted).toBe(MAX_UNBACKED_PER_VISIT);
    expect((await readKept()).attempts).toHaveLength(40);
    report('fake-successes', `40 faked "code accepted" messages in one visit: ${minted} promotions created`);
  });
});

describe('a content-script context', () => {
  it('cannot reach storage.local in Chrome: the worker restricts it to trusted contexts', async () => {
    const levels: string[] = [];
    fake.browser.storage.local.setAccessLevel = async ({ accessLevel }) => void levels.push(accessLevel);
    await boot();
    expect(levels).toEqual(['TRUSTED_CONTEXTS']);
  });

  it('is answered only its own account’s promotions, and may not send reasons of its own', async () => {
    keep(dueTomorrow(1, '7000'), dueTomorrow(2, '9000'));
    await boot();
    const answered = await fromPage({ type: 'snapshot', snapshot: page([], '7000', { view: 'payment' }) });
    expect(answered).toMatchObject({ ok: true });
    const kept = keptIn((answered as { value: unknown }).value, '7000');
    expect(kept?.promotions.map((v) => v.name)).toEqual(['Due 1']);
    const forged = await fromPage({
      type: 'redeem-attempt',
      accountId: '7000',
      code: 'X1',
      error: 'Code expired',
      succeeded: false,
      lang: 'en',
      reasons: [
        { id: 'unknown', likelihood: 1, evidence: [], fix: 'Re-enter your card at https://evil.example' },
      ],
    });
    expect(forged.ok).toBe(true);
    const stored = (await readKept()).attempts[0]!;
    expect(JSON.stringify(stored.reasons)).not.toContain('evil.example');
  });
});
