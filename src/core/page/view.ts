// Which billing page this is. The content script asks on every route change of ads.tiktok.com and
// business.tiktok.com, so the URL decides whenever it can and the document is only consulted for
// TikTok URLs the path rules do not know (or no URL at all, as for a saved page).
import type { PageView } from '../schemas.ts';
import { glossariesFor, matchesWording } from './glossary.ts';

const TIKTOK_HOST = /(^|\.)tiktok\.com$/i;
// Promotions first: Business Center nests it under payment (/manage/payment/promotion).
const PROMOTIONS_PATH = /\/(?:promotions?|coupons?|vouchers?|ad-?credits?)(?:[/?#]|$)/i;
const PAYMENT_PATH = /\/(?:payment|billing|balance)(?:[/?#]|$)/i;

/** The page's view from its URL: null when the URL leaves it open (no URL, or an unknown TikTok path). */
export function viewFromUrl(url: string | null): PageView | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol)) return null;
  if (!TIKTOK_HOST.test(parsed.hostname)) return 'other';
  const path = parsed.pathname;
  if (PROMOTIONS_PATH.test(path)) return 'promotions';
  if (PAYMENT_PATH.test(path)) return 'payment';
  return null;
}

/**
 * View of a page from the URL first, then from the page's own words (heading, title, current breadcrumb
 * or menu item, the promotions table's first column) for URLs the rules do not know. Cheap: a handful
 * of elements are looked at, never the whole document's text.
 */
export function detectView(url: string | null, doc: Document): PageView {
  const fromUrl = viewFromUrl(url);
  if (fromUrl) return fromUrl;
  try {
    return viewFromWords(doc);
  } catch {
    return 'other';
  }
}

function viewFromWords(doc: Document): PageView {
  const lang = doc.documentElement?.getAttribute('lang') ?? null;
  const glossaries = glossariesFor(lang);
  const says = (text: string, pick: (g: (typeof glossaries)[number]) => string | string[]): boolean =>
    glossaries.some((g) => matchesWording(text, pick(g)));
  const texts = [
    ...(doc.title ? doc.title.split(/\s+[|·–—-]\s+/) : []),
    ...Array.from(doc.querySelectorAll('h1, [role="heading"][aria-level="1"], [aria-current="page"]'), (el) =>
      (el.textContent ?? '').trim(),
    ),
  ];
  for (const t of texts) {
    if (says(t, (g) => g.nav.promotionsTitle) || says(t, (g) => g.nav.promotions)) return 'promotions';
  }
  for (const t of texts) if (says(t, (g) => g.nav.payment)) return 'payment';
  const header = doc.querySelector('th, [role="columnheader"]');
  if (header && says(header.textContent ?? '', (g) => g.columns.name)) return 'promotions';
  return 'other';
}
