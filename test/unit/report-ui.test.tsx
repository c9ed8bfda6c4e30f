// @vitest-environment happy-dom
// "Read wrong?" in the extension: the panel's and the popup's action (quiet, prominent when the read is in
// doubt), the content script handing its page to the review page, and the review page itself (the values
// read beside the warnings, corrections, a report made on save; page text rendered as text).
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { panel } from '../../src/content/features/panel.ts';
import { report } from '../../src/content/features/report.ts';
import { PageCapture, type CapturedPage } from '../../src/core/messages.ts';
import {
  capturePage,
  makeReport,
  readReportFacts,
  shownByMarkup,
  type Correction,
} from '../../src/core/report/index.ts';
import { readDoubtful } from '../../src/core/report/doubt.ts';
import type { PageSnapshot } from '../../src/core/schemas.ts';
import { Popup, type PopupActions } from '../../src/popup/Popup.tsx';
import { Review } from '../../src/report/Review.tsx';
import { I18nProvider } from '../../src/ui/i18n.tsx';
import { localWarning } from '../../src/report/fields.ts';
import { translatorFrom } from '../../src/core/i18n.ts';
import { readPage } from '../../src/core/page/index.ts';
import { parseHtml } from '../support/dom.ts';
import { emptySnapshot, fakeDeps, framed, mountFeature, pageWindow, stateOf } from './content.harness.ts';
import { NOW, renderUi } from './ui-records.tsx';

afterEach(cleanup);

const ROOT = join(import.meta.dirname, '../..');
const URL_A = 'https://ads.tiktok.com/i18n/account/payment?aadvid=111';
const payment = emptySnapshot({
  accountId: '111',
  balance: { total: 10, cash: 10, credit: 0 },
  redeem: null,
});
const warned = { ...payment, warnings: ["balance: no 'Cash balance' label found"] };

describe('when "Read wrong?" stands out', () => {
  it('when the reader warned, or found nothing on a billing page; not on a clean read or another page', () => {
    expect(readDoubtful(payment)).toBe(false);
    expect(readDoubtful(warned)).toBe(true);
    expect(readDoubtful(emptySnapshot())).toBe(true);
    expect(readDoubtful(emptySnapshot({ view: 'other' }))).toBe(false);
  });
});

describe('the panel action', () => {
  const setup = () => {
    const win = pageWindow(URL_A, '<!DOCTYPE html><html lang="en"><head></head><body></body></html>');
    const { deps, sent, frames } = fakeDeps();
    // The panel draws at the next frame after a page state.
    return { sent, drawn: () => framed(frames), ...mountFeature(panel, win, deps) };
  };

  it('is quiet on a clean read and asks the worker to open the review', async () => {
    const { container, state, sent, drawn } = setup();
    state.set(stateOf(payment));
    await drawn();
    const button = container.querySelector<HTMLButtonElement>('[data-part="report"]')!;
    expect(button.textContent).toBe('report_action');
    expect(button.hasAttribute('data-prominent')).toBe(false);
    button.click();
    expect(sent).toContainEqual({ type: 'report-open' });
  });

  it('stands out when the reader warned', async () => {
    const { container, state, drawn } = setup();
    state.set(stateOf(warned));
    await drawn();
    expect(container.querySelector('[data-part="report"]')!.getAttribute('data-prominent')).toBe('true');
  });
});

describe('the content script hands its page to the review page', () => {
  it('with its snapshot, the code field value only, and nothing of its own', async () => {
    const win = pageWindow(
      URL_A,
      `<!DOCTYPE html><html lang="en"><head><style>.gone{display:none}</style></head><body>
      <h1>Payment</h1><p class="gone">Hidden by the stylesheet</p>
      <div role="dialog" aria-label="Redeem coupon"><input id="code" placeholder="Enter coupon code" value="TTADS-5O0FF">
      <input type="search" value="my search"></div></body></html>`,
    );
    const { deps, askReport } = fakeDeps();
    const { state, container } = mountFeature(report, win, deps);
    container.append(win.document.createTextNode('the extension’s own text'));
    const codeInput = win.document.getElementById('code');
    state.set(stateOf(payment, { codeInput }));
    const answer = PageCapture.parse(askReport());
    expect(answer.snapshot).toEqual(payment);
    const json = JSON.stringify(answer.capture);
    expect(json).toContain('TTADS-5O0FF');
    expect(json).not.toContain('my search');
    expect(json).not.toContain('the extension’s own text');
    // Hidden as the browser computed it, not as the markup says.
    const hidden: string[] = [];
    const walk = (n: (typeof answer.capture)['root']) => {
      if (n.hides) hidden.push(n.attrs.find(([k]) => k === 'class')?.[1] ?? n.tag);
      n.children.forEach((c) => 'tag' in c && walk(c));
    };
    walk(answer.capture.root);
    expect(hidden).toEqual(['gone']);
  });

  it('answers nothing before the page is read', () => {
    const win = pageWindow(URL_A, '<!DOCTYPE html><html><body></body></html>');
    const { deps, askReport } = fakeDeps();
    mountFeature(report, win, deps);
    expect(askReport()).toBeNull();
  });
});

