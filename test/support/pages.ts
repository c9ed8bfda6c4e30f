// Builds Ads Manager billing pages from data, in the style of the saved fixtures (hashed class names,
// div grids with ARIA roles) or as real tables, in any glossary language, so the reader can be tested
// (and benchmarked) on pages it has never seen. Each builder returns the page, its URL and the
// snapshot the reader should produce from it.
import refusals from '../../src/core/diagnosis/refusals.json' with { type: 'json' };
import type { RefusalKey } from '../../src/core/diagnosis/refusals.ts';
import { glossaryFor } from '../../src/core/page/glossary.ts';
import type { LanguageGlossary, Wording } from '../../src/core/page/glossary.ts';
import { minorDigits } from '../../src/core/money.ts';
import type {
  CreditType,
  PagePromotion,
  PageSnapshot,
  PageStatus,
  SeenPage,
  SeenPromotion,
} from '../../src/core/schemas.ts';

/** One promotion as the page's data; the page shows it in its language's words and formats. */
export interface PromotionData {
  name: string;
  type: Exclude<CreditType, 'unknown'>;
  status: Exclude<PageStatus, 'unknown'>;
  amount: number;
  /** Conditional credit: the spend required first. */
  minSpend: number | null;
  /** Conditional credit being earned: spend so far (shown as "X / Y"). */
  spent: number | null;
  unused: number | null;
  redeemedOn: string;
  validFrom: string;
  validUntil: string;
  /** Assignable credit: how many campaigns it is assigned to. */
  campaigns: number | null;
}

export type Tab = 'available' | 'earning' | 'notAvailable';

export interface PageOptions {
  /** Glossary language: en, es, pt, fr, de, id, ja, vi. */
  lang: string;
  /** BCP 47 locale for Intl formats and the html lang attribute; defaults per language. */
  locale?: string;
  /** ISO 4217 code; defaults per language. */
  currency?: string;
  /** "code" writes "USD 25.00", "symbol" what Intl writes by default ("$25.00", "25,00 €"). */
  amountStyle?: 'code' | 'symbol';
  /** Real <table>/<thead>/<th>/<td> instead of div grids with roles. */
  realTable?: boolean;
  /** Extra wrapper elements around every cell's content and around the table. */
  nesting?: number;
  /** Seed for the column order; omitted keeps the Ads Manager order. */
  shuffleSeed?: number;
  /** Adds columns the glossary does not know (with numbers in them). */
  extraColumns?: boolean;
  /** Rows carry no status tag: the status comes from the selected tab. */
  withoutStatusColumn?: boolean;
  tab?: Tab;
  accountId?: string;
  /** Business Center page: business.tiktok.com, the account id shown on the page and not in the URL. */
  businessCenter?: boolean;
}

export interface BuiltPage {
  html: string;
  url: string;
  expected: PageSnapshot;
}

const LOCALES: Record<string, string> = {
  en: 'en-US',
  es: 'es-ES',
  pt: 'pt-BR',
  fr: 'fr-FR',
  de: 'de-DE',
  id: 'id-ID',
  ja: 'ja-JP',
  vi: 'vi-VN',
};
const CURRENCIES: Record<string, string> = {
  en: 'USD',
  es: 'EUR',
  pt: 'BRL',
  fr: 'EUR',
  de: 'EUR',
  id: 'IDR',
  ja: 'JPY',
  vi: 'VND',
};
export const PAGE_LANGUAGES = Object.keys(LOCALES);

/** The currency a generated page in `lang` shows unless told otherwise. */
export function defaultCurrency(lang: string): string {
  return CURRENCIES[lang] ?? 'USD';
}

