// The popup and the options page over storage a hostile page or backup left behind, before the worker
// has set anything aside: values that pass a shape check but not a calendar or Intl, a huge record set
// aside as an excerpt, a page's change held for confirmation, storage nearly full. Each view renders
// the rest, and the options page keeps "Clear all" within reach. In Node, with the pages rendered into a
// happy-dom Window of their own (as test/unit/kept.test.tsx does).
import { fireEvent, within } from '@testing-library/preact';
import { Window } from 'happy-dom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/schemas.ts';
import { heldKey, KEY, promoKey, quarantineKey } from '../../src/core/store/layout.ts';
import { setBrowser } from '../../src/platform/browser.ts';
import { OptionsApp } from '../../src/options/App.tsx';
import { PopupApp, readHead } from '../../src/popup/App.tsx';
import { createFakeBrowser, type FakeBrowser } from '../fake-browser.ts';
import { earning } from '../unit/ui-records.tsx';
import { report } from './figures.ts';

let fake: FakeBrowser;
let window: Window;

beforeEach(() => {
  fake = createFakeBrowser();
  setBrowser(fake.browser);
  window = new Window();
});
afterEach(() => window.close());

function leaveBehind() {
  const good = earning({ id: 'good', name: 'Good offer', accountId: '7000' });
  const badDate = earning({ id: 'bad-date', accountId: '7000' });
  const badWindow = earning({ id: 'bad-window', accountId: '7000' });
  fake.storage[promoKey('7000', 'good')] = good;
  fake.storage[promoKey('7000', 'bad-date')] = {
    ...badDate,
    terms: { ...badDate.terms, spendDeadline: '2026-02-30' },
  };
  fake.storage[promoKey('7000', 'bad-window')] = {
    ...badWindow,
    terms: { ...badWindow.terms, spendWindowDays: 1e9 },
  };
  fake.storage[KEY.settings] = { ...DEFAULT_SETTINGS, timeZone: 'Mars/Olympus' };
  fake.storage[quarantineKey('huge')] = {
    id: 'huge',
    key: promoKey('7000', 'huge'),
    reason: 'expected an object',
    at: '2026-03-01T10:00:00.000Z',
    raw: '{"junk":"JJJJ',
    size: 6_291_470,
  };
  const key = promoKey('7000', 'good');
  fake.storage[heldKey(key)] = {
    key,
    record: { ...good, status: 'used', validUntil: '2099-12-31' },
    reasons: [{ kind: 'status-skip', field: null, from: 'earning', to: 'used' }],
    url: 'https://ads.tiktok.com/i18n/account/payment?aadvid=7000',
    at: '2026-03-01T10:00:00.000Z',
  };
  // Filler to 9 MB of the 10: the warning must come before storage is full.
  fake.storage['other-tool:blob'] = 'x'.repeat(9 * 1024 * 1024);
}

describe('views over what a hostile page left', () => {
  it('the popup shows the rest, and asks before a page’s change silences a promotion', async () => {
    leaveBehind();
    const body = window.document.body as unknown as HTMLElement;
    render(<PopupApp head={readHead()} />, body);
    const popup = within(body);
    expect((await popup.findAllByText('Good offer')).length).toBeGreaterThan(0);
    const held = await popup.findByRole('region', { name: 'A page asked to change these promotions' });
    expect(held.textContent).toContain('Status: Earning → Used');
    const sent: unknown[] = [];
    fake.browser.runtime.onMessage.addListener(async (m) => {
      sent.push(m);
      return { ok: true, value: null };
    });
    fireEvent.click(within(held).getByRole('button', { name: 'Keep as it was' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([
      { type: 'held-answer', promotion: { accountId: '7000', id: 'good' }, apply: false },
    ]);
  });

  it('the options page renders with settings that fail, says storage is nearly full, and keeps Clear all', async () => {
    leaveBehind();
    const body = window.document.body as unknown as HTMLElement;
    render(<OptionsApp />, body);
    const options = within(body);
    await options.findByRole('button', { name: 'Clear all data…' });
    await options.findByText(/Storage is nearly full: 9\.\d MB of 10 MB used/);
    expect(options.getByText(/only its first 65536 characters were kept/)).toBeTruthy();
    report(
      'views',
      'popup and options over a bad zone, a 2026-02-30 deadline, a 1e9-day window, a 6 MB excerpt and a held ' +
        'change: both render, Clear all reachable, storage warning at 90%',
    );
  });
});
