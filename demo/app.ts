// The mock Ads Manager: a small single-page app shaped like TikTok's billing pages (hashed class
// names, div grids with ARIA roles, the wording of the glossary) so the extension can be shown and
// tested without a TikTok account. Served by scripts/demo-server.ts; never bundled into the extension.
// Like the real app it navigates with the history API and renders content a moment after navigating.

type CreditType = 'free' | 'assignable' | 'conditional';
type Status = 'earning' | 'processing' | 'available' | 'used' | 'expired' | 'invalid';

interface Promotion {
  name: string;
  type: CreditType;
  amount: number;
  /** Spend required before the credit is issued; null when there is no requirement. */
  minSpend: number | null;
  windowDays: number | null;
  validDays: number;
  spent: number;
  used: number;
  status: Status;
  redeemedDay: number;
  /** Day the credit became usable (issued), null while earning or processing. */
  issuedDay: number | null;
  metDay: number | null;
}

interface Transaction {
  day: number;
  type: string;
  amount: number;
}

interface DemoState {
  /** ISO date of demo day 0; "today" is this plus `day`. */
  start: string;
  day: number;
  cash: number;
  dailySpend: number;
  totalSpend: number;
  redeemed: string[];
  promotions: Promotion[];
  transactions: Transaction[];
  cookiesAnswered: boolean;
}

/** Days from the minimum being met to the credit appearing: "within a day up to 7 days". */
const PROCESSING_DAYS = 2;

type RedeemError =
  | 'invalidCode'
  | 'expiredCode'
  | 'alreadyRedeemed'
  | 'newAdvertisersOnly'
  | 'regionUnavailable'
  | 'accountTypeNotEligible';

/** The glossary's English wording (src/core/page/glossary.json, en.redeem). */
const MESSAGES: Record<RedeemError | 'success', string> = {
  success: 'Coupon activated successfully.',
  invalidCode: 'This code is invalid. Check the code and try again.',
  expiredCode: 'This code has expired.',
  alreadyRedeemed: 'This code has already been redeemed.',
  newAdvertisersOnly: 'This promotion is only available to new advertisers.',
  regionUnavailable: 'This promotion is not available in your country or region.',
  accountTypeNotEligible: 'Your account type is not eligible for this promotion.',
};

type Offer = Pick<Promotion, 'name' | 'type' | 'amount' | 'minSpend' | 'windowDays' | 'validDays'>;

/** Demo codes, shown in the control panel. Any other code is invalid, as is a known code with stray characters. */
const CODES: Record<string, { offer: Offer; note: string } | { error: RedeemError; note: string }> = {
  'TTADS-500FF': {
    offer: {
      name: 'Spend $50 Get $50 - New advertiser',
      type: 'conditional',
      amount: 50,
      minSpend: 50,
      windowDays: 30,
      validDays: 90,
    },
    note: 'accepted: spend $50 in 30 days, get $50',
  },
  'TTADS-FREE25': {
    offer: {
      name: 'Welcome ad credit',
      type: 'free',
      amount: 25,
      minSpend: null,
      windowDays: null,
      validDays: 90,
    },
    note: 'accepted: $25 free credit',
  },
  'TTADS-SPRING24': { error: 'expiredCode', note: 'expired' },
  'TTADS-USED100': { error: 'alreadyRedeemed', note: 'already redeemed' },
  'TTADS-NEW200': { error: 'newAdvertisersOnly', note: 'new advertisers only' },
  'TTADS-EU300': { error: 'regionUnavailable', note: 'not in your region' },
  'TTADS-BC150': { error: 'accountTypeNotEligible', note: 'account type not eligible' },
};

const params = new URLSearchParams(location.search);
const accountId = params.get('aadvid') ?? '7301234567890123456';
const accountName = accountId === '7301234567890123456' ? 'Northwind Outdoor Co.' : 'Demo Advertiser Ltd.';
const storageKey = `acg-demo-state:${accountId}`;