/** A small deterministic generator, so a failing case can be rebuilt from its seed. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAB_STATUSES: Record<Tab, Array<PromotionData['status']>> = {
  available: ['available'],
  earning: ['earning', 'processing'],
  notAvailable: ['used', 'expired', 'invalid'],
};

/** `n` promotions that belong on `tab`, with amounts whole in the currency's minor unit. */
export function samplePromotions(
  n: number,
  options: { seed: number; tab?: Tab; currency?: string },
): PromotionData[] {
  const next = random(options.seed);
  const tab = options.tab ?? 'available';
  const digits = minorDigits(options.currency ?? 'USD');
  const scale = digits === 0 ? 1000 : 1;
  const money = (max: number) =>
    Math.round(next() * max * scale * 10 ** digits + 10 ** digits) / 10 ** digits;
  const day = (offset: number) =>
    new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: n }, (_, i) => {
    const type = tab === 'earning' ? 'conditional' : (['free', 'assignable', 'conditional'] as const)[i % 3]!;
    const statuses = TAB_STATUSES[tab];
    const status = statuses[Math.floor(next() * statuses.length)]!;
    const amount = money(500);
    const start = Math.floor(next() * 300);
    const minSpend = type === 'conditional' ? money(1000) : null;
    const credited = type !== 'conditional' || tab === 'available';
    return {
      name: `Promotion ${i + 1} ${['boost', 'welcome credit', 'coupon'][i % 3]}`,
      type,
      status,
      amount,
      minSpend,
      spent: tab === 'earning' && minSpend !== null ? Math.min(minSpend, money(1000)) : null,
      unused: credited && tab !== 'earning' ? Math.min(amount, money(500)) : null,
      redeemedOn: day(start),
      validFrom: day(start),
      validUntil: day(start + 30 + Math.floor(next() * 60)),
      campaigns: type === 'assignable' ? Math.floor(next() * 3) : null,
    };
  });
}

/** How a page in `lang` words the refusal `key` (the worker's data: src/core/diagnosis/refusals.json). */
const refusalOf = (lang: string, key: RefusalKey): Wording =>
  (refusals as unknown as Record<string, Record<RefusalKey, Wording>>)[lang]![key];

interface Format {
  g: LanguageGlossary;
  lang: string;
  locale: string;
  currency: string;
  amount: (v: number) => string;
  date: (iso: string) => string;
  cls: (name: string) => string;
  wrap: (inner: string) => string;
}

function formatFor(options: PageOptions): Format {
  const g = glossaryFor(options.lang);
  if (!g) throw new Error(`no glossary for ${options.lang}`);
  const locale = options.locale ?? LOCALES[options.lang] ?? options.lang;
  const currency = options.currency ?? defaultCurrency(options.lang);
  const digits = minorDigits(currency);
  const numbers = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: options.amountStyle === 'symbol' ? 'symbol' : 'code',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const next = random(locale.length * 7919 + currency.charCodeAt(0));
  const hashes = new Map<string, string>();
  const cls = (name: string): string => {
    let h = hashes.get(name);
    if (!h) {
      h = `${name}-${Math.floor(next() * 36 ** 5)
        .toString(36)
        .padStart(5, '0')}`;
      hashes.set(name, h);
    }
    return h;
  };
  const nesting = options.nesting ?? 0;
  return {
    g,
    lang: options.lang,
    locale,
    currency,
    amount: (v) => numbers.format(v),
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    cls,
    wrap: (inner) => {
      let html = inner;
      for (let i = 0; i < nesting; i++)
        html = `<div class="${cls(`vi-wrap${i}`)}"><span>${html}</span></div>`;
      return html;
    },
  };
}

const first = (w: Wording): string => (typeof w === 'string' ? w : w[0]!);
const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fill = (w: Wording, values: Record<string, string>): string =>
  first(w).replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/** Whether the reader can name the currency from how amounts are written (a bare "$" names none). */
function shownCurrency(f: Format, options: PageOptions): string | null {
  if (options.amountStyle !== 'symbol') return f.currency;
  const sample = f.amount(1);
  return /^[^\d]*\$[^\d]*\d|\d[^\d]*\$$/.test(sample) && !/[A-Z]\$/.test(sample) ? null : f.currency;
}

