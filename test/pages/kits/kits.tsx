// The three kits behind one small interface, so a page can be built with any of them. Every element on a page
// is the kit's own component with the props its documentation gives; nothing here imitates a kit's markup.
import * as React from 'react';

import type { Lang } from './locale';

export type KitName = 'semi' | 'arco' | 'antd';

export interface Column<Row> {
  key: string;
  title: React.ReactNode;
  render: (row: Row, index: number) => React.ReactNode;
  width?: number;
  fixed?: 'left' | 'right';
  sortable?: boolean;
  filters?: string[];
}

export interface TableOptions<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Fixed header: the kit renders header and body as two tables. */
  scrollY?: number;
  /** Horizontal scroll, needed for fixed columns. */
  scrollX?: number;
  selection?: boolean;
  expanded?: { render: (row: Row) => React.ReactNode; open: string[] };
  pagination?: { total: number; pageSize: number };
  virtualized?: boolean;
  emptyText?: string;
}

export interface StatOptions {
  label: React.ReactNode;
  /** Integer part, decimal part (with its separator), prefix and suffix: the kits' statistics split them. */
  value: number;
  precision: number;
  groupSeparator: string;
  decimalSeparator: string;
  prefix?: string;
  suffix?: string;
}

export interface Kit {
  name: KitName;
  /** The rules of the kit's stylesheet that hide what it keeps in the DOM (closed dialogs, tooltips, panes). */
  hidingRules: string;
  /** Wraps a page in the kit's provider with the page language's locale, as an application does. */
  Root: React.FC<{ lang: Lang; children: React.ReactNode }>;
  Table: <Row>(props: TableOptions<Row>) => React.ReactElement;
  Tabs: React.FC<{
    active: string;
    panes: { key: string; title: React.ReactNode; content: React.ReactNode }[];
  }>;
  Tag: React.FC<{ color: 'green' | 'orange' | 'red' | 'grey' | 'blue'; children: React.ReactNode }>;
  Progress: React.FC<{ percent: number; text: string }>;
  Tooltip: React.FC<{ content: string; open: boolean; children: React.ReactElement }>;
  Button: React.FC<{ primary?: boolean; children: React.ReactNode }>;
  Stat: React.FC<StatOptions>;
  /** Label and value pairs; `layout` picks the kit's horizontal table, its vertical form or its plain list. */
  Descriptions: React.FC<{
    title?: string;
    items: { label: React.ReactNode; value: React.ReactNode }[];
    layout: 'plain' | 'bordered' | 'vertical';
  }>;
  /** The redeem dialog: title, the code field with its error tied to it by the kit's form, two buttons. */
  Modal: React.FC<{
    open: boolean;
    title: string;
    okText: string;
    cancelText: string;
    codeLabel: string;
    placeholder: string;
    code: string;
    error: string | null;
  }>;
}

// Each kit's own translation of its built-in texts (pagination, empty states, buttons) for the page language.
const SEMI_LOCALES: Record<Lang, string> = {
  en: 'en_US',
  es: 'es',
  pt: 'pt_BR',
  fr: 'fr',
  de: 'de',
  id: 'id_ID',
  ja: 'ja_JP',
  vi: 'vi_VN',
};
const ARCO_LOCALES: Record<Lang, string> = {
  en: 'en-US',
  es: 'es-ES',
  pt: 'pt-BR',
  fr: 'fr-FR',
  de: 'de-DE',
  id: 'id-ID',
  ja: 'ja-JP',
  vi: 'vi-VN',
};
const ANTD_LOCALES: Record<Lang, string> = {
  en: 'en_US',
  es: 'es_ES',
  pt: 'pt_BR',
  fr: 'fr_FR',
  de: 'de_DE',
  id: 'id_ID',
  ja: 'ja_JP',
  vi: 'vi_VN',
};

function splitNumber(o: StatOptions): [string, string] {
  const [int, frac] = o.value.toFixed(o.precision).split('.') as [string, string | undefined];
  return [int.replace(/\B(?=(\d{3})+(?!\d))/g, o.groupSeparator), frac ? o.decimalSeparator + frac : ''];
}