/** Today on this computer's calendar, as the extension counts days. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function freshState(): DemoState {
  return {
    start: localToday(),
    day: 0,
    cash: 310,
    dailySpend: 20,
    totalSpend: 0,
    redeemed: [],
    promotions: [],
    transactions: [{ day: 0, type: 'Add balance', amount: 310 }],
    cookiesAnswered: false,
  };
}

function loadState(): DemoState {
  const saved = localStorage.getItem(storageKey);
  return saved ? (JSON.parse(saved) as DemoState) : freshState();
}

const state = loadState();

function save(): void {
  localStorage.setItem(storageKey, JSON.stringify(state));
}

// ---- formatting, as the English UI shows it

function dateOf(day: number): Date {
  const d = new Date(`${state.start}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + day);
  return d;
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDate = (day: number): string => dateFormat.format(dateOf(day));
const usd = (n: number): string => `USD ${n.toFixed(2)}`;
const dollars = (n: number): string =>
  `${n < 0 ? '-' : ''}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

// ---- a tiny element builder: text is always set as text

type Child = Node | string | null | false;

function el(tag: string, attrs: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== false) node.append(child);
  return node;
}

const button = (
  cls: string,
  label: string,
  onClick: () => void,
  attrs: Record<string, string | boolean> = {},
): HTMLElement => {
  const b = el('button', { class: `byted-btn-jR53m ${cls}`, type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
};

// ---- routes

type View = 'payment' | 'promotions' | 'other';
type Tab = 'available' | 'earning' | 'not_available';

function route(): { view: View; tab: Tab; title: string } {
  const path = location.pathname;
  const tabParam = new URLSearchParams(location.search).get('tab');
  const tab: Tab = tabParam === 'earning' || tabParam === 'not_available' ? tabParam : 'available';
  if (path === '/i18n/account/payment') return { view: 'payment', tab, title: 'Payment' };
  if (path === '/i18n/account/promotion') return { view: 'promotions', tab, title: 'Promotions' };
  const last = path.split('/').filter(Boolean).pop() ?? 'home';
  return { view: 'other', tab, title: last.charAt(0).toUpperCase() + last.slice(1) };
}

const urlFor = (path: string, extra = ''): string =>
  `https://${location.host}/i18n/${path}?aadvid=${accountId}${extra}`;

// ---- layout

function header(): HTMLElement {
  const nav = [
    ['Dashboard', 'dashboard'],
    ['Campaign', 'perf/campaign'],
    ['Tools', 'tools'],
    ['Analytics', 'analytics'],
  ].map(([label, path]) => el('a', { class: 'vi-topnav__item-fAwgL', href: urlFor(path!) }, label!));
  return el(
    'header',
    { class: 'vi-layout__header-S8ciw' },
    el(
      'a',
      { class: 'vi-logo-DrLlg', href: urlFor('dashboard') },
      el('span', { class: 'vi-logo__text-uVAhG' }, 'TikTok for Business'),
    ),
    el('nav', { class: 'vi-topnav-KnI2E', 'aria-label': 'Main' }, ...nav),
    el(
      'div',
      { class: 'vi-header__right-AQrjc' },
      el(
        'div',
        { class: 'vi-account-switcher-6JgL1', role: 'button', 'aria-haspopup': 'listbox', tabindex: '0' },
        el('div', { class: 'vi-account-switcher__name-t89Kt' }, accountName),
        el('div', { class: 'vi-account-switcher__id-65px1' }, `ID: ${accountId}`),
      ),
    ),
  );
}

function sider(view: View): HTMLElement {
  const item = (label: string, path: string, current: boolean): HTMLElement =>
    el(
      'a',
      {
        class: `vi-menu__item-aqUjB${current ? ' vi-menu__item--selected-thqpk' : ''}`,
        role: 'menuitem',
        href: urlFor(path),
        'aria-current': current && 'page',
      },
      label,
    );
  return el(
    'aside',
    { class: 'vi-layout__sider-9clZw' },
    el(
      'div',
      { class: 'vi-menu-KJAM9', role: 'menu' },
      el('div', { class: 'vi-menu__group-cWXzW' }, 'Finance'),
      item('Payment', 'account/payment', view === 'payment'),
      item('Promotions', 'account/promotion', view === 'promotions'),
      item('Transactions', 'account/transaction', false),
      item('Invoices', 'account/invoice', false),
      el('div', { class: 'vi-menu__group-cWXzW' }, 'Account'),
      item('Account info', 'account/info', false),
    ),
  );
}

function breadcrumb(...items: string[]): HTMLElement {
  return el(
    'nav',
    { class: 'vi-breadcrumb-keT8l', 'aria-label': 'Breadcrumb' },
    el(
      'ol',
      { class: 'vi-breadcrumb__list-HpaAV' },
      ...items.map((label, i) =>
        el(
          'li',
          { class: 'vi-breadcrumb__item-YBhr4' },
          i === items.length - 1
            ? el('span', { 'aria-current': 'page' }, label)
            : el('a', { href: '#' }, label),
        ),
      ),
    ),
  );
}

const card = (cls: string, ...children: Child[]): HTMLElement =>
  el('section', { class: `vi-card-mcsik ${cls}` }, ...children);

function table(label: Record<string, string>, headers: string[], rows: HTMLElement[][]): HTMLElement {
  const row = (cells: HTMLElement[]): HTMLElement =>
    el('div', { class: 'vi-table__row-qHFNJ', role: 'row' }, ...cells);
  return el(
    'div',
    { class: 'vi-table-vPyJz', role: 'table', ...label, style: `--cols:${headers.length}` },
    el(
      'div',
      { class: 'vi-table__head-bRIDd', role: 'rowgroup' },
      row(headers.map((h) => el('div', { class: 'vi-table__th-FmGtk', role: 'columnheader' }, h))),
    ),
    el('div', { class: 'vi-table__body-YG5oW', role: 'rowgroup' }, ...rows.map(row)),
  );
}

const cell = (...children: Child[]): HTMLElement =>
  el('div', { class: 'vi-table__cell-P3Sgs', role: 'cell' }, ...children);

// ---- payment page

const creditBalance = (): number =>
  state.promotions.filter((p) => p.status === 'available').reduce((sum, p) => sum + p.amount - p.used, 0);

function paymentPage(): HTMLElement[] {
  const credit = creditBalance();
  const balanceItem = (label: string, value: number, main = false): HTMLElement =>
    el(
      'div',
      { class: `vi-balance__item-C63b8${main ? ' vi-balance__item--main-OXaf1' : ''}` },
      el('div', { class: 'vi-balance__label-Ck2dj' }, el('span', {}, label)),
      el('div', { class: 'vi-balance__value-0EWQm' }, dollars(value)),
    );
  const transactions = [...state.transactions].reverse().slice(0, 8);
  return [
    breadcrumb('Finance', 'Payment'),
    el(
      'div',
      { class: 'vi-page-header-tOMJX' },
      el('h1', { class: 'vi-page-header__title-lvRXj' }, 'Payment'),
      el('div', { class: 'vi-page-header__meta-KAIAw' }, `Last updated: ${formatDate(state.day)}`),
    ),
    el(
      'div',
      { class: 'vi-grid-B8yI7' },
      el(
        'div',
        { class: 'vi-grid__col-e6b9x' },
        card(
          'vi-balance-4Nwta',
          el(
            'div',
            { class: 'vi-balance__main-UlHw9' },
            balanceItem('Account balance', state.cash + credit, true),
          ),
          el(
            'div',
            { class: 'vi-balance__breakdown-COLnd' },
            balanceItem('Cash balance', state.cash),
            balanceItem('Ad credit', credit),
          ),
          el(
            'div',
            { class: 'vi-balance__actions-fVTGF' },
            button('byted-btn--primary-JEXzn', 'Add balance', () => undefined),
            button('byted-btn--secondary-IRWej', 'Redeem coupon', openDialog),
          ),
        ),
        card(
          'vi-transactions-5zQ1T',
          el('div', { class: 'vi-card__title-4medM' }, 'Recent transactions'),
          table(
            { 'aria-label': 'Recent transactions' },
            ['Date', 'Transaction type', 'Amount', 'Result'],
            transactions.map((t) => [
              cell(formatDate(t.day)),
              cell(t.type),
              cell(dollars(t.amount)),
              cell('Completed'),
            ]),
          ),
        ),
      ),
      el(
        'div',
        { class: 'vi-grid__col-e6b9x' },
        card(
          'vi-spend-widget-AHGBp',
          el('div', { class: 'vi-card__title-4medM' }, 'Spend so far'),
          el('div', { class: 'vi-spend-widget__value-M3m9j' }, dollars(state.totalSpend)),
          el('div', { class: 'vi-spend-widget__sub-jxcJD' }, `${formatDate(0)} – ${formatDate(state.day)}`),
        ),
        card(
          'vi-payment-method-dzoW1',
          el('div', { class: 'vi-card__title-4medM' }, 'Payment method'),
          el('div', { class: 'vi-payment-method__row-qYBUg' }, el('span', {}, 'Prepaid (manual payment)')),
          el(
            'div',
            { class: 'vi-payment-method__row-qYBUg' },
            el('span', {}, 'Currency: '),
            el('span', { class: 'vi-payment-method__currency-y4Ihx' }, 'USD'),
          ),
        ),
      ),
    ),
  ];
}

// ---- promotions page

const TABS: [Tab, string, Status[]][] = [
  ['available', 'Available', ['available']],
  ['earning', 'Earning', ['earning', 'processing']],
  ['not_available', 'Not available', ['used', 'expired', 'invalid']],
];

const TAGS: Record<Status, [string, string]> = {
  earning: ['byted-tag--processing-qf7pI', 'Earning'],
  processing: ['byted-tag--warning-xDILx', 'Processing'],
  available: ['byted-tag--success-95rMt', 'Available'],
  used: ['byted-tag--default-ADFab', 'Used'],
  expired: ['byted-tag--default-ADFab', 'Expired'],
  invalid: ['byted-tag--default-ADFab', 'Invalidated'],
};

const requirement = (p: Promotion): string =>
  p.minSpend === null
    ? 'No usage requirements'
    : `Spend ${usd(p.minSpend)} within ${p.windowDays} days after activation`;

function validity(p: Promotion): string {
  const from = p.issuedDay ?? p.redeemedDay;
  const days = p.issuedDay === null ? (p.windowDays ?? p.validDays) : p.validDays;
  return `${formatDate(from)} – ${formatDate(from + days)}`;
}

function progressBar(percent: number): HTMLElement {
  const rounded = Math.round(percent * 10) / 10;
  return el(
    'div',
    {
      class: 'byted-progress-ow3lq',
      role: 'progressbar',
      'aria-valuenow': String(rounded),
      'aria-valuemin': '0',
      'aria-valuemax': '100',
    },
    el('div', { class: 'byted-progress__bar-TQauS', style: `width: ${rounded}%;` }),
  );
}

const typeLabel = (t: CreditType): string => t.charAt(0).toUpperCase() + t.slice(1);

function promotionRow(p: Promotion, tab: Tab): HTMLElement[] {
  const name = cell(
    el('div', { class: 'vi-credit-name-0RDoM' }, el('span', { class: 'vi-credit-name__text-6QDm6' }, p.name)),
  );
  const tag = cell(el('span', { class: `byted-tag-JyWVZ ${TAGS[p.status][0]}` }, TAGS[p.status][1]));
  const actions = cell(
    el(
      'div',
      { class: 'vi-row-actions-jekYP' },
      p.type === 'assignable' && el('span', { class: 'vi-row-actions__assign-ZnXgM' }, 'Not assigned'),
      button('byted-btn--link-d5nxx', p.type === 'assignable' ? 'View/Assign' : 'View', () => undefined),
    ),
  );
  const common = [
    name,
    cell(typeLabel(p.type)),
    cell(usd(p.amount)),
    cell(p.minSpend === null ? '—' : requirement(p)),
  ];
  if (tab === 'earning') {
    const min = p.minSpend ?? p.amount;
    const spent = Math.min(p.spent, min);
    return [
      ...common,
      cell(
        el(
          'div',
          { class: 'vi-earn-progress-HOXWE' },
          el('div', { class: 'vi-earn-progress__text-s7MtU' }, `${usd(spent)} / ${usd(min)}`),
          progressBar((spent / min) * 100),
        ),
      ),
      tag,
      cell(formatDate(p.redeemedDay)),
      cell(validity(p)),
      actions,
    ];
  }
  return [
    ...common,
    tag,
    cell(formatDate(p.redeemedDay)),
    cell(validity(p)),
    cell(usd(p.amount - p.used)),
    cell(usd(p.used)),
    cell(
      el(
        'div',
        { class: 'vi-percent-1OdUz' },
        progressBar((p.used / p.amount) * 100),
        el('span', { class: 'vi-percent__text-2ujqu' }, `${Math.round((p.used / p.amount) * 1000) / 10}%`),
      ),
    ),
    actions,
  ];
}

const EARNING_HEADERS = [
  'Ad credit name',
  'Credit type',
  'Amount',
  'Usage requirements',
  'Progress',
  'Status',
  'Redeemed date',
  'Valid dates',
  'Actions',
];
const CREDIT_HEADERS = [
  'Ad credit name',
  'Credit type',
  'Amount',
  'Usage requirements',
  'Status',
  'Redeemed date',
  'Valid dates',
  'Unused amount',
  'Used amount',
  'Percent spent',
  'Actions',
];

function promotionsPage(tab: Tab): HTMLElement[] {
  const inTab = (statuses: Status[]): Promotion[] =>
    state.promotions.filter((p) => statuses.includes(p.status));
  const tabs = TABS.map(([id, label, statuses]) => {
    const active = id === tab;
    const t = el(
      'div',
      {
        class: `byted-tabs__tab-jJ0L0${active ? ' byted-tabs__tab--active-Lmh7h' : ''}`,
        role: 'tab',
        'aria-selected': String(active),
        tabindex: active ? '0' : '-1',
        id: `promotion-tab-${id === 'not_available' ? 'notAvailable' : id}`,
      },
      el('span', { class: 'byted-tabs__label-lFtww' }, label),
      el('span', { class: 'byted-tabs__count-6ioS6' }, `(${inTab(statuses).length})`),
    );
    t.addEventListener('click', () =>
      navigate(urlFor('account/promotion', id === 'available' ? '' : `&tab=${id}`)),
    );
    return t;
  });
  const [, , statuses] = TABS.find(([id]) => id === tab)!;
  const rows = inTab(statuses);
  const tabId = `promotion-tab-${tab === 'not_available' ? 'notAvailable' : tab}`;
  return [
    breadcrumb('Finance', 'Payment', 'Promotions'),
    el(
      'div',
      { class: 'vi-page-header-tOMJX' },
      el('h1', { class: 'vi-page-header__title-lvRXj' }, 'Promotions, Ad Credits and Coupons'),
      el(
        'p',
        { class: 'vi-page-header__desc-itNXg' },
        'Ad credits are applied to eligible campaigns automatically. Assignable credit must be assigned to a campaign before it can be used.',
      ),
    ),
    card(
      '',
      el(
        'div',
        { class: 'byted-tabs-lmpwt' },
        el('div', { class: 'byted-tabs__nav-cLAZh', role: 'tablist' }, ...tabs),
        el(
          'div',
          { class: 'byted-tabs__extra-jow9t' },
          button('byted-btn--primary-JEXzn', 'Redeem coupon', openDialog),
        ),
      ),
      el(
        'div',
        { class: 'byted-tabs__panel-8MsM6', role: 'tabpanel', 'aria-labelledby': tabId },
        rows.length === 0
          ? el('div', { class: 'vi-empty-Xw3fA' }, 'No data')
          : table(
              { 'aria-labelledby': tabId },
              tab === 'earning' ? EARNING_HEADERS : CREDIT_HEADERS,
              rows.map((p) => promotionRow(p, tab)),
            ),
      ),
    ),
  ];
}

function otherPage(title: string): HTMLElement[] {
  return [
    el('div', { class: 'vi-page-header-tOMJX' }, el('h1', { class: 'vi-page-header__title-lvRXj' }, title)),
    card('', el('p', {}, 'This demo shows the Payment and Promotions pages only.')),
  ];
}

// ---- navigation and late rendering

const root = document.getElementById('root')!;
let main: HTMLElement;
let renderToken = 0;

function renderContent(): void {
  const r = route();
  main.replaceChildren(
    ...(r.view === 'payment'
      ? paymentPage()
      : r.view === 'promotions'
        ? promotionsPage(r.tab)
        : otherPage(r.title)),
    el('footer', { class: 'vi-layout__footer-lKFuj' }, el('span', {}, '© 2026 TikTok')),
  );
}

/** Lays out the frame at once and the content 300–800 ms later, as the real app does after its data calls. */
function render(): void {
  const r = route();
  document.title = `${r.title} | TikTok Ads Manager`;
  main = el(
    'main',
    { class: 'vi-layout__content-Ls88V' },
    el('div', { class: 'vi-spin-9gq2L', 'aria-busy': 'true' }, 'Loading…'),
  );
  root.replaceChildren(
    el(
      'div',
      { class: 'vi-layout-UKbnl' },
      header(),
      el('div', { class: 'vi-layout__body-k7OmX' }, sider(r.view), main),
    ),
  );
  const token = ++renderToken;
  setTimeout(() => token === renderToken && renderContent(), 300 + Math.random() * 500);
}