describe('the popup action', () => {
  const actions = (): PopupActions => ({
    openBilling: vi.fn(),
    openOptions: vi.fn(),
    savePromotion: vi.fn(async () => null),
    deletePromotion: vi.fn(async () => null),
    snooze: vi.fn(async () => null),
    reportPage: vi.fn(),
  });
  const popup = (snapshot: PageSnapshot | null, a: PopupActions) =>
    renderUi(
      <Popup
        data={{ promotions: [], attempts: [], snapshot, now: NOW, notice: null, snoozed: {} }}
        actions={a}
      />,
    );

  // The action comes with the checklist, which loads after the popup's first cards (src/popup/PageParts.tsx).
  it('shows beside the checklist of a billing page, quiet on a clean read, and opens the review', async () => {
    const a = actions();
    popup(payment, a);
    const button = await screen.findByRole('button', { name: 'Read wrong?' });
    expect(button.className).toContain('link');
    fireEvent.click(button);
    expect(a.reportPage).toHaveBeenCalledOnce();
  });

  it('stands out when the reader warned, and is absent without a billing page', async () => {
    popup(warned, actions());
    expect((await screen.findByRole('button', { name: 'Read wrong?' })).className).toContain('primary');
    cleanup();
    popup(null, actions());
    expect(screen.queryByRole('button', { name: 'Read wrong?' })).toBeNull();
  });
});

