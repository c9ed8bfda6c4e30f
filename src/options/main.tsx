// Options entry: reads what is kept from storage, changes it only through messages to the worker.
import '../platform/install.ts';
import { render } from 'preact';
import { localeOf } from '../core/i18n.ts';
import type { MessageOf, MessageType } from '../core/messages.ts';
import { translator } from '../platform/services.ts';
import { sendToWorker } from '../platform/messaging.ts';
import { failureText } from '../ui/failure.ts';
import { I18nProvider } from '../ui/i18n.tsx';
import { useKept, zoneOf } from '../ui/kept.ts';
import { Options, type OptionsActions } from './Options.tsx';

const t = translator();
// The language browser.i18n picked for the words: amounts and dates follow it.
const locale = localeOf(t);

async function send<T extends MessageType>(message: MessageOf<T>): Promise<string | null> {
  const result = await sendToWorker(message);
  return result.ok ? null : failureText(t, result.error);
}

const actions: OptionsActions = {
  saveSettings: (settings) => send({ type: 'settings-save', settings }),
  importBackup: (backup) => send({ type: 'data-import', backup }),
  restoreQuarantined: (id) => send({ type: 'quarantine-restore', id }),
  deleteQuarantined: (id) => send({ type: 'quarantine-delete', id }),
  clearAll: () => send({ type: 'data-clear' }),
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

function App() {
  const kept = useKept();
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
          now,
          systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        }}
        actions={actions}
      />
    </I18nProvider>
  );
}

document.documentElement.lang = locale;
document.title = t('options_title');
render(<App />, document.getElementById('app')!);