function navigate(url: string): void {
  history.pushState(null, '', url);
  render();
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link || link.origin !== location.origin || !link.pathname.startsWith('/i18n/')) return;
  event.preventDefault();
  navigate(link.href);
});
window.addEventListener('popstate', render);

// ---- the redeem dialog: always in the DOM, hidden while closed (as on the saved pages)

const input = el('input', {
  class: 'byted-input-33JIn',
  id: 'coupon-code-input',
  type: 'text',
  autocomplete: 'off',
  maxlength: '32',
  placeholder: 'Enter coupon code',
  value: '',
}) as HTMLInputElement;
const formItem = el(
  'div',
  { class: 'vi-form-item-ag9nE' },
  el('label', { class: 'vi-form-item__label-fg5bl', for: 'coupon-code-input' }, 'Coupon code'),
  el('div', { class: 'byted-input-wrapper-bMvvV' }, input),
);
const activate = button('byted-btn--primary-JEXzn', 'Activate', submitCode, { disabled: true });
const dialog = el(
  'div',
  {
    class: 'byted-modal__wrap-RnB9r',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'redeem-coupon-title',
    'aria-hidden': 'true',
  },
  el(
    'div',
    { class: 'byted-modal__header-JelpI' },
    el('span', { class: 'byted-modal__title-qTZju', id: 'redeem-coupon-title' }, 'Redeem coupon'),
    button('', '×', closeDialog, { class: 'byted-modal__close-gYbVY', 'aria-label': 'Close' }),
  ),
  el(
    'div',
    { class: 'byted-modal__body-uGXys' },
    formItem,
    el('p', { class: 'byted-modal__note-WP7ZS' }, 'Each coupon can be redeemed once per ad account.'),
  ),
  el(
    'div',
    { class: 'byted-modal__footer-6oHzH' },
    button('byted-btn--secondary-IRWej', 'Cancel', closeDialog),
    activate,
  ),
);
const modalRoot = el(
  'div',
  { class: 'byted-modal-root-ftLR9', style: 'display: none;' },
  el('div', { class: 'byted-modal__mask-dRtjr' }),
  dialog,
);

