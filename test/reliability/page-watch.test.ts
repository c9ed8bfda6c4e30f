// The content script facing a page that misbehaves while it stays open: one that names another ad
// account without navigating, one whose snapshots the worker refuses, and one that reads its own
// performance timeline to tell that the extension is there.
import { describe, expect, it, vi } from 'vitest';
import { watchPages } from '../../src/content/watch.ts';
import type { ContentDeps, Outgoing } from '../../src/content/types.ts';
import type { Result } from '../../src/core/messages.ts';
import { fakeDeps, headingReader, pageWindow, settle } from '../unit/content.harness.ts';
import { pagePromotion } from '../unit/content.harness.ts';
import { report } from './figures.ts';

const PAYMENT = 'https://ads.tiktok.com/i18n/account/payment?aadvid=111';
const PAGE =
  '<!DOCTYPE html><html lang="en"><head></head><body><h1>Payment</h1><p id="acct">111</p><p id="bal">0</p><ul></ul></body></html>';

/** Reads the account from the page's text and one promotion row per list item. */
function textReader() {
  const base = headingReader();
  return {
    ...base,
    read(...args: Parameters<typeof base.read>) {
      const [doc] = args;
      const reading = base.read(...args);
      const rows = [...doc.querySelectorAll('li')].map((li) => pagePromotion({ name: li.textContent }));
      return {
        ...reading,
        snapshot: {
          ...reading.snapshot,
          accountId: doc.getElementById('acct')?.textContent ?? null,
          balance: { total: Number(doc.getElementById('bal')!.textContent), cash: null, credit: null },
          promotions: rows,
        },
      };
    },
  };
}

const snapshots = (sent: Outgoing[]) => sent.filter((m) => m.type === 'snapshot');

describe('a page that stays open', () => {
  it('is not followed when it names another ad account without navigating', async () => {
    const win = pageWindow(PAYMENT, PAGE);
    const { deps, frames, sent } = fakeDeps({ reader: textReader() as unknown as ContentDeps['reader'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    watchPages(win, deps, []);
    frames.frame();
    expect(snapshots(sent)).toHaveLength(1);
    win.document.getElementById('acct')!.textContent = '999';
    win.document
      .querySelector('ul')!
      .append(Object.assign(win.document.createElement('li'), { textContent: 'x' }));
    await settle();
    frames.frame();
    expect(snapshots(sent).map((m) => (m.type === 'snapshot' ? m.snapshot.accountId : null))).toEqual([
      '111',
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    // A real navigation to the other account is followed.
    win.history.pushState({}, '', 'https://ads.tiktok.com/i18n/account/payment?aadvid=999');
    win.document.querySelector('ul')!.append(win.document.createElement('li'));
    await settle();
    frames.frame();
    expect(snapshots(sent).map((m) => (m.type === 'snapshot' ? m.snapshot.accountId : null))).toEqual([
      '111',
      '999',
    ]);
  });

  it('sends nothing after a refusal until its rows change, and never the same failing snapshot', async () => {
    const win = pageWindow(PAYMENT, PAGE);
    let refusals = 0;
    const sent: Outgoing[] = [];
    const send = (async (m: Outgoing): Promise<Result<unknown>> => {
      sent.push(m);
      if (m.type !== 'snapshot') return { ok: true, value: [] };
      refusals += 1;
      return { ok: false, error: { code: 'quota-exceeded', message: 'full' } };
    }) as ContentDeps['send'];
    const { deps, frames } = fakeDeps({ reader: textReader() as unknown as ContentDeps['reader'], send });
    watchPages(win, deps, []);
    frames.frame();
    await settle();
    const balance = win.document.getElementById('bal')!;
    // The page keeps changing everything but its rows: 50 re-renders.
    for (let i = 1; i <= 50; i++) {
      balance.textContent = String(i);
      await settle();
      frames.frame();
      await settle();
    }
    const resent = snapshots(sent).length - 1;
    expect(resent).toBe(0);
    // New rows: one more try.
    win.document.querySelector('ul')!.append(win.document.createElement('li'));
    await settle();
    frames.frame();
    await settle();
    expect(snapshots(sent)).toHaveLength(2);
    report(
      'snapshot-refusals',
      `50 page changes after a quota refusal: ${resent} snapshots resent before the rows changed`,
    );
    expect(refusals).toBe(2);
  });

  it('leaves no acg:* entries in the page’s timeline outside bench builds', async () => {
    const win = pageWindow(PAYMENT, PAGE);
    const measure = vi.spyOn(win.performance, 'measure');
    const { deps, frames } = fakeDeps();
    watchPages(win, deps, []);
    frames.frame();
    await settle();
    expect(measure).not.toHaveBeenCalled();
  });
});
