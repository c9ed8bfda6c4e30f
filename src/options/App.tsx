// The options page wired to the extension: reads what is kept straight from storage, changes it only
// through typed messages to the worker. Needs an installed browser; tests install the fake.
import { useEffect, useState } from 'preact/hooks';
import { readBytesInUse } from '../platform/store.ts';
import { localeOf, type Translate } from '../core/i18n.ts';
import { translator } from '../platform/services.ts';
import { sendOrExplain } from '../ui/failure.ts';
import { I18nProvider } from '../ui/i18n.tsx';
import { useKept, zoneOf } from '../ui/kept.ts';
import { Options, type OptionsActions } from './Options.tsx';

function connect(t: Translate): OptionsActions {
  return {
    saveSettings: (settings) => sendOrExplain(t, { type: 'settings-save', settings }),
    importBackup: (backup) => sendOrExplain(t, { type: 'data-import', backup }),
    restoreQuarantined: (id) => sendOrExplain(t, { type: 'quarantine-restore', id }),
    deleteQuarantined: (id) => sendOrExplain(t, { type: 'quarantine-delete', id }),
    clearAll: () => sendOrExplain(t, { type: 'data-clear' }),
    download(filename, type, text) {
      // A page download needs no permission: a link to a Blob with a file name.
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}

/** The options page for the browser's UI language; `t` and the locale come from browser.i18n. */
export function OptionsApp() {
  const [{ t, locale, actions }] = useState(() => {
    const t = translator();
    return { t, locale: localeOf(t), actions: connect(t) };
  });
  const kept = useKept();
  const [bytesInUse, setBytesInUse] = useState<number | null>(null);
  // Again with every change of what is kept, so the warning comes before storage is full.
  useEffect(() => void readBytesInUse().then(setBytesInUse, () => setBytesInUse(null)), [kept]);
  if (kept.state === 'loading') return null;
  if (kept.state === 'failed') {
    return (
      <main class="options">
        <p class="field-error" role="alert">
          {t('ui_loadFailed', [kept.error])}
        </p>
      </main>
    );
  }
  const { kept: k, now } = kept;
  return (
    <I18nProvider value={{ t, locale, timeZone: zoneOf(k) }}>
      {k.invalid.length > 0 && (
        <p class="field-error options" role="status">
          {t('options_invalidPending', [k.invalid.length])}
        </p>
      )}
      <Options
        data={{
          promotions: k.promotions,
          attempts: k.attempts,
          settings: k.settings,
          quarantine: k.quarantine,
          ...(k.reminders.refused ? { refusedNotifications: k.reminders.refused } : {}),
          now,
          systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          bytesInUse,
        }}
        actions={actions}
      />
    </I18nProvider>
  );
}