function setMessage(kind: 'error' | 'success' | null, text = ''): void {
  formItem.querySelector('.vi-form-item__explain-vopFi')?.remove();
  formItem.classList.toggle('vi-form-item--error-DRShR', kind === 'error');
  if (kind === null) return;
  formItem.append(
    el(
      'div',
      {
        class: `vi-form-item__explain-vopFi vi-form-item__explain--${kind === 'error' ? 'error-c7zVz' : 'success-Q2m7d'}`,
        role: kind === 'error' ? 'alert' : 'status',
      },
      text,
    ),
  );
}

function openDialog(): void {
  input.value = '';
  activate.toggleAttribute('disabled', true);
  setMessage(null);
  modalRoot.style.display = '';
  dialog.removeAttribute('aria-hidden');
  input.focus();
}

function closeDialog(): void {
  modalRoot.style.display = 'none';
  dialog.setAttribute('aria-hidden', 'true');
  input.value = '';
  setMessage(null);
}

input.addEventListener('input', () => {
  activate.toggleAttribute('disabled', input.value === '');
  setMessage(null);
});

function submitCode(): void {
  const code = input.value;
  activate.toggleAttribute('disabled', true);
  // The real dialog waits for a server round trip before it answers.
  setTimeout(() => {
    // Codes are matched exactly: a pasted space or a letter O for a zero makes the code invalid.
    const known = CODES[code.toUpperCase()];
    if (!known) return answer('invalidCode');
    if ('error' in known) return answer(known.error);
    if (state.redeemed.includes(code.toUpperCase())) return answer('alreadyRedeemed');
    state.redeemed.push(code.toUpperCase());
    const free = known.offer.minSpend === null;
    state.promotions.push({
      ...known.offer,
      spent: 0,
      used: 0,
      status: free ? 'available' : 'earning',
      redeemedDay: state.day,
      issuedDay: free ? state.day : null,
      metDay: null,
    });
    state.transactions.push({ day: state.day, type: 'Redeem coupon', amount: free ? known.offer.amount : 0 });
    save();
    setMessage('success', MESSAGES.success);
    renderContent();
  }, 400);

  function answer(error: RedeemError): void {
    setMessage('error', MESSAGES[error]);
    activate.toggleAttribute('disabled', false);
  }
}

