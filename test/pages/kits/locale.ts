// How each page language writes amounts and dates, written out by hand per locale (not taken from Intl, so the
// pages do not share the reader's own source of separators and month names).
import glossaryJson from '../../../src/core/page/glossary.json';
import refusalsJson from '../../../src/core/diagnosis/refusals.json';

export type Lang = 'en' | 'es' | 'pt' | 'fr' | 'de' | 'id' | 'ja' | 'vi';
type Entry = string | string[];
type Group = Record<string, Entry>;
export interface Wording {
  nav: Group;
  balance: Group;
  buttons: Group;
  tabs: Group;
  columns: Group;
  creditTypes: Group;
  statuses: Group;
  assignment: Group;
  requirement: Entry;
  redeem: Group;
  labels: Group;
}
const glossary = glossaryJson as unknown as Record<Lang, Wording>;
const refusals = refusalsJson as unknown as Record<Lang, Group>;

/** How a page in `lang` words the refusal `cause`: the main wording, or variant `n`. */
export function refusal(lang: Lang, cause: string, n = 0): string {
  const e = refusals[lang][cause]!;
  if (typeof e === 'string') return e;
  return e[Math.min(n, e.length - 1)] as string;
}

/** The page's wording for `lang`: the main one, or variant `n` when the glossary lists variants. */
export function word(lang: Lang, entry: (w: Wording) => Entry, n = 0): string {
  const e = entry(glossary[lang]);
  if (typeof e === 'string') return e;
  return e[Math.min(n, e.length - 1)] as string;
}

export interface Money {
  /** ISO 4217 code of the account. */
  iso: string;
  decimals: number;
  /** Writes an amount the way pages in this language do for this currency. */
  format(n: number): string;
  /** The same, in the pieces a statistic component takes. */
  stat: { prefix?: string; suffix?: string; group: string; point: string };
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function group(n: number, decimals: number, thousands: string, point: string, minGrouping = 1): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.') as [string, string | undefined];
  const grouped = int.length > 3 + (minGrouping - 1) ? int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : int;
  return (n < 0 ? '-' : '') + grouped + (frac ? point + frac : '');
}

export const money: Record<string, Money> = {
  USD: {
    iso: 'USD',
    decimals: 2,
    format: (n) => `$${group(n, 2, ',', '.')}`,
    stat: { prefix: '$', group: ',', point: '.' },
  },
  USD_CODE: {
    iso: 'USD',
    decimals: 2,
    format: (n) => `USD ${group(n, 2, ',', '.')}`,
    stat: { prefix: 'USD ', group: ',', point: '.' },
  },
  GBP: {
    iso: 'GBP',
    decimals: 2,
    format: (n) => `£${group(n, 2, ',', '.')}`,
    stat: { prefix: '£', group: ',', point: '.' },
  },
  EUR_DE: {
    iso: 'EUR',
    decimals: 2,
    format: (n) => `${group(n, 2, '.', ',')}${NBSP}€`,
    stat: { suffix: `${NBSP}€`, group: '.', point: ',' },
  },
  EUR_FR: {
    iso: 'EUR',
    decimals: 2,
    format: (n) => `${group(n, 2, NNBSP, ',')}${NBSP}€`,
    stat: { suffix: `${NBSP}€`, group: NNBSP, point: ',' },
  },
  // Spanish writes four-digit amounts without a thousands separator: 1000,00 €.
  EUR_ES: {
    iso: 'EUR',
    decimals: 2,
    format: (n) => `${group(n, 2, '.', ',', 2)}${NBSP}€`,
    stat: { suffix: `${NBSP}€`, group: '.', point: ',' },
  },
  MXN: {
    iso: 'MXN',
    decimals: 2,
    format: (n) => `$${group(n, 2, ',', '.')}`,
    stat: { prefix: '$', group: ',', point: '.' },
  },
  BRL: {
    iso: 'BRL',
    decimals: 2,
    format: (n) => `R$${NBSP}${group(n, 2, '.', ',')}`,
    stat: { prefix: `R$${NBSP}`, group: '.', point: ',' },
  },
  IDR: {
    iso: 'IDR',
    decimals: 0,
    format: (n) => `Rp${NBSP}${group(n, 0, '.', ',')}`,
    stat: { prefix: `Rp${NBSP}`, group: '.', point: ',' },
  },
  JPY: {
    iso: 'JPY',
    decimals: 0,
    format: (n) => `¥${group(n, 0, ',', '.')}`,
    stat: { prefix: '¥', group: ',', point: '.' },
  },
  JPY_SUFFIX: {
    iso: 'JPY',
    decimals: 0,
    format: (n) => `${group(n, 0, ',', '.')}円`,
    stat: { suffix: '円', group: ',', point: '.' },
  },
  VND: {
    iso: 'VND',
    decimals: 0,
    format: (n) => `${group(n, 0, '.', ',')}${NBSP}₫`,
    stat: { suffix: `${NBSP}₫`, group: '.', point: ',' },
  },
};

const MONTHS: Partial<Record<Lang, string[]>> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
};

/** A date as pages in this language show it; `iso` is YYYY-MM-DD. */
export function formatDate(lang: Lang, iso: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const month = Number(m);
  const day = Number(d);
  switch (lang) {
    case 'en':
      return `${MONTHS.en![month - 1]} ${day}, ${y}`;
    case 'id':
      return `${day} ${MONTHS.id![month - 1]} ${y}`;
    case 'de':
      return `${d}.${m}.${y}`;
    case 'ja':
      return `${y}/${m}/${d}`;
    default:
      return `${d}/${m}/${y}`;
  }
}

/** The usage requirement sentence of a conditional credit, from the glossary's template. */
export function requirement(lang: Lang, amount: string, days: number, variant = 0): string {
  return word(lang, (w) => w.requirement, variant)
    .replace('{amount}', amount)
    .replace('{days}', String(days));
}
