// The popup wired to the extension. Its first script paints the worker's summary (./head.ts checks it) and
// nothing else; once that paint is on screen, ./full.ts is loaded to read and validate everything kept,
// and the same tree shows it. Writes go only through typed messages to the worker. Needs an installed
// browser (src/platform/browser.ts); tests install the fake.
import { useEffect, useState } from 'preact/hooks';
import { localeOf, type Translate } from '../core/i18n.ts';
import { billingUrl } from '../core/links.ts';
import type { Message } from '../core/messages.ts';
import type { PromotionRecord } from '../core/schemas.ts';
import { clockNow, followDemoClock } from '../platform/clock.ts';
import { readFirstPaint } from '../platform/first-paint.ts';
import { openReview } from '../platform/review.ts';
import { openOptions, openTab, translator } from '../platform/services.ts';
import { activeTabId } from '../platform/tabs.ts';
import { I18nProvider } from '../ui/i18n.tsx';
import type { Shown } from './full.ts';
import { headOf, type Head } from './head.ts';
import { Popup, type PopupActions } from './Popup.tsx';

function connect(t: Translate): PopupActions {
  const ref = (r: PromotionRecord) => ({ accountId: r.accountId, id: r.id });
  // Sending validates against the whole message protocol: its schemas load with the first change, not
  // with the list.
  const send = (message: Message) =>
    import('../ui/failure.ts').then(
      ({ sendOrExplain }) => sendOrExplain(t, message),
      (error: unknown) => t('ui_errFailed', [String(error)]),
    );
  return {
    openBilling: (accountId) => void openTab(billingUrl(accountId)),
    openOptions: () => void openOptions(),
    savePromotion: (draft, existing) =>
      send({ type: 'promotion-save', existing: existing && ref(existing), draft }),
    deletePromotion: (record) => send({ type: 'promotion-delete', promotion: ref(record) }),
    snooze: (record) => send({ type: 'reminder-snooze', promotion: ref(record) }),
    reportPage: () =>
      void activeTabId().then((tabId) => {
        if (tabId !== null) void openReview(tabId);
      }),
    answerHeld: (change, apply) => send({ type: 'held-answer', promotion: ref(change.record), apply }),
  };
}

/** The summary's cards as the popup's data: the checklist, refusals and notices need the full read. */
function headShown(head: Head, now: Date): Shown {
  const { promotions, snoozed } = head.summary;
  return {
    state: 'ready',
    data: { promotions, attempts: [], snapshot: null, now, snoozed, notice: null },
    timeZone: head.timeZone,
  };
}

/** The head worth painting first, or null (./head.ts says when); after the demo build's clock is known. */
export async function readHead(): Promise<Head | null> {
  await followDemoClock();
  const raw = await readFirstPaint();
  return headOf(raw, new Date(clockNow()), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/**
 * The popup for the browser's UI language; `t` and the locale come from browser.i18n. `head` is readHead(),
 * started by the caller as early as it can be.
 */
export function PopupApp(props: { head: Promise<Head | null> }) {
  const [{ t, locale, actions }] = useState(() => {
    const t = translator();
    // The language browser.i18n picked for the words: amounts and dates follow it.
    return { t, locale: localeOf(t), actions: connect(t) };
  });
  const [shown, setShown] = useState<Shown>({ state: 'reading' });
  const [head, setHead] = useState<Head | null | undefined>(undefined);
  // Taken while rendering, not in an effect: effects wait for a frame, and the read is what the paint waits for.
  useState(() =>
    props.head.then(
      (found) => {
        setHead(found);
        setShown(found === null ? { state: 'loading' } : headShown(found, new Date(clockNow())));
      },
      // A summary that cannot be read is only a lost head start: the full read reports what went wrong.
      () => {
        setHead(null);
        setShown({ state: 'loading' });
      },
    ),
  );
  // Effects run once the browser has painted: the first cards (or "Loading…") are on screen by then.
  useEffect(() => {
    if (head === undefined) return;
    let stop: (() => void) | null = null;
    let live = true;
    import('./full.ts').then(
      ({ watchPopup }) => {
        if (live) stop = watchPopup(head, t, setShown);
      },
      (error: unknown) => live && setShown({ state: 'failed', error: String(error) }),
    );
    return () => {
      live = false;
      stop?.();
    };
  }, [head, t]);

  if (shown.state === 'reading') return null;
  if (shown.state === 'failed') {
    return (
      <main class="popup">
        <p class="field-error" role="alert">
          {t('ui_loadFailed', [shown.error])}
        </p>
      </main>
    );
  }
  if (shown.state === 'loading') {
    return (
      <main class="popup">
        <p class="muted" role="status" aria-busy="true">
          {t('ui_partLoading')}
        </p>
      </main>
    );
  }
  return (
    <I18nProvider value={{ t, locale, timeZone: shown.timeZone }}>
      <Popup data={shown.data} actions={actions} />
    </I18nProvider>
  );
}