describe('the review page', () => {
  const HOSTILE_NAME = '<img src=x onerror="window.pwned=1">Welcome';
  const page = (): CapturedPage => {
    const html = readFileSync(join(ROOT, 'test/fixtures/pages/en-promotions-available.html'), 'utf8');
    const doc = parseHtml(html);
    const snapshot: PageSnapshot = JSON.parse(
      readFileSync(join(ROOT, 'test/fixtures/pages/en-promotions-available.json'), 'utf8'),
    );
    snapshot.promotions[0]!.name = HOSTILE_NAME;
    snapshot.warnings = ['promotions table: no header found'];
    return {
      capture: capturePage(doc, { shown: shownByMarkup(doc), codeInput: null }),
      snapshot,
      url: snapshot.url!,
    };
  };

  const review = () => {
    const p = page();
    const save = vi.fn();
    const made = vi.fn((corrections: Correction[]) =>
      makeReport({
        ...p,
        read: p.snapshot,
        corrections,
        about: { extensionVersion: 'test', browser: 'test', uiLanguage: 'en' },
        key: [3, 1, 4, 1],
        parse: parseHtml,
      }),
    );
    const view = renderUi(
      <Review
        page={p}
        report={made}
        textOf={(html) => parseHtml(html).body.textContent ?? ''}
        today="2026-12-06"
        save={save}
      />,
    );
    return { ...view, save, p };
  };

  it('lists the values read beside the warnings, page text as text', () => {
    const { container } = review();
    expect(screen.getByText('Promotions table: no header found')).toBeTruthy();
    const nameRow = container.querySelector('tr[data-field="promotions.0.name"]')!;
    expect(nameRow.querySelector('td')!.textContent).toBe(HOSTILE_NAME);
    expect(container.querySelector('main img')).toBeNull();
    expect(container.querySelector('tr[data-field="balance.total"]')).toBeNull();
    expect(container.querySelector('tr[data-field="promotions.0.minSpend"] td')!.textContent).toBe(
      'not found',
    );
  });

  it('previews the redacted report in a frame that runs nothing, and its text', () => {
    const { container } = review();
    const frame = container.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('Ad credit name');
    const text = container.querySelector('pre[data-part="report-text"]')!.textContent!;
    expect(text).toContain('Available');
    expect(text).not.toContain('7301234567890123456');
  });

  it('saves ad-credit-guide-report-<date>.html with the corrections marked', () => {
    const { container, save } = review();
    const row = container.querySelector('tr[data-field="promotions.0.amount"]')!;
    fireEvent.click(row.querySelector('input[type="checkbox"]')!);
    fireEvent.input(row.querySelector('input[type="text"]')!, { target: { value: '75' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save report' }));
    expect(save).toHaveBeenCalledOnce();
    const [name, html] = save.mock.calls[0]!;
    expect(name).toBe('ad-credit-guide-report-2026-12-06.html');
    const facts = readReportFacts(html)!;
    // The value read is named as the report reads it (redacted), the right one as the advertiser typed it.
    expect(facts.corrections).toEqual([
      { field: 'promotions.0.amount', read: facts.snapshot.promotions[0]!.amount, right: '75' },
    ]);
    expect(facts.snapshot.promotions[0]!.amount).not.toBe(25);
    expect(facts.warningCount).toBe(1);
    expect(screen.getByRole('status').textContent).toContain('ad-credit-guide-report-2026-12-06.html');
  });
});

describe('the review says the reader’s warnings in the advertiser’s language', () => {
  const translator = (lang: string) =>
    translatorFrom(
      JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')),
      lang.replace('_', '-'),
    );
  const LOCALES = ['de', 'es', 'fr', 'id', 'ja', 'pt_BR', 'vi'];
  /** Pages on which the reader warns, each of a different kind (contradictions, several accounts, "$"). */
  const WARNING_PAGES = [
    'de-promotions-contradictions.html',
    'en-bc-accounts-unknown-account.html',
    'en-payment-bare-dollar.html',
    'pt-payment-two-candidates.html',
    'vi-payment-contradiction.html',
  ];
  const warnings = WARNING_PAGES.flatMap((name) => {
    const html = readFileSync(join(ROOT, 'test/pages/hand/pages', name), 'utf8');
    const url = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(html)?.[1] ?? null;
    return readPage(parseHtml(html), url).warnings;
  });

  it('every warning of those pages in every UI language, none left in the reader’s English', () => {
    expect(warnings.length).toBeGreaterThanOrEqual(10);
    const en = translator('en');
    for (const lang of LOCALES) {
      const t = translator(lang);
      for (const w of warnings) {
        const said = localWarning(w, t);
        expect(said, `${lang}: ${w}`).not.toBe(localWarning(w, en));
        expect(said, `${lang}: ${w}`).not.toMatch(/left empty|label found|several|report_/);
      }
    }
  });

  it('keeps the numbers and names the warning carries', () => {
    const de = translator('de');
    expect(
      localWarning(
        'balance: account balance 980.4 is not cash 880.4 + ad credit 90; all three left empty',
        de,
      ),
    ).toBe('Guthaben: Gesamt 980.4 ist nicht Bargeld 880.4 + Werbeguthaben 90, daher bleiben alle drei leer');
    expect(localWarning("balance: no 'Cash balance' label found", de)).toBe(
      `${de('report_f_balanceCash')}: keine Beschriftung dafür auf der Seite`,
    );
  });

  it('says a warning of a form it does not know as the reader wrote it, capitalised', () => {
    expect(localWarning('promotions table: no header found', translator('ja'))).toBe(
      'Promotions table: no header found',
    );
  });

  it('lists the warnings in the UI language on the review page, before the values', () => {
    const de = translator('de');
    const page: CapturedPage = {
      capture: { root: { tag: 'html', attrs: [], hides: false, children: [] } },
      url: URL_A,
      snapshot: warned,
    };
    const { container } = render(
      <I18nProvider value={{ t: de, locale: 'de', timeZone: 'UTC' }}>
        <Review
          page={page}
          report={() => ({ html: '', snapshot: warned, document: '' })}
          textOf={() => ''}
          today="2026-12-06"
          save={() => {}}
        />
      </I18nProvider>,
    );
    const item = container.querySelector('.warnings li')!;
    expect(item.textContent).toBe(`${de('report_f_balanceCash')}: keine Beschriftung dafür auf der Seite`);
    // Read first, so that the values below are read knowing which to doubt.
    const sections = [...container.querySelectorAll('section')].map((s) => s.className);
    expect(sections.indexOf('warnings')).toBeLessThan(sections.indexOf('fields'));
  });
});
