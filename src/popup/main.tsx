// Popup entry: reads what is kept from storage, writes only through messages to the worker.
import '../platform/install.ts';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { localeOf } from '../core/i18n.ts';
import { sendToWorker } from '../platform/messaging.ts';
import { openOptions, openTab, translator } from '../platform/services.ts';
import { activeTabId } from '../platform/tabs.ts';
import { failureText } from '../ui/failure.ts';
import { I18nProvider } from '../ui/i18n.tsx';
import { setAsideCount, useKept, zoneOf } from '../ui/kept.ts';
import { billingUrl } from '../ui/links.ts';
import { Popup, type PopupActions } from './Popup.tsx';

const t = translator();
// The language browser.i18n picked for the words: amounts and dates follow it.
const locale = localeOf(t);

const actions: PopupActions = {
  openBilling: (accountId) => void openTab(billingUrl(accountId)),
  openOptions: () => void openOptions(),
  async savePromotion(draft, existing) {
    const result = await sendToWorker({
      type: 'promotion-save',
      existing: existing && { accountId: existing.accountId, id: existing.id },
      draft,
    });
    return result.ok ? null : failureText(t, result.error);
  },
  async deletePromotion(record) {
    const result = await sendToWorker({
      type: 'promotion-delete',
      promotion: { accountId: record.accountId, id: record.id },
    });
    return result.ok ? null : failureText(t, result.error);
  },
  async snooze(record) {
    const result = await sendToWorker({
      type: 'reminder-snooze',
      promotion: { accountId: record.accountId, id: record.id },
    });
    return result.ok ? null : failureText(t, result.error);
  },
};

function App() {
  const kept = useKept();
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
  const { kept: k, now } = kept;
  const latest = k.latestSnapshot;
  const setAside = setAsideCount(k);
  return (
    <I18nProvider value={{ t, locale, timeZone: zoneOf(k) }}>
      <Popup
        data={{
          promotions: k.promotions,
          attempts: k.attempts,
          // The checklist is for the page in front of the user, not one left open in another tab.
          snapshot: latest !== null && tabId !== null && latest.tabId === tabId ? latest.snapshot : null,
          now,
          snoozed: k.reminders.snoozed,
          notice: setAside > 0 ? t('popup_setAside', [setAside]) : null,
        }}
        actions={actions}
      />
    </I18nProvider>
  );
}

document.documentElement.lang = locale;
render(<App />, document.getElementById('app')!);
