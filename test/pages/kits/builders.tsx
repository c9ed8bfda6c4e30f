// The billing pages' parts, assembled from a kit's components: the account header, the balance, the redeem dialog,
// the promotions tabs and their tables. A page is described by the data it shows; its expected snapshot is that
// same data as the page shows it (a field whose column the page leaves out is null), never a reading of the page.
import * as React from 'react';

import type { Column, Kit, KitName } from './kits';
import { formatDate, requirement, word } from './locale';
import type { Lang, Money } from './locale';

export type Status = 'earning' | 'processing' | 'available' | 'used' | 'expired' | 'invalid';
export type CreditType = 'free' | 'assignable' | 'conditional';
export type TabKey = 'available' | 'earning' | 'notAvailable';

/** One promotion as the advertiser's account holds it: the truth a page shows part of. */
export interface Promo {
  id: string;
  name: string;
  type: CreditType;
  status: Status;
  amount: number;
  /** Conditional credits: spend required first, within `days`. */
  minSpend?: number;
  days?: number;
  /** Conditional credits still earning: spend so far, shown as a progress "X / Y". */
  spent?: number;
  /** Credit still usable; undefined while the credit is not issued (the page shows "-"). */
  unused?: number;
  redeemedOn: string;
  validFrom: string;
  validUntil: string;
  /** Assignable credits: number of campaigns it is assigned to. */
  campaigns?: number;
}

export interface Account {
  name: string;
  id: string;
  money: Money;
  timezone: string;
}

export interface Expected {
  view: 'payment' | 'promotions' | 'other';
  url: string | null;
  lang: string | null;
  accountId: string | null;
  /** The account's name the header shows beside its id. */
  accountName: string | null;
  currency: string | null;
  balance: { total: number | null; cash: number | null; credit: number | null } | null;
  promotions: ExpectedPromo[];
  redeem: { open: boolean; code: string | null; error: string | null; succeeded: boolean } | null;
  warnings: string[];
}

export interface ExpectedPromo {
  name: string | null;
  type: CreditType | 'unknown';
  status: Status | 'unknown';
  amount: number | null;
  minSpend: number | null;
  spent: number | null;
  unused: number | null;
  redeemedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  assigned: boolean | null;
}

export interface PageSpec {
  name: string;
  kit: KitName;
  lang: Lang;
  htmlLang: string;
  url: string;
  title: string;
  /** Stylesheet rules the page carries (the kit's CSS is left out; rules the page relies on to hide are not). */
  style?: string;
  /** The page as first shown, then as saved: tabs visited, tooltips hovered and closed, dialogs opened. */
  phases: (kit: Kit) => React.ReactElement[];
  /** The snapshot, given the names of the promotions the kit put in the selected pane (virtualized tables render some). */
  expected: (namesInPane: string[]) => Expected;
}

const NO_DATA: Record<Lang, string> = {
  en: 'No data',
  es: 'Sin datos',
  pt: 'Sem dados',
  fr: 'Aucune donnée',
  de: 'Keine Daten',
  id: 'Tidak ada data',
  ja: 'データがありません',
  vi: 'Không có dữ liệu',
};

const EMPTY_CELL = '-';

const tabStatus: Record<TabKey, Status | null> = {
  available: 'available',
  earning: 'earning',
  notAvailable: null,
};

const statusColor: Record<Status, 'green' | 'orange' | 'red' | 'grey' | 'blue'> = {
  earning: 'blue',
  processing: 'orange',
  available: 'green',
  used: 'grey',
  expired: 'red',
  invalid: 'red',
};

function url(host: 'ads' | 'business', path: string, account: string, extra = ''): string {
  return host === 'ads'
    ? `https://ads.tiktok.com/i18n/account/${path}?aadvid=${account}${extra}`
    : `https://business.tiktok.com/manage/${path}?aadvid=${account}${extra}`;
}

/* ------------------------------------------------------------------ the frame every page shares */