function page(f: Format, lang: string, title: string, main: string, extra = ''): string {
  const header = (id: string, business: boolean) => `<header class="${f.cls('vi-layout__header')}">
 <span class="${f.cls('vi-logo__text')}">TikTok for Business</span>
 <button class="${f.cls('byted-btn-icon')}" type="button" aria-label="Notifications"><span>7</span></button>
 <div class="${f.cls('vi-account-switcher')}" role="button" tabindex="0"><div>Northwind ${business ? 'Business Center' : 'Outdoor'}</div>${business ? '' : `<div>ID: ${id}</div>`}</div>
</header>`;
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escape(title)} | TikTok Ads Manager</title><style>.x{color:red}</style></head>
<body><div id="root">${header('{{ID}}', extra === 'business')}
<aside class="${f.cls('vi-layout__sider')}"><div role="menu"><div>${escape(first(f.g.nav.finance))}</div>
<a role="menuitem" href="#">${escape(first(f.g.nav.payment))}</a><a role="menuitem" href="#">${escape(first(f.g.nav.promotions))}</a></div></aside>
<main class="${f.cls('vi-layout__content')}">${main}</main></div>
<div class="${f.cls('vi-cookie-banner')}" role="dialog" aria-label="Cookie settings" aria-modal="false"><p>We use cookies. 2 partners.</p><button type="button">Accept all</button></div>
</body></html>`;
}

type ColumnKey = keyof LanguageGlossary['columns'] | 'extraId' | 'extraNote';

/** The promotions page showing `promotions` on `options.tab`. */
export function promotionsPage(promotions: PromotionData[], options: PageOptions): BuiltPage {
  const f = formatFor(options);
  const tab = options.tab ?? 'available';
  const accountId = options.accountId ?? '7301234567890123456';
  let columns: ColumnKey[] = [
    'name',
    'creditType',
    'amount',
    'usageRequirements',
    'progress',
    'status',
    'redeemedDate',
    'validDates',
    'unusedAmount',
    'usedAmount',
    'actions',
  ];
  if (options.withoutStatusColumn) columns = columns.filter((c) => c !== 'status');
  if (options.extraColumns) columns.splice(2, 0, 'extraId', 'extraNote');
  if (options.shuffleSeed !== undefined) {
    const next = random(options.shuffleSeed);
    columns = columns
      .map((c) => [next(), c] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, c]) => c);
  }
  const headerText = (c: ColumnKey): string =>
    c === 'extraId' ? 'Campaign ID' : c === 'extraNote' ? 'Notes (2)' : first(f.g.columns[c]);
  const cellHtml = (p: PromotionData, c: ColumnKey, i: number): string => {
    const dash = '—';
    switch (c) {
      case 'name':
        return `<div class="${f.cls('vi-credit-name')}"><span>${escape(p.name)}</span></div>`;
      case 'creditType':
        return escape(first(f.g.creditTypes[p.type]));
      case 'amount':
        return escape(f.amount(p.amount));
      case 'usageRequirements':
        return p.minSpend === null
          ? escape(first(f.g.labels.noRequirements))
          : escape(fill(f.g.requirement, { amount: f.amount(p.minSpend), days: '30' }));
      case 'progress':
        return p.spent === null || p.minSpend === null
          ? dash
          : `<div><div>${escape(`${f.amount(p.spent)} / ${f.amount(p.minSpend)}`)}</div><div role="progressbar" aria-valuenow="40"></div></div>`;
      case 'status':
        return `<span class="${f.cls('byted-tag')}">${escape(first(f.g.statuses[p.status]))}</span>`;
      case 'redeemedDate':
        return escape(f.date(p.redeemedOn));
      case 'validDates':
        return escape(`${f.date(p.validFrom)} ~ ${f.date(p.validUntil)}`);
      case 'unusedAmount':
        return p.unused === null ? dash : escape(f.amount(p.unused));
      case 'usedAmount':
        return p.unused === null ? dash : escape(f.amount(p.amount - p.unused));
      case 'actions': {
        const assign =
          p.campaigns === null
            ? ''
            : `<span>${escape(p.campaigns === 0 ? first(f.g.assignment.notAssigned) : fill(f.g.assignment.campaigns, { n: String(p.campaigns) }))}</span>`;
        return `<div>${assign}<button type="button">${escape(first(f.g.buttons.viewAssign))}</button></div>`;
      }
      case 'extraId':
        return String(880000 + i);
      case 'extraNote':
        return `${i % 7} notes, ${f.amount(3)}`;
      default:
        return dash;
    }
  };
  const real = options.realTable === true;
  const headCells = columns
    .map((c) =>
      real
        ? `<th class="${f.cls('vi-table__th')}">${f.wrap(escape(headerText(c)))}</th>`
        : `<div class="${f.cls('vi-table__th')}" role="columnheader">${f.wrap(escape(headerText(c)))}</div>`,
    )
    .join('');
  const rows = promotions
    .map((p, i) => {
      const cells = columns
        .map((c) =>
          real
            ? `<td class="${f.cls('vi-table__cell')}">${f.wrap(cellHtml(p, c, i))}</td>`
            : `<div class="${f.cls('vi-table__cell')}" role="cell">${f.wrap(cellHtml(p, c, i))}</div>`,
        )
        .join('');
      return real
        ? `<tr data-row-key="${i}">${cells}</tr>`
        : `<div class="${f.cls('vi-table__row')}" role="row">${cells}</div>`;
    })
    .join('\n');
  const table = real
    ? `<table class="${f.cls('vi-table')}"><thead><tr>${headCells}</tr></thead><tbody>${rows}</tbody></table>`
    : `<div class="${f.cls('vi-table')}" role="table"><div role="rowgroup"><div class="${f.cls('vi-table__row')}" role="row">${headCells}</div></div><div role="rowgroup">${rows}</div></div>`;
  const tabs = (['available', 'earning', 'notAvailable'] as const)
    .map(
      (t) =>
        `<div class="${f.cls('byted-tabs__tab')}" role="tab" aria-selected="${t === tab}" id="tab-${t}"><span>${escape(first(f.g.tabs[t]))}</span><span>(${t === tab ? promotions.length : 2})</span></div>`,
    )
    .join('');
  const main = `<nav aria-label="Breadcrumb"><ol><li><a href="#">${escape(first(f.g.nav.finance))}</a></li><li><span aria-current="page">${escape(first(f.g.nav.promotions))}</span></li></ol></nav>