// ---- cookie banner, like the saved pages (a role="dialog" that is not the redeem dialog)

function cookieBanner(): HTMLElement {
  const banner = el(
    'div',
    {
      class: 'vi-cookie-banner-B2G5z',
      role: 'dialog',
      'aria-label': 'Cookie settings',
      'aria-modal': 'false',
    },
    el(
      'p',
      { class: 'vi-cookie-banner__text-z1yC4' },
      'We use cookies to improve your experience and to measure how our services perform.',
    ),
  );
  const answer = (): void => {
    state.cookiesAnswered = true;
    save();
    banner.remove();
  };
  banner.append(
    el(
      'div',
      { class: 'vi-cookie-banner__actions-mTRUP' },
      button('byted-btn--secondary-IRWej', 'Reject non-essential', answer),
      button('byted-btn--primary-JEXzn', 'Accept all', answer),
    ),
  );
  return banner;
}

// ---- spend over days: the demo's clock

/** One demo day: spend goes to credit first, then cash; conditional offers count it toward their minimum. */
function spendOneDay(): void {
  const amount = state.dailySpend;
  state.day += 1;
  state.totalSpend += amount;
  let fromCash = amount;
  for (const p of state.promotions.filter((x) => x.status === 'available')) {
    const take = Math.min(fromCash, p.amount - p.used);
    p.used += take;
    fromCash -= take;
    if (p.used >= p.amount) p.status = 'used';
  }
  state.cash = Math.max(0, state.cash - fromCash);
  if (amount > 0) state.transactions.push({ day: state.day, type: 'Ad spend', amount: -amount });
  for (const p of state.promotions) {
    if (p.status === 'earning') {
      p.spent += amount;
      if (p.spent >= (p.minSpend ?? 0)) {
        p.status = 'processing';
        p.metDay = state.day;
      } else if (p.windowDays !== null && state.day > p.redeemedDay + p.windowDays) {
        p.status = 'expired';
      }
    } else if (p.status === 'processing' && state.day >= (p.metDay ?? state.day) + PROCESSING_DAYS) {
      p.status = 'available';
      p.issuedDay = state.day;
      state.transactions.push({ day: state.day, type: 'Ad credit issued', amount: p.amount });
    } else if (p.status === 'available' && p.issuedDay !== null && state.day > p.issuedDay + p.validDays) {
      p.status = 'expired';
    }
  }
}