function Shell(p: {
  lang: Lang;
  account: Account;
  current: 'payment' | 'promotions';
  children: React.ReactNode;
  currencyInHeader: boolean;
}) {
  const w = (e: Parameters<typeof word>[1], n = 0) => word(p.lang, e, n);
  const link = (path: string) => url('ads', path, p.account.id);
  return (
    <div className="app-layout">
      <header className="app-header">
        <a className="app-logo" href={`https://ads.tiktok.com/i18n/dashboard?aadvid=${p.account.id}`}>
          TikTok for Business
        </a>
        <div className="app-account" role="button" tabIndex={0}>
          <div className="app-account__name">{p.account.name}</div>
          <div className="app-account__meta">
            <span>
              {w((g) => g.labels.adAccountId)}: {p.account.id}
            </span>
            {p.currencyInHeader ? (
              <span className="app-account__currency"> · {p.account.money.iso}</span>
            ) : null}
            <span> · {p.account.timezone}</span>
          </div>
        </div>
      </header>
      <div className="app-body">
        <aside className="app-sider">
          <div className="app-menu__group">{w((g) => g.nav.finance)}</div>
          <a
            className={p.current === 'payment' ? 'app-menu__item is-active' : 'app-menu__item'}
            href={link('payment')}
          >
            {w((g) => g.nav.payment)}
          </a>
          <a
            className={p.current === 'promotions' ? 'app-menu__item is-active' : 'app-menu__item'}
            href={link('promotion')}
          >
            {w((g) => g.nav.promotions)}
          </a>
        </aside>
        <main className="app-content">{p.children}</main>
      </div>
    </div>
  );
}

/* ------------------------------------------------------------------ payment page */

export interface PaymentOptions {
  name: string;
  kit: KitName;
  lang: Lang;
  htmlLang?: string;
  account: Account;
  balance: { total: number; cash: number; credit: number };
  /** Statistic cards, or the kit's descriptions in one of its layouts. */
  balanceAs: 'stat' | 'plain' | 'bordered' | 'vertical';
  /** Which glossary variant of the balance labels the page uses. */
  labelVariant?: number;
  /** The account's currency named in the header; else a "Currency" item among the balances. */
  currencyInHeader?: boolean;
  redeem?: { open: boolean; code: string; error: string | null };
  /** A recent transactions table: amounts and dates that are not promotions. */
  transactions?: { date: string; what: string; amount: number }[];
  /** Each figure above its label (statistic cards and the plain list; MUI pages). */
  valueFirst?: boolean;
  /** A status chip ("Available") beside the ad credit figure (statistic cards and descriptions; MUI pages). */
  chipBesideCredit?: boolean;
  /** A help icon beside the ad credit label whose tooltip names the balances; hovered once, then closed. */
  labelTooltip?: boolean;
}

