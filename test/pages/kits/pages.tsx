// Every page the generator renders: which kit, which language, which parts and which of their options.
import type { PageSpec } from './builders';
import { paymentPage, promotionsPage } from './builders';
import { accounts, manyPromotions, promotionsOf, unit } from './data';
import { word } from './locale';

const P = (key: keyof typeof accounts) => {
  const acc = accounts[key];
  return promotionsOf(langOf(key), unit[acc.money.iso]!, Number(acc.id.slice(-6)) * 100);
};
function langOf(key: keyof typeof accounts) {
  return key.replace(/[A-Z].*$/, '') as Parameters<typeof word>[0];
}
const tx = [
  { date: '2026-11-20', what: 'Top-up', amount: 500 },
  { date: '2026-11-02', what: 'Coupon', amount: 25 },
];

export const pages: PageSpec[] = [
  paymentPage({
    name: 'semi-en-payment-stat-dialog-closed',
    kit: 'semi',
    lang: 'en',
    account: accounts.en,
    balance: { total: 1284.5, cash: 1034.5, credit: 250 },
    balanceAs: 'stat',
    redeem: { open: false, code: 'TTADS-5O0FF', error: word('en', (w) => w.redeem.errors.invalidCode) },
    transactions: tx,
  }),
  paymentPage({
    name: 'arco-fr-payment-stat-dialog-error',
    kit: 'arco',
    lang: 'fr',
    account: accounts.fr,
    balance: { total: 1250, cash: 1000, credit: 250 },
    balanceAs: 'stat',
    redeem: { open: true, code: 'TTADS-FR50', error: word('fr', (w) => w.redeem.errors.expiredCode) },
  }),
  paymentPage({
    name: 'antd-es-payment-bordered-currency-row',
    kit: 'antd',
    lang: 'es',
    htmlLang: 'es-MX',
    account: accounts.esMx,
    balance: { total: 12450.75, cash: 10450.75, credit: 2000 },
    balanceAs: 'bordered',
    currencyInHeader: false,
    redeem: { open: true, code: 'TTADS-MX 200', error: word('es', (w) => w.redeem.errors.alreadyRedeemed) },
  }),
  promotionsPage({
    name: 'semi-en-promotions-available-fixed-header',
    kit: 'semi',
    lang: 'en',
    account: accounts.en,
    tab: 'available',
    rows: P('en'),
    columns: [
      'name',
      'type',
      'amount',
      'unused',
      'used',
      'valid',
      'redeemed',
      'requirement',
      'status',
      'actions',
    ],
    fixedHeader: true,
    selection: true,
    sortable: true,
    filters: true,
  }),
  promotionsPage({
    name: 'arco-de-promotions-earning-fixed-header',
    kit: 'arco',
    lang: 'de',
    account: accounts.de,
    tab: 'earning',
    rows: P('de'),
    columns: ['status', 'name', 'type', 'amount', 'requirement', 'progress', 'redeemed', 'valid', 'actions'],
    fixedHeader: true,
  }),
  promotionsPage({
    name: 'antd-pt-promotions-not-available-fixed-columns',
    kit: 'antd',
    lang: 'pt',
    htmlLang: 'pt-BR',
    account: accounts.pt,
    tab: 'notAvailable',
    visitedFirst: 'available',
    rows: P('pt'),
    columns: [
      'name',
      'status',
      'type',
      'amount',
      'unused',
      'used',
      'requirement',
      'redeemed',
      'valid',
      'actions',
    ],
    fixedHeader: true,
    fixedColumns: true,
    selection: true,
    expanded: [],
    sortable: true,
    headerTooltip: true,
  }),
  promotionsPage({
    name: 'semi-ja-promotions-virtualized',
    kit: 'semi',
    lang: 'ja',
    account: accounts.ja,
    tab: 'available',
    rows: { available: manyPromotions('ja', 100, 'available', 150, 9000) },
    columns: ['name', 'status', 'type', 'amount', 'unused', 'valid', 'actions'],
    virtualized: true,
  }),
  promotionsPage({
    name: 'arco-vi-promotions-earning-empty-tab',
    kit: 'arco',
    lang: 'vi',
    account: accounts.vi,
    tab: 'earning',
    visitedFirst: 'available',
    rows: { available: P('vi').available, notAvailable: P('vi').notAvailable },
    columns: ['name', 'status', 'type', 'amount', 'requirement', 'progress', 'unused', 'valid'],
  }),
];