/** The three kits take the same column description (antd's, which Semi and Arco follow). */
function columnsOf<Row>(columns: Column<Row>[]) {
  return columns.map((c) => ({
    title: c.title,
    dataIndex: c.key,
    key: c.key,
    width: c.width,
    fixed: c.fixed,
    render: (_: unknown, row: never, i: number) => c.render(row, i),
    ...(c.sortable ? { sorter: () => 0 } : {}),
    ...(c.filters ? { filters: c.filters.map((f) => ({ text: f, value: f })), onFilter: () => true } : {}),
  }));
}

/* ------------------------------------------------------------------ Semi Design (@douyinfe/semi-ui) */
function semi(): Kit {
  const load = (p: string) => require(`@douyinfe/semi-ui/lib/cjs/${p}`);
  const STable = load('table').default;
  const STabs = load('tabs').default;
  const STabPane = load('tabs/TabPane').default;
  const STag = load('tag').default;
  const SProgress = load('progress').default;
  const STooltip = load('tooltip').default;
  const SButton = load('button').default;
  const SDescriptions = load('descriptions').default;
  const SEmpty = load('empty').default;
  const SModal = load('modal').default;
  const { Form } = load('form');
  const SCard = load('card').default;
  const SLocaleProvider = load('locale/localeProvider').default;
  const STypography = load('typography').default;

  const colors = { green: 'green', orange: 'orange', red: 'red', grey: 'grey', blue: 'blue' } as const;
  return {
    name: 'semi',
    hidingRules: '.semi-modal-displayNone{display:none}.semi-tabs-pane-inactive{display:none}',
    Root: ({ lang, children }) => (
      <SLocaleProvider locale={load(`locale/source/${SEMI_LOCALES[lang]}`).default}>
        {children}
      </SLocaleProvider>
    ),
    Table: (t) => (
      <STable
        columns={columnsOf(t.columns)}
        dataSource={t.rows}
        rowKey={t.rowKey}
        scroll={t.scrollY || t.scrollX ? { y: t.scrollY, x: t.scrollX } : undefined}
        rowSelection={t.selection ? {} : undefined}
        expandedRowRender={t.expanded ? (row: never) => t.expanded!.render(row) : undefined}
        defaultExpandedRowKeys={t.expanded?.open}
        pagination={t.pagination ? { total: t.pagination.total, pageSize: t.pagination.pageSize } : false}
        virtualized={t.virtualized ? { itemSize: 56 } : undefined}
        empty={t.emptyText ? <SEmpty description={t.emptyText} /> : undefined}
      />
    ),
    Tabs: ({ active, panes }) => (
      <STabs activeKey={active} type="line">
        {panes.map((p) => (
          <STabPane key={p.key} itemKey={p.key} tab={p.title}>
            {p.content}
          </STabPane>
        ))}
      </STabs>
    ),
    Tag: ({ color, children }) => (
      <STag color={colors[color]} type="light">
        {children}
      </STag>
    ),
    Progress: ({ percent, text }) => <SProgress percent={percent} showInfo format={() => text} />,
    Tooltip: ({ content, open, children }) => (
      <STooltip content={content} visible={open} trigger="custom" keepDOM motion={false}>
        {children}
      </STooltip>
    ),
    Button: ({ primary, children }) => <SButton theme={primary ? 'solid' : 'light'}>{children}</SButton>,
    // Semi has no statistic: consoles built with it put a Title for the figure in a Card with a Text label.
    Stat: (o) => {
      const [int, frac] = splitNumber(o);
      return (
        <SCard bordered={false} bodyStyle={{ padding: 16 }}>
          <STypography.Text type="tertiary">{o.label}</STypography.Text>
          <STypography.Title heading={3}>
            {o.prefix}
            <span className="num-int">{int}</span>
            <span className="num-frac">{frac}</span>
            {o.suffix}
          </STypography.Title>
        </SCard>
      );
    },
    Descriptions: ({ title, items, layout }) => (
      <>
        {title ? <STypography.Title heading={5}>{title}</STypography.Title> : null}
        <SDescriptions
          row={layout === 'vertical'}
          size={layout === 'bordered' ? 'large' : 'small'}
          data={items.map((i) => ({ key: i.label, value: i.value }))}
        />
      </>
    ),
    Modal: (m) => (
      <SModal
        visible={m.open}
        title={m.title}
        okText={m.okText}
        cancelText={m.cancelText}
        keepDOM
        motion={false}
      >
        <Form
          getFormApi={(api: { setError: (f: string, e: string) => void }) => {
            if (m.error) setTimeout(() => api.setError('code', m.error!), 0);
          }}
        >
          <Form.Input field="code" label={m.codeLabel} placeholder={m.placeholder} initValue={m.code} />
        </Form>
      </SModal>
    ),
  };
}