export function paymentPage(o: PaymentOptions): PageSpec {
  const w = (e: Parameters<typeof word>[1], n = o.labelVariant ?? 0) => word(o.lang, e, n);
  const m = o.account.money;
  const inHeader = o.currencyInHeader ?? true;
  const phases = (kit: Kit) => {
    const creditLabel = w((g) => g.balance.adCredit);
    const chip = o.chipBesideCredit ? <kit.Tag color="green">{w((g) => g.statuses.available)}</kit.Tag> : null;
    const labelOf = (label: string, tooltipOpen: boolean) =>
      o.labelTooltip && label === creditLabel ? (
        <span className="label-with-help">
          {label}{' '}
          <kit.Tooltip
            open={tooltipOpen}
            content={`${w((g) => g.balance.accountBalance)} = ${w((g) => g.balance.cashBalance)} + ${creditLabel}`}
          >
            <span className="label-help-icon">ⓘ</span>
          </kit.Tooltip>
        </span>
      ) : (
        label
      );
    const labels = [
      [w((g) => g.balance.accountBalance), o.balance.total],
      [w((g) => g.balance.cashBalance), o.balance.cash],
      [creditLabel, o.balance.credit],
    ] as const;
    const balance = (tooltipOpen: boolean) =>
      o.balanceAs === 'stat' ? (
        <div className="balance-cards">
          {labels.map(([label, value]) => (
            <div className="balance-card" key={label}>
              <kit.Stat
                label={labelOf(label, tooltipOpen)}
                valueFirst={o.valueFirst}
                beside={label === creditLabel ? chip : undefined}
                value={value}
                precision={m.decimals}
                groupSeparator={m.stat.group}
                decimalSeparator={m.stat.point}
                prefix={m.stat.prefix}
                suffix={m.stat.suffix}
              />
            </div>
          ))}
          {inHeader ? null : (
            <div className="balance-card">
              <kit.Descriptions
                layout="plain"
                items={[{ label: w((g) => g.labels.currency), value: m.iso }]}
              />
            </div>
          )}
        </div>
      ) : (
        <kit.Descriptions
          layout={o.balanceAs}
          valueFirst={o.valueFirst}
          items={[
            ...(inHeader ? [] : [{ label: w((g) => g.labels.currency), value: m.iso }]),
            ...labels.map(([label, value]) => ({
              label: labelOf(label, tooltipOpen),
              value:
                label === creditLabel && chip ? (
                  <>
                    {m.format(value)} {chip}
                  </>
                ) : (
                  m.format(value)
                ),
            })),
          ]}
        />
      );
    const page = (dialogOpen: boolean, tooltipOpen = false) => (
      <kit.Root lang={o.lang}>
        <Shell lang={o.lang} account={o.account} current="payment" currencyInHeader={inHeader}>
          <h1 className="page-title">{w((g) => g.nav.payment)}</h1>
          <section className="page-card">{balance(tooltipOpen)}</section>
          <div className="page-actions">
            <kit.Button primary>{w((g) => g.buttons.addBalance)}</kit.Button>
            <kit.Button>{w((g) => g.buttons.redeemCoupon)}</kit.Button>
          </div>
          {o.transactions ? (
            <section className="page-card">
              <kit.Table
                rowKey={(r) => `TX-${r.date}-${r.amount}`}
                rows={o.transactions}
                columns={[
                  { key: 'date', title: 'Date', render: (r) => formatDate(o.lang, r.date) },
                  { key: 'what', title: 'Transaction', render: (r) => r.what },
                  { key: 'amount', title: w((g) => g.columns.amount), render: (r) => m.format(r.amount) },
                ]}
              />
            </section>
          ) : null}
          {o.redeem ? (
            <kit.Modal
              open={dialogOpen}
              title={w((g) => g.redeem.dialogTitle, 0)}
              okText={w((g) => g.buttons.activate, 0)}
              cancelText={w((g) => g.buttons.cancel, 0)}
              codeLabel={w((g) => g.redeem.codeLabel, 0)}
              placeholder={w((g) => g.redeem.codePlaceholder, 0)}
              code={o.redeem.code}
              error={o.redeem.error}
            />
          ) : null}
        </Shell>
      </kit.Root>
    );
    // A closed dialog was open first: the kits keep it in the DOM, hidden, with what was typed.
    // A help tooltip was hovered first, then closed: the kits keep it in the DOM, hidden.
    if (o.labelTooltip) return [page(Boolean(o.redeem), true), page(o.redeem?.open ?? false, false)];
    return o.redeem ? [page(true), page(o.redeem.open)] : [page(false)];
  };
  const htmlLang = o.htmlLang ?? o.lang;
  const address = url('ads', 'payment', o.account.id);
  return {
    name: o.name,
    kit: o.kit,
    lang: o.lang,
    htmlLang,
    url: address,
    title: `${w((g) => g.nav.payment)} | TikTok Ads Manager`,
    phases,
    expected: () => ({
      view: 'payment',
      url: address,
      lang: htmlLang,
      accountId: o.account.id,
      accountName: o.account.name,
      currency: m.iso,
      balance: { ...o.balance },
      promotions: [],
      redeem: o.redeem
        ? o.redeem.open
          ? { open: true, code: o.redeem.code || null, error: o.redeem.error, succeeded: false }
          : { open: false, code: null, error: null, succeeded: false }
        : null,
      warnings: [],
    }),
  };
}

