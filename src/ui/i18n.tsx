// The translator, UI locale and time zone every component formats with, provided once per page so that
// components stay free of browser APIs and tests can render them with the real English messages.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../core/i18n.ts';

export interface Localization {
  t: Translate;
  /** BCP 47 tag for Intl (the browser's UI language). */
  locale: string;
  /** IANA zone that "today" and days-left are counted in. */
  timeZone: string;
}

const I18nContext = createContext<Localization | null>(null);

export function I18nProvider(props: { value: Localization; children: ComponentChildren }) {
  return <I18nContext.Provider value={props.value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): Localization {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