/* ------------------------------------------------------------------ Arco Design (@arco-design/web-react) */
function arco(): Kit {
  const A = require('@arco-design/web-react');
  const colors = { green: 'green', orange: 'orange', red: 'red', grey: 'gray', blue: 'arcoblue' } as const;
  return {
    name: 'arco',
    hidingRules:
      '.arco-tabs-content .arco-tabs-content-item{width:100%;overflow:hidden;height:0;flex-shrink:0}' +
      '.arco-tabs-content .arco-tabs-content-item.arco-tabs-content-item-active{height:auto}',
    Root: ({ lang, children }) => (
      <A.ConfigProvider locale={require(`@arco-design/web-react/lib/locale/${ARCO_LOCALES[lang]}`).default}>
        {children}
      </A.ConfigProvider>
    ),
    Table: (t) => (
      <A.Table
        columns={columnsOf(t.columns)}
        data={t.rows}
        rowKey={t.rowKey}
        scroll={t.scrollY || t.scrollX ? { y: t.scrollY, x: t.scrollX } : undefined}
        rowSelection={t.selection ? { type: 'checkbox' } : undefined}
        expandedRowRender={t.expanded ? (row: never) => t.expanded!.render(row) : undefined}
        defaultExpandedRowKeys={t.expanded?.open}
        pagination={t.pagination ? { total: t.pagination.total, pageSize: t.pagination.pageSize } : false}
        virtualized={t.virtualized}
        noDataElement={t.emptyText ? <A.Empty description={t.emptyText} /> : undefined}
      />
    ),
    Tabs: ({ active, panes }) => (
      <A.Tabs activeTab={active}>
        {panes.map((p) => (
          <A.Tabs.TabPane key={p.key} title={p.title}>
            {p.content}
          </A.Tabs.TabPane>
        ))}
      </A.Tabs>
    ),
    Tag: ({ color, children }) => <A.Tag color={colors[color]}>{children}</A.Tag>,
    Progress: ({ percent, text }) => <A.Progress percent={percent} formatText={() => text} />,
    Tooltip: ({ content, open, children }) => (
      <A.Tooltip content={content} popupVisible={open} unmountOnExit={false}>
        {children}
      </A.Tooltip>
    ),
    Button: ({ primary, children }) => (
      <A.Button type={primary ? 'primary' : 'secondary'}>{children}</A.Button>
    ),
    // Arco's statistic groups digits the en-US way only; other locales hand it the figure already written.
    Stat: (o) => (
      <A.Statistic
        title={o.label}
        value={o.groupSeparator === ',' && o.decimalSeparator === '.' ? o.value : splitNumber(o).join('')}
        precision={o.groupSeparator === ',' && o.decimalSeparator === '.' ? o.precision : undefined}
        groupSeparator
        prefix={o.prefix}
        suffix={o.suffix}
      />
    ),
    Descriptions: ({ title, items, layout }) => (
      <A.Descriptions
        title={title}
        column={layout === 'plain' ? 1 : 3}
        border={layout !== 'plain'}
        layout={layout === 'vertical' ? 'vertical' : 'horizontal'}
        data={items.map((i) => ({ label: i.label, value: i.value }))}
      />
    ),
    Modal: (m) => (
      <A.Modal
        visible={m.open}
        title={m.title}
        okText={m.okText}
        cancelText={m.cancelText}
        unmountOnExit={false}
      >
        <A.Form layout="vertical">
          <A.Form.Item
            label={m.codeLabel}
            field="code"
            initialValue={m.code}
            validateStatus={m.error ? 'error' : undefined}
            help={m.error ?? undefined}
          >
            <A.Input placeholder={m.placeholder} />
          </A.Form.Item>
        </A.Form>
      </A.Modal>
    ),
  };
}

