// Hostile promotion names reach notifications only as plain text, bounded in length, with our own icon.
import { beforeEach, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/background/worker.ts';
import { EMPTY_TERMS } from '../../src/core/schemas.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { PAYLOADS } from '../support/payloads.ts';

interface Shown {
  type: string;
  title: string;
  message: string;
  iconUrl?: string;
}

let fake: FakeBrowser;
let worker: ReturnType<typeof startWorker>;

beforeEach(async () => {
  fake = createFakeBrowser({ now: Date.parse('2026-03-05T10:00:00Z') });
  setBrowser(fake.browser);
  worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
  await worker.idle();
});

describe('hostile text in notifications', () => {
  it('shows every payload as bounded plain text', async () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      const answer = await fake.send(
        {
          type: 'promotion-save',
          existing: null,
          draft: {
            code: `H${i}`,
            accountId: '123',
            receivedOn: '2026-03-01',
            name: payload.text,
            terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', activateBy: '2026-03-08' },
          },
        },
        fake.senders.popup,
      );
      expect((answer as { ok: boolean }).ok, payload.name).toBe(true);
    }
    await worker.idle();
    fake.advance(Date.parse('2026-03-07T09:00:00Z') - fake.clock.now);
    await worker.idle();

    const shown = [...fake.notifications.values()] as Shown[];
    expect(shown.length).toBeGreaterThanOrEqual(PAYLOADS.length);
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
});
