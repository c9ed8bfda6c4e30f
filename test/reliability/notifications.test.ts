// Hostile promotion names reach notifications only as plain text, bounded in length, with our own icon;
// a page that makes many promotions due at once gets a few notifications, not one per row.
import { describe, expect, it } from 'vitest';
import { startWorker } from '../../src/background/worker.ts';
import { clip, MAX_NAME } from '../../src/core/limits.ts';
import { blankPromotion, EMPTY_TERMS } from '../../src/core/schemas.ts';
import { promoKey } from '../../src/core/store/layout.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { PAYLOADS } from '../support/payloads.ts';
import { DIGEST_LINES } from '../../src/core/reminders.ts';

interface Shown {
  type: string;
  title: string;
  message: string;
  iconUrl?: string;
}

let fake: FakeBrowser;
let worker: ReturnType<typeof startWorker>;

/**
 * Promotions named by `names`, all kept before the worker wakes (as one snapshot or an import leaves
 * them), whose activation deadline is near: what that wake shows.
 */
async function dueTogether(names: readonly string[]): Promise<Shown[]> {
  fake = createFakeBrowser({ now: Date.parse('2026-03-07T09:00:00Z') });
  setBrowser(fake.browser);
  for (const [i, name] of names.entries()) {
    const r = blankPromotion({
      id: `h${i}`,
      accountId: '123',
      name: clip(name, MAX_NAME),
      code: `H${i}`,
      receivedOn: '2026-03-01',
      terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', activateBy: '2026-03-08' },
      source: 'manual',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    fake.storage[promoKey(r.accountId, r.id)] = r;
  }
  worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
  await worker.idle();
  return [...fake.notifications.values()] as Shown[];
}

describe('hostile text in notifications', () => {
  it('shows every payload as bounded plain text', async () => {
    const shown: Shown[] = [];
    // As many at a time as one digest names line by line, so that every payload is shown.
    for (let i = 0; i < PAYLOADS.length; i += DIGEST_LINES) {
      const names = PAYLOADS.slice(i, i + DIGEST_LINES).map((p) => p.text);
      shown.push(...(await dueTogether(names)));
    }
    expect(shown.length).toBe(Math.ceil(PAYLOADS.length / DIGEST_LINES));
    for (const n of shown) {
      expect(n.type).toBe('basic');
      expect(typeof n.title).toBe('string');
      expect(typeof n.message).toBe('string');
      // A 100 KB coupon name must not become a 100 KB notification.
      expect(n.title.length + n.message.length).toBeLessThanOrEqual(600);
      expect(n.iconUrl ?? '').not.toMatch(/^(https?|javascript|data):/i);
    }
    console.log(
      `[reliability] notifications: ${PAYLOADS.length} hostile names, ${shown.length} shown as bounded text`,
    );
  });

  it('shows reminders due at once in one notification that names a few and counts the rest', async () => {
    const shown = await dueTogether(Array.from({ length: 60 }, (_, i) => `Row ${i}`));
    expect(shown).toHaveLength(1);
    const lines = shown[0]!.message.split('\n');
    expect(lines).toHaveLength(DIGEST_LINES + 1);
    expect(lines.at(-1)).toMatch(new RegExp(`^${60 - DIGEST_LINES} more promotions`));
    // Each was recorded as fired, the counted ones too: the next wake shows none of them again.
    fake.notifications.clear();
    fake.restartWorker();
    await startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' }).idle();
    expect(fake.notifications.size).toBe(0);
    console.log(
      `[reliability] notification-flood: 60 promotions due at once, ${shown.length} notifications shown`,
    );
  });
});
