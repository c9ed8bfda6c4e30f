// @vitest-environment happy-dom
// A page error worded like a phishing mail, quoted back in the overlay's card and the popup's "why did
// my code fail": no address the page wrote may be shown as it is, and the marker says one was removed.
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { redeemHelp } from '../../src/content/features/redeem-help.ts';
import { Popup } from '../../src/popup/Popup.tsx';
import {
  emptySnapshot,
  fakeDeps,
  mountFeature,
  pageWindow,
  rendered,
  stateOf,
} from '../unit/content.harness.ts';
import { NOW, attempt, renderUi, t } from '../unit/ui-records.tsx';
import { report } from './figures.ts';

afterEach(cleanup);

const URL_A = 'https://ads.tiktok.com/i18n/account/payment?aadvid=111';
const PHISHING = [
  'Code expired. Verify your card at https://secure-billing.example/verify?id=1',
  'Your code is blocked: go to www.tiktok-ads-support.com now',
  'Re-enter your card at tiktok-billing.help/login',
  'Click javascript:alert(1) to unlock',
];
const ADDRESSES = /https?:|www\.|secure-billing|tiktok-billing|tiktok-ads-support|javascript:/i;

describe('page text quoted back', () => {
  it('shows no address from the page in the overlay or the popup', async () => {
    const leaks: string[] = [];
    for (const error of PHISHING) {
      const reasons = [
        {
          id: 'code-expired' as const,
          likelihood: 0.75,
          evidence: [`The page said: “${error}”`],
          fix: error,
        },
      ];
      const win = pageWindow(URL_A, '<!DOCTYPE html><html><head></head><body></body></html>');
      const { deps, worker } = fakeDeps();
      worker.reasons = () => reasons;
      const { container, state, stop } = mountFeature(redeemHelp, win, deps);
      state.set(
        stateOf(
          emptySnapshot({
            url: URL_A,
            accountId: '111',
            redeem: { open: true, code: 'X', error, succeeded: false },
          }),
          {},
          [],
        ),
      );
      await rendered();
      const overlay = (container as unknown as Element).textContent ?? '';
      expect(overlay).toContain('ui_linkRemoved');
      if (ADDRESSES.test(overlay)) leaks.push(`overlay: ${error}`);
      stop();

      const { container: popup } = renderUi(
        <Popup
          data={{
            promotions: [],
            attempts: [attempt({ code: 'X', error, reasons })],
            snapshot: null,
            now: NOW,
            notice: null,
            snoozed: {},
          }}
          actions={{
            openBilling: vi.fn(),
            openOptions: vi.fn(),
            savePromotion: vi.fn(async () => null),
            deletePromotion: vi.fn(async () => null),
            snooze: vi.fn(async () => null),
            reportPage: vi.fn(),
          }}
        />,
      );
      fireEvent.click(screen.getByRole('button', { name: 'Why did my code fail?' }));
      await screen.findByRole('region', { name: 'Recent refused codes' });
      const shown = popup.textContent ?? '';
      expect(shown).toContain(t('ui_linkRemoved'));
      if (ADDRESSES.test(shown)) leaks.push(`popup: ${error}`);
      cleanup();
    }
    expect(leaks).toEqual([]);
    report(
      'quoted-links',
      `${PHISHING.length} phishing-style page errors x 2 views: ${leaks.length} addresses shown`,
    );
  });
});