<h1>${escape(first(f.g.nav.promotionsTitle))}</h1>
<section class="${f.cls('vi-card')}"><div role="tablist">${tabs}</div><button type="button">${escape(first(f.g.buttons.redeemCoupon))}</button>
<div role="tabpanel">${f.wrap(table)}
<div role="navigation"><span>Total ${promotions.length} items</span><span>10 / page</span></div></div></section>`;
  const host = options.businessCenter
    ? 'business.tiktok.com/manage/payment/promotion?org_id=7200000000000000001'
    : `ads.tiktok.com/i18n/account/promotion?aadvid=${accountId}`;
  const tabStatus: PageStatus = tab === 'available' ? 'available' : tab === 'earning' ? 'earning' : 'unknown';
  const expected: PageSnapshot = {
    ...base('promotions', `https://${host}`, f, options, accountId),
    currency: shownCurrency(f, options),
    promotions: promotions.map((p) =>
      expectedPromotion(p, options.withoutStatusColumn ? tabStatus : p.status),
    ),
  };
  const html = page(
    f,
    f.locale,
    first(f.g.nav.promotions),
    main,
    options.businessCenter ? 'business' : '',
  ).replace('{{ID}}', accountId);
  return { html, url: expected.url!, expected };
}

function base(view: PageSnapshot['view'], url: string, f: Format, options: PageOptions, accountId: string) {
  return {
    view,
    url,
    lang: f.locale,
    accountId: options.businessCenter && view === 'promotions' ? null : accountId,
    // The header's account switcher names the ad account; a Business Center's header names the centre.
    accountName: options.businessCenter ? null : 'Northwind Outdoor',
    currency: f.currency,
    balance: null,
    promotions: [],
    redeem: null,
    warnings: [],
  } satisfies PageSnapshot;
}