/* ------------------------------------------------------------------ promotions page */

export type ColumnKey =
  | 'name'
  | 'status'
  | 'type'
  | 'amount'
  | 'requirement'
  | 'progress'
  | 'unused'
  | 'used'
  | 'redeemed'
  | 'valid'
  | 'actions';

export interface PromotionsOptions {
  name: string;
  kit: KitName;
  lang: Lang;
  htmlLang?: string;
  account: Account;
  /** The tab the page shows; `visitedFirst` was open before, so its pane stays in the DOM, hidden. */
  tab: TabKey;
  visitedFirst?: TabKey;
  rows: Partial<Record<TabKey, Promo[]>>;
  columns: ColumnKey[];
  /** The status tag sits in the name cell, beside the name (and the status column is left out). */
  statusInName?: boolean;
  /** An "ID: ..." line under each name. */
  idUnderName?: boolean;
  fixedHeader?: boolean;
  fixedColumns?: boolean;
  selection?: boolean;
  /** Rows whose detail (a sub-table of the credit's use) is open. */
  expanded?: string[];
  sortable?: boolean;
  filters?: boolean;
  /** A help icon in the unused-amount header whose tooltip names other columns; hovered once, then closed. */
  headerTooltip?: boolean;
  pageSize?: number;
  virtualized?: boolean;
  /** The kit's data grid (MUI X DataGrid) instead of its table; with `virtualized`, its virtualization on. */
  grid?: boolean;
  labelVariant?: number;
  /** The account's currency in the header; else only glued to amounts as an ISO code (money USD_CODE). */
  currencyInHeader?: boolean;
  style?: string;
}

const DETAIL_TITLE: Record<Lang, [string, string, string]> = {
  en: ['Date', 'Campaign', 'Amount used'],
  es: ['Fecha', 'Campaña', 'Importe utilizado'],
  pt: ['Data', 'Campanha', 'Valor utilizado'],
  fr: ['Date', 'Campagne', 'Montant utilisé'],
  de: ['Datum', 'Kampagne', 'Genutzter Betrag'],
  id: ['Tanggal', 'Kampanye', 'Jumlah terpakai'],
  ja: ['日付', 'キャンペーン', '使用済み額'],
  vi: ['Ngày', 'Chiến dịch', 'Số tiền đã dùng'],
};

