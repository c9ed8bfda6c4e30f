// Storage keys of the promotion store. Kept apart from layout.ts so the content script can find an
// account's promotions, and the popup's first script its summary, without carrying the zod shapes.
export const KEY = {
  version: 'schemaVersion',
  attempts: 'attempts',
  balances: 'balances',
  settings: 'settings',
  reminders: 'reminders',
  lastSnapshot: 'lastSnapshot',
  summary: 'summary',
  /** The on-page panel folded per ad account (registry.ts PanelFolded). */
  overlayCollapsed: 'overlayCollapsed',
} as const;

/** As many promotions as the popup paints before its full read (FIRST_PAINT of them first: src/ui/PromotionList.tsx). */
export const SUMMARY_SIZE = 8;

export const PROMO_PREFIX = 'promo:';
export const QUARANTINE_PREFIX = 'quarantine:';
/** A page's change to a kept promotion waiting for the advertiser (layout.ts). */
export const HELD_PREFIX = 'held:';
/** Where builds before layout v4 kept the page wordings (migrations/v4.ts removes it). */
export const GLOSSARY_KEY = 'glossary';
/** The demo build's clock offset in ms (src/platform/clock.ts); no other build reads or writes it. */
export const DEMO_CLOCK_KEY = 'demo:clockOffsetMs';

/** An unpaired UTF-16 surrogate: page text can hold one, and encodeURIComponent throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const encodeKeyPart = (part: string) => encodeURIComponent(part.replace(LONE_SURROGATE, '\uFFFD'));

/**
 * The prefix every promotion key of one ad account starts with. An account id never contains ":"
 * (TikTok's are digits), but it is encoded anyway so a key always splits back.
 */
export function promoPrefix(accountId: string | null): string {
  return `${PROMO_PREFIX}${accountId === null ? '-' : encodeKeyPart(accountId)}:`;
}

export function promoKey(accountId: string | null, id: string): string {
  return `${promoPrefix(accountId)}${encodeKeyPart(id)}`;
}

/** The account a promotion key belongs to (undefined when `key` is not a promotion key). */
export function accountOfKey(key: string): string | null | undefined {
  if (!key.startsWith(PROMO_PREFIX)) return undefined;
  const account = key.slice(PROMO_PREFIX.length).split(':')[0] ?? '-';
  return account === '-' ? null : decodeURIComponent(account);
}

export const quarantineKey = (id: string): string => `${QUARANTINE_PREFIX}${id}`;

/** Where a change held for `promotionKey` (a promoKey) waits: one per promotion, the newest wins. */
export const heldKey = (promotionKey: string): string => `${HELD_PREFIX}${promotionKey}`;