function expectedPromotion(p: PromotionData, status: PageStatus): PagePromotion {
  return {
    name: p.name,
    type: p.type,
    status,
    amount: p.amount,
    minSpend: p.minSpend,
    spent: p.spent,
    unused: p.unused,
    redeemedOn: p.redeemedOn,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    assigned: p.campaigns === null ? null : p.campaigns > 0,
  };
}

export interface PaymentData {
  total: number;
  cash: number;
  credit: number;
  /** The redeem dialog: absent, in the DOM but hidden, or open with a code and the page's answer. */
  redeem?: { open: false } | { open: true; code: string; error?: RefusalKey; succeeded?: boolean };
}

/** The payment page with its balance block, and noise the reader must not take: transactions, spend. */
export function paymentPage(data: PaymentData, options: PageOptions): BuiltPage {
  const f = formatFor(options);
  const accountId = options.accountId ?? '7301234567890123456';
  const item = (label: Wording, value: number) =>
    `<div class="${f.cls('vi-balance__item')}"><div class="${f.cls('vi-balance__label')}"><span>${escape(first(label))}</span><i role="img" aria-label="info"></i></div>${f.wrap(`<div class="${f.cls('vi-balance__value')}">${escape(f.amount(value))}</div>`)}</div>`;
  const balance = `<section class="${f.cls('vi-card')}">${item(f.g.balance.accountBalance, data.total)}<div>${item(f.g.balance.cashBalance, data.cash)}${item(f.g.balance.adCredit, data.credit)}</div>
<button type="button">${escape(first(f.g.buttons.addBalance))}</button><button type="button">${escape(first(f.g.buttons.redeemCoupon))}</button></section>`;
  const transactions = `<section><div>Recent transactions</div><div role="table"><div role="row"><div role="columnheader">Date</div><div role="columnheader">${escape(first(f.g.columns.amount))}</div></div>
<div role="row"><div role="cell">${escape(f.date('2026-11-20'))}</div><div role="cell">${escape(f.amount(data.total + 500))}</div></div></div></section>`;
  const spend = `<section><div>${escape(first(f.g.labels.spendSoFar))}</div><div>${escape(f.amount(data.cash * 3 + 1))}</div></section>`;
  const currencyRow = `<section><div><span>${escape(first(f.g.labels.currency))}: </span><span>${f.currency}</span></div></section>`;
  const idRow = options.businessCenter
    ? `<section><div><div>${escape(first(f.g.labels.adAccountId))}</div>${f.wrap(`<div>${accountId}</div>`)}</div></section>`
    : '';
  const r = data.redeem;
  const answer =
    r?.open && r.error
      ? `<div role="alert">${escape(first(refusalOf(f.lang, r.error)))}</div>`
      : r?.open && r.succeeded
        ? `<div role="status"><span>${escape(first(f.g.redeem.success))}</span></div>`
        : '';
  const dialog = r
    ? `<div class="${f.cls('byted-modal-root')}"${r.open ? '' : ' style="display: none;"'}><div role="dialog" aria-modal="true" aria-labelledby="redeem-title">
<div><span id="redeem-title">${escape(first(f.g.redeem.dialogTitle))}</span><button type="button" aria-label="Close">×</button></div>
<label for="code">${escape(first(f.g.redeem.codeLabel))}</label><input id="code" type="text" placeholder="${escape(first(f.g.redeem.codePlaceholder))}" value="${r.open ? escape(r.code) : ''}">${answer}
<button type="button">${escape(first(f.g.buttons.cancel))}</button><button type="button">${escape(first(f.g.buttons.activate))}</button></div></div>`
    : '';
  const main = `<nav aria-label="Breadcrumb"><ol><li><a href="#">${escape(first(f.g.nav.finance))}</a></li><li><span aria-current="page">${escape(first(f.g.nav.payment))}</span></li></ol></nav>
<h1>${escape(first(f.g.nav.payment))}</h1>${idRow}${f.wrap(balance)}${transactions}${spend}${currencyRow}`;
  const url = options.businessCenter
    ? 'https://business.tiktok.com/manage/payment/v2?org_id=7200000000000000001'
    : `https://ads.tiktok.com/i18n/account/payment?aadvid=${accountId}`;
  const html = page(f, f.locale, first(f.g.nav.payment), main, options.businessCenter ? 'business' : '')
    .replace('{{ID}}', accountId)
    .replace('</body>', `${dialog}</body>`);
  const expected: PageSnapshot = {
    ...base('payment', url, f, options, accountId),
    balance: { total: data.total, cash: data.cash, credit: data.credit },
    redeem: !r
      ? null
      : r.open
        ? {
            open: true,
            code: r.code === '' ? null : r.code,
            error: r.error ? first(refusalOf(f.lang, r.error)) : null,
            succeeded: r.succeeded === true && !r.error,
          }
        : { open: false, code: null, error: null, succeeded: false },
  };
  return { html, url, expected };
}

