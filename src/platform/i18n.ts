// The extension's own words for its pages: browser.i18n over _locales, in the browser's UI language.
//
//   t            Translate over i18n.getMessage; an unknown key returns the key (as core's translatorFrom
//                does), so a missing message shows up instead of leaving a blank
//   uiLanguage() BCP 47 tag of the browser's UI language, for Intl beside the words
import type { Translate } from '../core/i18n.ts';
import { api } from './browser.ts';

export const t: Translate = (key, substitutions) =>
  api().i18n.getMessage(key, substitutions?.map(String)) || key;

export function uiLanguage(): string {
  return api().i18n.getUILanguage();
}