/**
 * Moves the extension's clock to the demo's date. npm start's harness provides `acgDemoDate`
 * (scripts/demo-clock.ts) and sets the demo build's clock from it; elsewhere (the e2e suite, a plain
 * demo server, the shipped extension) there is none and only the page's date moves. Resolves once the
 * extension goes by the new date, so the page shows the new day only after that.
 */
async function moveExtensionClock(): Promise<void> {
  const harness = window as Window & { acgDemoDate?: (date: string) => Promise<void> };
  try {
    await harness.acgDemoDate?.(dateOf(state.day).toISOString().slice(0, 10));
  } catch (error) {
    // The page still moves: a demo that stops is worse than one whose extension lags a day.
    console.warn('Demo: the extension clock did not move', error);
  }
}

function controls(): HTMLElement {
  const today = el('p', {}, '');
  const daily = el('input', {
    type: 'number',
    min: '0',
    step: '1',
    value: String(state.dailySpend),
    'aria-label': 'Daily spend (USD)',
  }) as HTMLInputElement;
  const refresh = (): void => {
    today.textContent = `Demo date: ${formatDate(state.day)} (day ${state.day})`;
  };
  // One control moves both clocks: the page's date and the extension's.
  const spend = (days: number) => async (): Promise<void> => {
    // $0 is a day without spend: a stalled campaign, which the extension must notice.
    const typed = daily.value.trim() === '' ? NaN : Number(daily.value);
    state.dailySpend = Number.isFinite(typed) && typed >= 0 ? typed : state.dailySpend;
    for (let i = 0; i < days; i++) spendOneDay();
    save();
    await moveExtensionClock();
    refresh();
    renderContent();
  };
  const reset = (): void => {
    localStorage.removeItem(storageKey);
    location.reload();
  };
  refresh();
  const codeList = el(
    'ul',
    {},
    ...Object.entries(CODES).map(([code, { note }]) => el('li', {}, el('code', {}, code), ` — ${note}`)),
    el('li', {}, 'anything else — invalid (try TTADS-5O0FF)'),
  );
  const plain = (label: string, onClick: () => void | Promise<void>): HTMLElement => {
    const b = el('button', { type: 'button' }, label);
    b.addEventListener('click', () => void onClick());
    return b;
  };
  return el(
    'aside',
    { class: 'demo-controls', id: 'demo-controls', 'aria-label': 'Demo controls' },
    el('h2', {}, 'Demo controls (not part of Ads Manager)'),
    today,
    el('p', {}, el('label', {}, 'Daily spend $ ', daily)),
    el('p', {}, plain('Spend 1 day', spend(1)), plain('Spend 7 days', spend(7)), plain('Reset demo', reset)),
    el('p', {}, 'Coupon codes:'),
    codeList,
  );
}

document.body.append(modalRoot, controls());
if (!state.cookiesAnswered) document.body.append(cookieBanner());
// A reload or a reset: the extension's clock follows the demo's date before the content renders.
void moveExtensionClock().then(render);