export function promotionsPage(o: PromotionsOptions): PageSpec {
  const w = (e: Parameters<typeof word>[1], n = o.labelVariant ?? 0) => word(o.lang, e, n);
  const m = o.account.money;
  const htmlLang = o.htmlLang ?? o.lang;
  const tabQuery = o.tab === 'notAvailable' ? 'not_available' : o.tab;
  const address = url('ads', 'promotion', o.account.id, `&tab=${tabQuery}`);
  const show = new Set(o.columns);
  const statusWord = (s: Status) => w((g) => g.statuses[s]);
  const tag = (kit: Kit, s: Status) => <kit.Tag color={statusColor[s]}>{statusWord(s)}</kit.Tag>;

  const columnsFor = (kit: Kit, tooltipOpen: boolean): Column<Promo>[] => {
    const col = (
      key: ColumnKey,
      title: React.ReactNode,
      render: Column<Promo>['render'],
      extra: Partial<Column<Promo>> = {},
    ) => ({ key, title, render, ...extra }) as Column<Promo>;
    const all: Record<ColumnKey, Column<Promo>> = {
      name: col(
        'name',
        w((g) => g.columns.name),
        (p) => (
          <div className="promo-name">
            <span className="promo-name__text">{p.name}</span>
            {o.statusInName ? <span className="promo-name__tag">{tag(kit, p.status)}</span> : null}
            {o.idUnderName ? <div className="promo-name__id">ID: {p.id}</div> : null}
          </div>
        ),
        o.fixedColumns ? { fixed: 'left', width: 240 } : { width: 240 },
      ),
      status: col(
        'status',
        w((g) => g.columns.status),
        (p) => tag(kit, p.status),
        {
          filters: o.filters ? (['available', 'used', 'expired'] as Status[]).map(statusWord) : undefined,
        },
      ),
      type: col(
        'type',
        w((g) => g.columns.creditType),
        (p) => w((g) => g.creditTypes[p.type]),
        {
          filters: o.filters
            ? (['free', 'assignable', 'conditional'] as const).map((t) => w((g) => g.creditTypes[t]))
            : undefined,
        },
      ),
      amount: col(
        'amount',
        w((g) => g.columns.amount),
        (p) => m.format(p.amount),
        { sortable: o.sortable },
      ),
      requirement: col(
        'requirement',
        w((g) => g.columns.usageRequirements),
        (p) =>
          p.minSpend !== undefined
            ? requirement(o.lang, m.format(p.minSpend), p.days ?? 30)
            : w((g) => g.labels.noRequirements),
      ),
      progress: col(
        'progress',
        w((g) => g.columns.progress),
        (p) =>
          p.spent !== undefined && p.minSpend !== undefined ? (
            <kit.Progress
              percent={Math.min(100, Math.round((100 * p.spent) / p.minSpend))}
              text={`${m.format(p.spent)} / ${m.format(p.minSpend)}`}
            />
          ) : (
            EMPTY_CELL
          ),
      ),
      unused: col(
        'unused',
        o.headerTooltip ? (
          <span className="th-with-help">
            {w((g) => g.columns.unusedAmount)}{' '}
            <kit.Tooltip
              open={tooltipOpen}
              content={`${w((g) => g.columns.unusedAmount)} = ${w((g) => g.columns.amount)} − ${w((g) => g.columns.usedAmount)}`}
            >
              <span className="th-help-icon" aria-label="?">
                ⓘ
              </span>
            </kit.Tooltip>
          </span>
        ) : (
          w((g) => g.columns.unusedAmount)
        ),
        (p) => (p.unused !== undefined ? m.format(p.unused) : EMPTY_CELL),
      ),
      used: col(
        'used',
        w((g) => g.columns.usedAmount),
        (p) =>
          p.unused !== undefined ? m.format(Math.round((p.amount - p.unused) * 100) / 100) : EMPTY_CELL,
      ),
      redeemed: col(
        'redeemed',
        w((g) => g.columns.redeemedDate),
        (p) => formatDate(o.lang, p.redeemedOn),
        {
          sortable: o.sortable,
        },
      ),
      valid: col(
        'valid',
        w((g) => g.columns.validDates),
        (p) => (
          <span className="valid-range">
            <span>{formatDate(o.lang, p.validFrom)}</span>
            <span> – </span>
            <span>{formatDate(o.lang, p.validUntil)}</span>
          </span>
        ),
      ),
      actions: col(
        'actions',
        w((g) => g.columns.actions),
        (p) =>
          p.type === 'assignable' ? (
            <div className="promo-actions">
              <span className="promo-actions__assigned">
                {p.campaigns
                  ? w((g) => g.assignment.campaigns, p.campaigns === 1 ? 1 : 0).replace(
                      '{n}',
                      String(p.campaigns),
                    )
                  : w((g) => g.assignment.notAssigned)}
              </span>{' '}
              <a href="#">{w((g) => g.buttons.viewAssign, 0)}</a>
            </div>
          ) : (
            <a href="#">{w((g) => g.buttons.viewAssign, 1)}</a>
          ),
        o.fixedColumns ? { fixed: 'right', width: 160 } : {},
      ),
    };
    return o.columns.map((k) => all[k]);
  };

  const detail = (kit: Kit, p: Promo) => {
    const used = Math.round((p.amount - (p.unused ?? p.amount)) * 100) / 100;
    const uses = used > 0 ? [{ date: p.redeemedOn, campaign: `${p.name} · 1`, amount: used }] : [];
    const [d, c, a] = DETAIL_TITLE[o.lang];
    return (
      <div className="promo-detail">
        <kit.Table
          rowKey={(u) => `USE-${p.id}-${u.date}`}
          rows={uses}
          emptyText={NO_DATA[o.lang]}
          columns={[
            { key: 'date', title: d, render: (u) => formatDate(o.lang, u.date) },
            { key: 'campaign', title: c, render: (u) => u.campaign },
            { key: 'amount', title: a, render: (u) => m.format(u.amount) },
          ]}
        />
      </div>
    );
  };

  const tabs: TabKey[] = ['available', 'earning', 'notAvailable'];
  const tabTitle = (t: TabKey) => {
    const n = o.rows[t]?.length ?? 0;
    return `${w((g) => g.tabs[t])} (${n})`;
  };

  const phases = (kit: Kit) => {
    const page = (active: TabKey, tooltipOpen: boolean) => (
      <kit.Root lang={o.lang}>
        <Shell
          lang={o.lang}
          account={o.account}
          current="promotions"
          currencyInHeader={o.currencyInHeader ?? true}
        >
          <div className="page-head">
            <h1 className="page-title">{w((g) => g.nav.promotionsTitle)}</h1>
            <kit.Button primary>{w((g) => g.buttons.redeemCoupon)}</kit.Button>
          </div>
          <kit.Tabs
            active={active}
            panes={tabs.map((t) => ({
              key: t,
              title: tabTitle(t),
              content: (
                <div className="promo-pane" data-pane={t}>
                  <kit.Table
                    rowKey={(p) => p.id}
                    rows={o.rows[t] ?? []}
                    columns={columnsFor(kit, tooltipOpen)}
                    scrollY={o.fixedHeader || o.virtualized ? 480 : undefined}
                    scrollX={o.fixedColumns ? 1600 : undefined}
                    selection={o.selection}
                    expanded={o.expanded ? { open: o.expanded, render: (p) => detail(kit, p) } : undefined}
                    pagination={
                      o.pageSize ? { total: o.rows[t]?.length ?? 0, pageSize: o.pageSize } : undefined
                    }
                    virtualized={o.virtualized}
                    grid={o.grid}
                    emptyText={NO_DATA[o.lang]}
                  />
                </div>
              ),
            }))}
          />
        </Shell>
      </kit.Root>
    );
    return [page(o.visitedFirst ?? o.tab, o.headerTooltip ?? false), page(o.tab, false)];
  };

  const expectRow = (p: Promo): ExpectedPromo => ({
    name: p.name,
    type: show.has('type') ? p.type : 'unknown',
    status: show.has('status') || o.statusInName ? p.status : (tabStatus[o.tab] ?? 'unknown'),
    amount: show.has('amount') ? p.amount : null,
    minSpend: show.has('requirement') && p.minSpend !== undefined ? p.minSpend : null,
    spent: show.has('progress') && p.spent !== undefined ? p.spent : null,
    unused: show.has('unused') && p.unused !== undefined ? p.unused : null,
    redeemedOn: show.has('redeemed') ? p.redeemedOn : null,
    validFrom: show.has('valid') ? p.validFrom : null,
    validUntil: show.has('valid') ? p.validUntil : null,
    assigned: p.type === 'assignable' && show.has('actions') ? (p.campaigns ?? 0) > 0 : null,
  });

  return {
    name: o.name,
    kit: o.kit,
    lang: o.lang,
    htmlLang,
    url: address,
    title: `${w((g) => g.nav.promotions)} | TikTok Ads Manager`,
    style: o.style,
    phases,
    expected: (names) => {
      const rows = o.rows[o.tab] ?? [];
      const byName = new Map(rows.map((r) => [r.name, r]));
      if (byName.size !== rows.length) throw new Error(`${o.name}: two promotions share a name`);
      if (!o.virtualized && names.join('|') !== rows.map((r) => r.name).join('|'))
        throw new Error(`${o.name}: the kit rendered ${names.length} of ${rows.length} rows`);
      return {
        view: 'promotions',
        url: address,
        lang: htmlLang,
        accountId: o.account.id,
        accountName: o.account.name,
        currency: m.iso,
        balance: null,
        promotions: names.map((k) => expectRow(byName.get(k)!)),
        redeem: null,
        warnings: [],
      };
    },
  };
}
