// The popup's first read: the summary and the settings as stored, unvalidated, for a first script that
// must not carry the zod shapes (src/popup/head.ts checks them). Everything else reads through ./store.ts.
//
//   readFirstPaint()   { summary, settings } raw: two small keys, however much is kept
import { KEY } from '../core/store/keys.ts';
import { api } from './browser.ts';

export async function readFirstPaint(): Promise<{ summary: unknown; settings: unknown }> {
  const items = await api().storage.local.get([KEY.summary, KEY.settings]);
  return { summary: items[KEY.summary], settings: items[KEY.settings] };
}
