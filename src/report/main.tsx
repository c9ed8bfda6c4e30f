// Review page entry ("Read wrong?"), opened for one tab: asks that tab's content script for its page,
// redacts it here with a key drawn for this report and never kept, and saves the report as a download
// made on the device (a Blob and a link: no downloads permission, nothing sent anywhere).
import '../platform/install.ts';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { dateInZone } from '../core/dates.ts';
import { localeOf } from '../core/i18n.ts';
import type { CapturedPage } from '../core/messages.ts';
import { finishSnapshot } from '../core/page/row-values.ts';
import { makeReport, type Correction, type RedactionKey } from '../core/report/index.ts';
import { askPageCapture } from '../platform/report.ts';
import { translator } from '../platform/services.ts';
import { I18nProvider } from '../ui/i18n.tsx';
import manifest from '../../manifest.json' with { type: 'json' };
import { Review } from './Review.tsx';

const t = translator();
const locale = localeOf(t);
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
document.documentElement.lang = locale;
document.title = `${t('report_title')} · ${t('extName')}`;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** The browser's name and major version, nothing finer: enough to tell a Firefox report from a Chrome one. */
function browserName(): string {
  const m = /(Firefox|Edg|Chrome)\/(\d+)/.exec(navigator.userAgent);
  return m ? `${m[1] === 'Edg' ? 'Edge' : m[1]} ${m[2]}` : 'unknown';
}

function save(fileName: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once started; the object URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function textOf(html: string): string {
  return (parse(html).body?.textContent ?? '')
    .replace(/[ \t]*\n\s*/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function ReviewApp(props: { tabId: number | null }) {
  const [page, setPage] = useState<CapturedPage | 'loading' | { failed: string }>('loading');
  useEffect(() => {
    if (props.tabId === null) return setPage({ failed: 'no tab' });
    void askPageCapture(props.tabId).then((r) =>
      setPage(
        r.ok ? { ...r.value, snapshot: finishSnapshot(r.value.snapshot) } : { failed: r.error.message },
      ),
    );
  }, [props.tabId]);

  const [report] = useState(() => {
    const key = Array.from(crypto.getRandomValues(new Uint32Array(4))) as unknown as RedactionKey;
    const about = { extensionVersion: manifest.version, browser: browserName(), uiLanguage: locale };
    let last: { corrections: string; value: ReturnType<typeof makeReport> } | null = null;
    return (p: CapturedPage, corrections: Correction[]) => {
      const id = JSON.stringify(corrections);
      if (last?.corrections !== id)
        last = {
          corrections: id,
          value: makeReport({ ...p, read: p.snapshot, corrections, about, key, parse }),
        };
      return last.value;
    };
  });

  if (page === 'loading') return <p class="review">{t('report_loading')}</p>;
  if ('failed' in page)
    return (
      <p class="review" role="alert">
        {t('report_unavailable', [page.failed])}
      </p>
    );
  return (
    <Review
      page={page}
      report={(corrections) => report(page, corrections)}
      textOf={textOf}
      today={dateInZone(new Date(), timeZone)}
      save={save}
    />
  );
}

const tabParam = new URLSearchParams(location.search).get('tab');
const tab = tabParam === null ? NaN : Number(tabParam);
render(
  <I18nProvider value={{ t, locale, timeZone }}>
    <ReviewApp tabId={Number.isInteger(tab) && tab >= 0 ? tab : null} />
  </I18nProvider>,
  document.getElementById('app')!,
);
