// The popup wired to the extension: reads what is kept straight from storage, writes only through typed
// messages to the worker. Needs an installed browser (src/platform/browser.ts); tests install the fake.
import { useEffect, useState } from 'preact/hooks';
import { localeOf, type Translate } from '../core/i18n.ts';
import type { PromotionRecord } from '../core/schemas.ts';
import { openOptions, openTab, translator } from '../platform/services.ts';
import { openReview } from '../platform/review.ts';
import { activeTabId } from '../platform/tabs.ts';
import type { Message } from '../core/messages.ts';
import { I18nProvider } from '../ui/i18n.tsx';
import { setAsideCount, useKept, zoneOf } from '../ui/kept.ts';
import { billingUrl } from '../core/links.ts';
import type { Kept } from '../platform/store.ts';
import { Popup, type PopupActions, type PopupData } from './Popup.tsx';

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

/** The popup for the browser's UI language; `t` and the locale come from browser.i18n. */
export function PopupApp() {
  const [{ t, locale, actions }] = useState(() => {
    const t = translator();
    // The language browser.i18n picked for the words: amounts and dates follow it.
    return { t, locale: localeOf(t), actions: connect(t) };
  });
  const kept = useKept({ headFirst: true });
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => void activeTabId().then(setTabId), []);

  if (kept.state === 'loading') return null;
  if (kept.state === 'failed') {
    return (
      <main class="popup">
        <p class="field-error" role="alert">
          {t('ui_loadFailed', [kept.error])}
        </p>
      </main>
    );
  }
  const { now } = kept;
  // The summary's cards first; the checklist, the refusals and the set-aside notice come with the full read,
  // whose promotions they depend on.
  const data: PopupData =
    kept.state === 'head'
      ? {
          promotions: kept.head.summary.promotions,
          attempts: [],
          snapshot: null,
          now,
          snoozed: kept.head.summary.snoozed,
          notice: null,
        }
      : fullData(kept.kept, now, tabId, t);
  const zone = zoneOf(kept.state === 'head' ? kept.head : kept.kept);
  return (
    <I18nProvider value={{ t, locale, timeZone: zone }}>
      <Popup data={data} actions={actions} />
    </I18nProvider>
  );
}

function fullData(k: Kept, now: Date, tabId: number | null, t: Translate): PopupData {
  const latest = k.latestSnapshot;
  const setAside = setAsideCount(k);
  return {
    promotions: k.promotions,
    attempts: k.attempts,
    // The checklist is for the page in front of the user, not one left open in another tab.
    snapshot: latest !== null && tabId !== null && latest.tabId === tabId ? latest.snapshot : null,
    now,
    snoozed: k.reminders.snoozed,
    notice: setAside > 0 ? t('popup_setAside', [setAside]) : null,
    held: k.held,
  };
}
