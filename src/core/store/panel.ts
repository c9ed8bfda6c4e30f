// The on-page panel's folded state per ad account (KEY.overlayCollapsed): "-" stands for an unknown
// account. The worker keeps it; the content script asks for it by message.
import { KEY } from './layout.ts';

type RawItems = Readonly<Record<string, unknown>>;

/** The stored map, or an empty one when it is missing or not a map of flags. */
export function foldedMap(items: RawItems): Record<string, boolean> {
  const value = items[KEY.overlayCollapsed];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v === true)) as Record<string, boolean>;
}

export const panelFolded = (items: RawItems, accountId: string | null): boolean =>
  Object.hasOwn(foldedMap(items), accountId ?? '-');
