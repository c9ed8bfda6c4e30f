// The demo build's movable clock: npm start moves it with the mock page's date; every other build goes
// by the system clock whatever storage holds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_CLOCK_KEY } from '../../src/core/store/keys.ts';
import { daysAhead } from '../../scripts/demo-clock.ts';
import { createFakeBrowser } from '../fake-browser.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-12-06T15:00:00Z');

async function clockWith(stored: unknown, mode: string) {
  vi.resetModules();
  vi.stubEnv('MODE', mode);
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  const fake = createFakeBrowser({ now: NOW.getTime() });
  if (stored !== undefined) await fake.browser.storage.local.set({ [DEMO_CLOCK_KEY]: stored });
  // A fresh module: the platform's browser seam is shared, the clock's offset is not.
  const { setBrowser } = await import('../../src/platform/browser.ts');
  setBrowser(fake.browser);
  const clock = await import('../../src/platform/clock.ts');
  const moved = vi.fn();
  await clock.followDemoClock(moved);
  return { clock, moved, fake };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe('the demo clock', () => {
  it('is the system clock in every build but the demo, whatever storage holds', async () => {
    for (const mode of ['production', 'firefox', 'test']) {
      const { clock, moved, fake } = await clockWith(29 * DAY, mode);
      expect(clock.clockNow()).toBe(NOW.getTime());
      await fake.browser.storage.local.set({ [DEMO_CLOCK_KEY]: 3 * DAY });
      expect(clock.clockNow()).toBe(NOW.getTime());
      expect(moved).not.toHaveBeenCalled();
    }
  });

  it('in the demo build, goes by the stored offset and follows it as the demo moves days', async () => {
    const { clock, moved, fake } = await clockWith(5 * DAY, 'demo');
    expect(clock.clockNow()).toBe(NOW.getTime() + 5 * DAY);
    expect(moved).toHaveBeenCalledTimes(1);
    await fake.browser.storage.local.set({ [DEMO_CLOCK_KEY]: 6 * DAY });
    expect(clock.clockNow()).toBe(NOW.getTime() + 6 * DAY);
    expect(moved).toHaveBeenCalledTimes(2);
    // Anything but a number of ms is no offset.
    await fake.browser.storage.local.set({ [DEMO_CLOCK_KEY]: 'tomorrow' });
    expect(clock.clockNow()).toBe(NOW.getTime());
  });

  it("moves the extension to the demo page date, whole days from this computer's today", () => {
    const today = new Date(2026, 11, 6, 23, 30);
    expect(daysAhead('2026-12-06', today)).toBe(0);
    expect(daysAhead('2026-12-11', today)).toBe(5);
    expect(daysAhead('2027-01-05', today)).toBe(30);
    expect(daysAhead('2026-12-05', today)).toBe(-1);
    for (const bad of ['2026-12-06T00:00', 5, null, '9999-01-01', 'Dec 6'])
      expect(daysAhead(bad, today)).toBeNull();
  });
});