/* ------------------------------------------------------------------ Ant Design (antd) */
function antd(): Kit {
  const D = require('antd');
  const colors = {
    green: 'success',
    orange: 'warning',
    red: 'error',
    grey: 'default',
    blue: 'processing',
  } as const;
  return {
    name: 'antd',
    hidingRules: '.ant-tooltip-hidden,.ant-tabs-content-hidden,.ant-modal-hidden{display:none}',
    Root: ({ lang, children }) => (
      <D.ConfigProvider locale={require(`antd/lib/locale/${ANTD_LOCALES[lang]}`).default}>
        {children}
      </D.ConfigProvider>
    ),
    Table: (t) => (
      <D.Table
        columns={columnsOf(t.columns)}
        dataSource={t.rows}
        rowKey={t.rowKey}
        scroll={t.scrollY || t.scrollX ? { y: t.scrollY, x: t.scrollX } : undefined}
        rowSelection={t.selection ? {} : undefined}
        expandable={
          t.expanded
            ? {
                expandedRowRender: (row: never) => t.expanded!.render(row),
                defaultExpandedRowKeys: t.expanded.open,
              }
            : undefined
        }
        pagination={t.pagination ? { total: t.pagination.total, pageSize: t.pagination.pageSize } : false}
        virtual={t.virtualized}
        locale={t.emptyText ? { emptyText: <D.Empty description={t.emptyText} /> } : undefined}
      />
    ),
    Tabs: ({ active, panes }) => (
      <D.Tabs
        activeKey={active}
        items={panes.map((p) => ({ key: p.key, label: p.title, children: p.content }))}
      />
    ),
    Tag: ({ color, children }) => <D.Tag color={colors[color]}>{children}</D.Tag>,
    Progress: ({ percent, text }) => <D.Progress percent={percent} format={() => text} />,
    Tooltip: ({ content, open, children }) => (
      <D.Tooltip title={content} open={open}>
        {children}
      </D.Tooltip>
    ),
    Button: ({ primary, children }) => <D.Button type={primary ? 'primary' : 'default'}>{children}</D.Button>,
    Stat: (o) => (
      <D.Statistic
        title={o.label}
        value={o.value}
        precision={o.precision}
        groupSeparator={o.groupSeparator}
        decimalSeparator={o.decimalSeparator}
        prefix={o.prefix}
        suffix={o.suffix}
      />
    ),
    Descriptions: ({ title, items, layout }) => (
      <D.Descriptions
        title={title}
        bordered={layout !== 'plain'}
        layout={layout === 'vertical' ? 'vertical' : 'horizontal'}
        column={layout === 'plain' ? 1 : 3}
        items={items.map((i, n) => ({ key: String(n), label: i.label, children: i.value }))}
      />
    ),
    Modal: (m) => (
      <D.Modal open={m.open} title={m.title} okText={m.okText} cancelText={m.cancelText}>
        <D.Form layout="vertical" initialValues={{ code: m.code }}>
          <D.Form.Item
            label={m.codeLabel}
            name="code"
            validateStatus={m.error ? 'error' : undefined}
            help={m.error ?? undefined}
          >
            <D.Input placeholder={m.placeholder} />
          </D.Form.Item>
        </D.Form>
      </D.Modal>
    ),
  };
}

export const kits: Record<KitName, () => Kit> = { semi, arco, antd };
