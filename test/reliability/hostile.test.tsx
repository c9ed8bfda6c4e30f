// @vitest-environment happy-dom
// Every hostile payload (test/support/payloads.ts) as a coupon name, code, account id, page error,
// diagnosis evidence and quarantined value, rendered by the overlay, the popup and the options page:
// nothing of it may become markup (no script, no handler attribute, no javascript: URL, no element
// the payload names), and a payload shown must read back as the same text.
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { panel } from '../../src/content/features/panel.ts';
import { promotionNotes } from '../../src/content/features/promotion-notes.ts';
import { redeemHelp } from '../../src/content/features/redeem-help.ts';
import type { Reason } from '../../src/core/schemas.ts';
import { DEFAULT_SETTINGS } from '../../src/core/schemas.ts';
import { Options } from '../../src/options/Options.tsx';
import { PageParts, Popup } from '../../src/popup/Popup.tsx';
import { SpendChart } from '../../src/ui/PromotionCard.tsx';
import { PAYLOADS, PWNED, type Payload } from '../support/payloads.ts';
import { withoutLinks } from '../../src/core/quote.ts';
import {
  emptySnapshot,
  fakeDeps,
  pagePromotion,
  mountFeature,
  pageWindow,
  record as pageRecord,
  rendered,
  stateOf,
} from '../unit/content.harness.ts';
import { NOW, attempt, earning, renderUi } from '../unit/ui-records.tsx';
import { report } from './figures.ts';

afterEach(cleanup);

const URL_A = 'https://ads.tiktok.com/i18n/account/payment?aadvid=111';
const BLANK = '<!DOCTYPE html><html lang="en"><head></head><body></body></html>';

/** Text that is plainly text: each view rendered with it first gives the elements a view is made of. */
const BENIGN: Payload = { name: 'benign (baseline)', text: 'Welcome credit 50' };
const baseline = new Map<string, string>();

/** The view's elements by tag: a payload parsed as markup would add some (script, img, a, svg…). */
const tagsOf = (root: Element) =>
  [...root.querySelectorAll('*')]
    .map((el) => el.tagName.toLowerCase())
    .sort()
    .join(' ');

/** Attributes that would run or load something: handlers, javascript:/data: URLs, CSS that calls out. */
function activeAttributes(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
      if (/^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
      if (name === 'style' && /expression\(|url\(|@import/i.test(value)) found.push(`${tag}[style]`);
    }
  }
  return found;
}

/** The rendered text, for "the payload reads back as text". */
const textOf = (root: Element) => root.textContent ?? '';

const reasonsWith = (p: Payload): Reason[] => [
  { id: 'code-typo', likelihood: 0.8, evidence: [p.text], fix: p.text },
  { id: 'unknown', likelihood: 0.1, evidence: [], fix: 'Contact support' },
];

interface Outcome {
  view: string;
  payload: string;
  problems: string[];
}

const outcomes: Outcome[] = [];
/** The payload as a view quoting page text shows it: links replaced by the marker (core/quote.ts). */
const quoted = (p: Payload, marker: string) => withoutLinks(p.text, marker);

function check(view: string, p: Payload, root: Element, mustShow: boolean, shown = p.text): void {
  const problems = activeAttributes(root);
  if (p === BENIGN) baseline.set(view, tagsOf(root));
  else if (tagsOf(root) !== baseline.get(view))
    problems.push('elements differ from the same view with plain text');
  if (mustShow && !textOf(root).includes(shown)) problems.push('payload not shown as its own text');
  if ((window as unknown as Record<string, unknown>)[PWNED] !== undefined) problems.push('payload ran');
  outcomes.push({ view, payload: p.name, problems });
}

// The popup's parts that load after its first cards (the checklist, the chart): loaded before any view is
// rendered, so that every payload's popup is the whole popup.
beforeAll(() => Promise.all([PageParts.preload(), SpendChart.preload()]));

describe.each([BENIGN, ...PAYLOADS].map((p) => [p.name, p] as const))('payload: %s', (_name, p) => {
  it('overlay: panel, promotion notes and redeem help keep it as text', async () => {
    const win = pageWindow(URL_A, BLANK);
    const { deps, worker } = fakeDeps();
    worker.reasons = () => reasonsWith(p);
    const kept = [pageRecord({ name: p.text, code: p.text })];
    const snapshot = emptySnapshot({
      url: URL_A,
      accountId: '111',
      redeem: { open: true, code: p.text, error: p.text, succeeded: false },
      promotions: [pagePromotion({ name: p.text, redeemedOn: '2026-11-10', validUntil: null })],
      warnings: [p.text],
    });
    for (const feature of [panel, promotionNotes, redeemHelp]) {
      const { container, state, stop } = mountFeature(feature, win, deps);
      state.set(stateOf(snapshot, {}, kept));
      await rendered();
      // Redeem help shows the page's error and the worker's evidence; the others show names and checks.
      check(
        `overlay ${feature === redeemHelp ? 'redeem help' : feature === panel ? 'panel' : 'notes'}`,
        p,
        container as unknown as Element,
        feature === redeemHelp,
        quoted(p, 'ui_linkRemoved'),
      );
      stop();
    }
  });

  it('popup: cards, the redeeming-now checklist and failed attempts keep it as text', () => {
    const promotion = earning({ name: p.text, code: p.text, accountId: p.text.slice(0, 200) });
    const { container } = renderUi(
      <Popup
        data={{
          promotions: [promotion],
          attempts: [attempt({ code: p.text, error: p.text, reasons: reasonsWith(p) })],
          snapshot: emptySnapshot({
            url: URL_A,
            accountId: '111',
            redeem: { open: true, code: p.text, error: p.text, succeeded: false },
          }),
          now: NOW,
          notice: p.text,
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
    check('popup', p, container as Element, true);
  });

  it('options: promotions, attempts and quarantined raw values keep it as text', () => {
    const { container } = renderUi(
      <Options
        data={{
          promotions: [earning({ name: p.text, code: p.text })],
          attempts: [attempt({ code: p.text, error: p.text, reasons: reasonsWith(p) })],
          settings: DEFAULT_SETTINGS,
          quarantine: [
            {
              id: 'q1',
              key: `promo:1:${p.text.slice(0, 100)}`,
              reason: p.text,
              at: '2026-11-24T10:00:00.000Z',
              raw: { name: p.text },
            },
          ],
          now: NOW,
          systemTimeZone: 'UTC',
        }}
        actions={{
          saveSettings: vi.fn(async () => null),
          importBackup: vi.fn(async () => null),
          restoreQuarantined: vi.fn(async () => null),
          deleteQuarantined: vi.fn(async () => null),
          clearAll: vi.fn(async () => null),
          download: vi.fn(),
        }}
      />,
    );
    check('options', p, container as Element, true);
  });
});

describe('hostile payloads, all views', () => {
  it('nothing became markup and nothing ran', () => {
    const failed = outcomes.filter((o) => o.problems.length > 0);
    const tried = outcomes.filter((o) => o.payload !== BENIGN.name);
    report(
      'hostile (DOM)',
      `${PAYLOADS.length} payloads x ${new Set(tried.map((o) => o.view)).size} views = ${tried.length} renders, ${failed.length} failures`,
    );
    expect(tried.length).toBe(PAYLOADS.length * 5);
    expect(failed.slice(0, 8)).toEqual([]);
  });
});
