// The popup's first read: the summary and the settings as stored, unvalidated, for a first script that
// must not carry the zod shapes (src/popup/head.ts checks them). Everything else reads through ./store.ts.
//
//   askFirstPaint(local)   starts that read from the popup page's first, classic script
//                          (./first-paint-ask.ts), while the browser still fetches the popup's module
//   readFirstPaint()       { summary, settings } raw: two small keys, however much is kept; the answer to
//                          the read asked for early when there is one, else a read of its own
import { KEY } from '../core/store/keys.ts';
import { api, type PlatformBrowser } from './browser.ts';

type Items = Record<string, unknown>;
const KEYS = [KEY.summary, KEY.settings];
// Shared by the page's two scripts, which are built apart: a registered symbol is the same in both.
const ASKED = Symbol.for('ad-credit-guide.first-paint');
const page = globalThis as unknown as { [ASKED]?: Promise<Items> };

export function askFirstPaint(local: Pick<PlatformBrowser['storage']['local'], 'get'>): void {
  page[ASKED] = local.get(KEYS);
}

export async function readFirstPaint(): Promise<{ summary: unknown; settings: unknown }> {
  // Taken once: a later read (another try) asks storage again rather than getting an old answer.
  const asked = page[ASKED];
  delete page[ASKED];
  const items = await (asked ?? api().storage.local.get(KEYS));
  return { summary: items[KEY.summary], settings: items[KEY.settings] };
}