/** One earning row of the promotions list, as the reader gives it. */
/** A snapshot as the reader gives it, with nothing read but what `over` says: an English payment page. */
export function pageSnapshot(over: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    view: 'payment',
    url: null,
    lang: 'en',
    accountId: null,
    currency: null,
    balance: null,
    promotions: [],
    redeem: null,
    warnings: [],
    ...over,
  };
}

/** The promotions list of one ad account's billing page, in US dollars. */
export function promotionsSnapshot(
  accountId: string,
  promotions: PagePromotion[],
  over: Partial<PageSnapshot> = {},
): PageSnapshot {
  return pageSnapshot({
    view: 'promotions',
    url: `https://ads.tiktok.com/i18n/account/payment?aadvid=${accountId}`,
    accountId,
    currency: 'USD',
    promotions,
    ...over,
  });
}

/**
 * The page as a content script saw it when its read is `snapshot`: each row's values as texts that read
 * back as them (finishSnapshot gives `snapshot` again, rows' notes aside), in the page's language.
 */
export function seenPage(snapshot: PageSnapshot): SeenPage {
  const money = new Intl.NumberFormat(snapshot.lang ?? 'en', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 0,
    maximumFractionDigits: 6,
  });
  const shown = (v: number | null) => (v === null ? '' : money.format(v));
  const promotions = snapshot.promotions.map((p): SeenPromotion => ({
    name: p.name,
    type: p.type,
    status: p.status,
    assigned: p.assigned,
    amount: shown(p.amount),
    unused: shown(p.unused),
    // With a requirements column, the minimum is its; a progress display gives the spend only.
    requirement: shown(p.minSpend),
    validDates:
      p.validFrom && p.validUntil
        ? `${p.validFrom} ~ ${p.validUntil}`
        : p.validUntil
          ? `Until ${p.validUntil}`
          : p.validFrom
            ? `${p.validFrom} ~`
            : '',
    redeemed: p.redeemedOn ?? '',
    progress: p.spent === null ? [] : [`${shown(p.spent)} / ${shown(p.minSpend ?? p.spent)}`],
  }));
  // A refusal the page marks as one (as the pages built here do) is the dialog's error as seen.
  return { ...snapshot, promotions, redeem: snapshot.redeem && { ...snapshot.redeem, heard: [] } };
}

export function pagePromotion(over: Partial<PagePromotion> = {}): PagePromotion {
  return {
    name: 'Welcome credit',
    type: 'conditional',
    status: 'earning',
    amount: 50,
    minSpend: 50,
    spent: 10,
    unused: null,
    redeemedOn: '2026-11-01',
    validFrom: null,
    validUntil: '2026-12-31',
    assigned: null,
    ...over,
  };
}
