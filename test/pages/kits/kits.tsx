// The kits behind one small interface, so a page can be built with any of them. Every element on a page
// is the kit's own component with the props its documentation gives; nothing here imitates a kit's markup.
import * as React from 'react';

import type { Lang } from './locale';

export type KitName = 'semi' | 'arco' | 'antd' | 'mui' | 'chakra' | 'tdesign' | 'fluent';

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
  /** The kit's data grid rather than its table (MUI X DataGrid, Fluent DataGrid; other kits have none):
   * `virtualized` keeps MUI X's row and column virtualization on, else every row of the page is rendered. */
  grid?: boolean;
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
  /** The figure above its label (MUI pages; the other kits' statistics put the title first). */
  valueFirst?: boolean;
  /** Shown beside the figure, such as a status chip (MUI pages). */
  beside?: React.ReactNode;
}

export interface Kit {
  name: KitName;
  /** The rules of the kit's stylesheet that hide what it keeps in the DOM (closed dialogs, tooltips, panes). */
  hidingRules: string;
  /**
   * The kit writes its stylesheet into <head> while it renders (MUI's emotion): the rules of it that hide an
   * element of the saved page are kept beside `hidingRules`, the rest is left out as for the other kits.
   */
  stylesInHead?: boolean;
  /**
   * Rounds of 300 ms the renderer waits after each phase for the kit's transitions (MUI's run on timers started
   * when React commits: 225 ms in, 195 ms out, then a state change that hides what went out).
   */
  settleRounds?: number;
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
    /** The value above its label in the plain layout (MUI's list: value as primary text). */
    valueFirst?: boolean;
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
/** Each language's BCP 47 tag, as Arco's locale packs and Chakra's LocaleProvider name them. */
const LOCALE_TAGS: Record<Lang, string> = {
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
      <A.ConfigProvider locale={require(`@arco-design/web-react/lib/locale/${LOCALE_TAGS[lang]}`).default}>
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

/* ------------------------------------------------------------------ MUI (@mui/material, @mui/x-data-grid) */
const MUI_LOCALES: Record<Lang, string> = {
  en: 'enUS',
  es: 'esES',
  pt: 'ptBR',
  fr: 'frFR',
  de: 'deDE',
  id: 'idID',
  ja: 'jaJP',
  vi: 'viVN',
};

/**
 * The size of the data grid's main area (headers and rows; the footer below it) on the pages' screen: its box is
 * 520 px high in a 1200 px wide content area, less the footer's 52 px and the borders. jsdom has no layout.
 */
const GRID_BOX = { width: 1200, height: 520 };
const GRID_MAIN = { width: 1198, height: 466 };

/**
 * MUI X turns its virtualization off for good when the user agent names jsdom (it decides when it loads), and
 * sizes its viewport from its main area's getBoundingClientRect. Loaded under a browser's user agent, with that
 * area answering the size it has on screen (nothing, inside a pane hidden by `hidden`), it renders the rows and
 * columns a browser would.
 */
let dataGrid: { DataGrid: React.ComponentType<Record<string, unknown>> } | undefined;
function loadDataGrid() {
  if (dataGrid) return dataGrid;
  const nav = window.navigator;
  Object.defineProperty(nav, 'userAgent', {
    configurable: true,
    value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  });
  try {
    const grid = require('@mui/x-data-grid');
    const rect = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      if (!this.classList.contains('MuiDataGrid-main')) return rect.call(this);
      if (this.closest('[hidden]')) return DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
      return DOMRect.fromRect({ x: 0, y: 0, ...GRID_MAIN });
    };
    dataGrid = grid;
    return grid;
  } finally {
    delete (nav as unknown as Record<string, unknown>).userAgent;
  }
}

function mui(): Kit {
  const M = require('@mui/material');
  const { DataGrid } = loadDataGrid();
  const { CacheProvider } = require('@emotion/react');
  const createCache = require('@emotion/cache').default;
  // A cache of its own per page: emotion writes a rule into <head> once per cache, and the head is emptied
  // after each page, so a shared cache would leave the next page's hiding rules unwritten.
  const cache = createCache({ key: 'css' });
  const themes = new Map<Lang, unknown>();
  const themeOf = (lang: Lang) => {
    if (!themes.has(lang)) {
      const core = require('@mui/material/locale')[MUI_LOCALES[lang]];
      const grid = require('@mui/x-data-grid/locales')[MUI_LOCALES[lang]];
      themes.set(lang, M.createTheme({}, grid, core));
    }
    return themes.get(lang);
  };
  const colors = {
    green: 'success',
    orange: 'warning',
    red: 'error',
    grey: 'default',
    blue: 'info',
  } as const;
  const text = (n: React.ReactNode) => (typeof n === 'string' ? n : undefined);

  function MuiTable<Row>(t: TableOptions<Row>) {
    const pageRows = t.pagination ? t.rows.slice(0, t.pagination.pageSize) : t.rows;
    const span = t.columns.length + (t.selection ? 1 : 0) + (t.expanded ? 1 : 0);
    // Fixed columns as MUI's docs make them: sticky cells (the kit has no fixed-column prop).
    const sticky = (c: Column<Row>, head: boolean) =>
      c.fixed
        ? {
            position: 'sticky',
            [c.fixed]: 0,
            zIndex: head ? 3 : 1,
            bgcolor: 'background.paper',
          }
        : undefined;
    return (
      <M.Paper variant="outlined">
        <M.TableContainer sx={t.scrollY ? { maxHeight: t.scrollY } : undefined}>
          <M.Table
            stickyHeader={Boolean(t.scrollY)}
            size="small"
            sx={t.scrollX ? { minWidth: t.scrollX } : undefined}
          >
            <M.TableHead>
              <M.TableRow>
                {t.expanded ? <M.TableCell padding="checkbox" /> : null}
                {t.selection ? (
                  <M.TableCell padding="checkbox">
                    <M.Checkbox size="small" slotProps={{ input: { 'aria-label': 'select all' } }} />
                  </M.TableCell>
                ) : null}
                {t.columns.map((c) => (
                  <M.TableCell key={c.key} sx={sticky(c, true)} style={c.width ? { width: c.width } : undefined}>
                    {c.sortable ? (
                      <M.TableSortLabel active={false} direction="asc">
                        {c.title}
                      </M.TableSortLabel>
                    ) : (
                      c.title
                    )}
                  </M.TableCell>
                ))}
              </M.TableRow>
            </M.TableHead>
            <M.TableBody>
              {pageRows.length === 0 ? (
                <M.TableRow>
                  <M.TableCell colSpan={span} align="center">
                    <M.Typography variant="body2" color="text.secondary">
                      {t.emptyText}
                    </M.Typography>
                  </M.TableCell>
                </M.TableRow>
              ) : null}
              {pageRows.map((row, i) => {
                const key = t.rowKey(row);
                const open = t.expanded?.open.includes(key) ?? false;
                return (
                  <React.Fragment key={key}>
                    <M.TableRow hover sx={t.expanded ? { '& > *': { borderBottom: 'unset' } } : undefined}>
                      {t.expanded ? (
                        <M.TableCell padding="checkbox">
                          <M.IconButton aria-label="expand row" size="small">
                            {open ? '▴' : '▾'}
                          </M.IconButton>
                        </M.TableCell>
                      ) : null}
                      {t.selection ? (
                        <M.TableCell padding="checkbox">
                          <M.Checkbox size="small" slotProps={{ input: { 'aria-label': `select ${key}` } }} />
                        </M.TableCell>
                      ) : null}
                      {t.columns.map((c) => (
                        <M.TableCell key={c.key} sx={sticky(c, false)}>
                          {c.render(row, i)}
                        </M.TableCell>
                      ))}
                    </M.TableRow>
                    {t.expanded ? (
                      <M.TableRow>
                        <M.TableCell style={{ paddingBottom: 0, paddingTop: 0 }} colSpan={span}>
                          <M.Collapse in={open} timeout="auto" unmountOnExit>
                            <M.Box sx={{ margin: 1 }}>{t.expanded.render(row)}</M.Box>
                          </M.Collapse>
                        </M.TableCell>
                      </M.TableRow>
                    ) : null}
                  </React.Fragment>
                );
              })}
            </M.TableBody>
          </M.Table>
        </M.TableContainer>
        {t.pagination ? (
          <M.TablePagination
            component="div"
            count={t.pagination.total}
            rowsPerPage={t.pagination.pageSize}
            rowsPerPageOptions={[...new Set([5, 10, 25, t.pagination.pageSize])].sort((a, b) => a - b)}
            page={0}
            onPageChange={() => undefined}
          />
        ) : null}
      </M.Paper>
    );
  }

  function MuiGrid<Row>(t: TableOptions<Row>) {
    const columns = t.columns.map((c) => ({
      field: c.key,
      headerName: text(c.title) ?? c.key,
      ...(typeof c.title === 'string' ? {} : { renderHeader: () => c.title }),
      width: c.width ?? 170,
      sortable: Boolean(c.sortable),
      filterable: Boolean(c.filters),
      renderCell: (params: { row: Row }) => c.render(params.row, t.rows.indexOf(params.row)),
    }));
    const pageSize = Math.min(100, t.pagination?.pageSize ?? 100);
    return (
      <div style={{ height: GRID_BOX.height, width: GRID_BOX.width }}>
        <DataGrid
          rows={t.rows}
          columns={columns}
          getRowId={t.rowKey}
          checkboxSelection={t.selection}
          disableVirtualization={!t.virtualized}
          initialState={{ pagination: { paginationModel: { pageSize, page: 0 } } }}
          pageSizeOptions={[...new Set([25, 50, pageSize])].sort((a, b) => a - b)}
          disableRowSelectionOnClick
        />
      </div>
    );
  }

  return {
    name: 'mui',
    // MUI's hiding rules are emotion's, written into <head> under generated class names (a closed dialog kept
    // mounted: visibility hidden on its root's css-… class): the renderer keeps those an element of the page uses.
    hidingRules: '',
    stylesInHead: true,
    settleRounds: 3,
    Root: ({ lang, children }) => (
      <CacheProvider value={cache}>
        <M.ThemeProvider theme={themeOf(lang)}>{children}</M.ThemeProvider>
      </CacheProvider>
    ),
    Table: (t) => (t.grid || t.virtualized ? <MuiGrid {...t} /> : <MuiTable {...t} />),
    // MUI's docs' TabPanel, with every panel's content kept (hidden by the `hidden` attribute when not selected).
    Tabs: ({ active, panes }) => (
      <M.Box sx={{ width: '100%' }}>
        <M.Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
          <M.Tabs value={active} onChange={() => undefined} aria-label="promotions">
            {panes.map((p) => (
              <M.Tab
                key={p.key}
                value={p.key}
                label={p.title}
                id={`promo-tab-${p.key}`}
                aria-controls={`promo-tabpanel-${p.key}`}
              />
            ))}
          </M.Tabs>
        </M.Box>
        {panes.map((p) => (
          <div
            key={p.key}
            role="tabpanel"
            hidden={p.key !== active}
            id={`promo-tabpanel-${p.key}`}
            aria-labelledby={`promo-tab-${p.key}`}
          >
            <M.Box sx={{ pt: 2 }}>{p.content}</M.Box>
          </div>
        ))}
      </M.Box>
    ),
    Tag: ({ color, children }) => <M.Chip size="small" color={colors[color]} label={children} />,
    Progress: ({ percent, text: label }) => (
      <M.Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <M.Box sx={{ width: '100%' }}>
          <M.LinearProgress variant="determinate" value={percent} />
        </M.Box>
        <M.Typography variant="body2" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
          {label}
        </M.Typography>
      </M.Box>
    ),
    // Kept mounted after it closes, as the other kits keep theirs: MUI's popper then gets display: none.
    Tooltip: ({ content, open, children }) => (
      <M.Tooltip title={content} open={open} arrow slotProps={{ popper: { keepMounted: true } }}>
        {children}
      </M.Tooltip>
    ),
    Button: ({ primary, children }) => (
      <M.Button variant={primary ? 'contained' : 'outlined'}>{children}</M.Button>
    ),
    Stat: (o) => {
      const [int, frac] = splitNumber(o);
      const label = (
        <M.Typography variant="body2" sx={{ color: 'text.secondary' }} gutterBottom={!o.valueFirst}>
          {o.label}
        </M.Typography>
      );
      const value = (
        <M.Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <M.Typography variant="h5" component="div">
            {o.prefix}
            <span className="amount-int">{int}</span>
            <span className="amount-frac">{frac}</span>
            {o.suffix}
          </M.Typography>
          {o.beside}
        </M.Box>
      );
      return (
        <M.Card variant="outlined">
          <M.CardContent>
            {o.valueFirst ? value : label}
            {o.valueFirst ? label : value}
          </M.CardContent>
        </M.Card>
      );
    },
    Descriptions: ({ title, items, layout, valueFirst }) => (
      <>
        {title ? <M.Typography variant="h6">{title}</M.Typography> : null}
        {layout === 'plain' ? (
          <M.List dense>
            {items.map((i, n) => (
              <M.ListItem key={n} divider>
                <M.ListItemText
                  primary={valueFirst ? i.value : i.label}
                  secondary={valueFirst ? i.label : i.value}
                />
              </M.ListItem>
            ))}
          </M.List>
        ) : (
          <M.TableContainer component={M.Paper} variant="outlined">
            <M.Table size="small">
              {layout === 'vertical' ? (
                <>
                  <M.TableHead>
                    <M.TableRow>
                      {items.map((i, n) => (
                        <M.TableCell key={n}>{i.label}</M.TableCell>
                      ))}
                    </M.TableRow>
                  </M.TableHead>
                  <M.TableBody>
                    <M.TableRow>
                      {items.map((i, n) => (
                        <M.TableCell key={n}>{i.value}</M.TableCell>
                      ))}
                    </M.TableRow>
                  </M.TableBody>
                </>
              ) : (
                <M.TableBody>
                  {items.map((i, n) => (
                    <M.TableRow key={n}>
                      <M.TableCell component="th" scope="row">
                        {i.label}
                      </M.TableCell>
                      <M.TableCell align="right">{i.value}</M.TableCell>
                    </M.TableRow>
                  ))}
                </M.TableBody>
              )}
            </M.Table>
          </M.TableContainer>
        )}
      </>
    ),
    // Kept mounted once closed, as the other kits keep theirs: MUI then marks it aria-hidden and MuiModal-hidden.
    Modal: (m) => (
      <M.Dialog open={m.open} keepMounted aria-labelledby="redeem-dialog-title" fullWidth maxWidth="xs">
        <M.DialogTitle id="redeem-dialog-title">{m.title}</M.DialogTitle>
        <M.DialogContent>
          <M.TextField
            margin="dense"
            id="redeem-code"
            name="code"
            label={m.codeLabel}
            placeholder={m.placeholder}
            defaultValue={m.code}
            error={Boolean(m.error)}
            helperText={m.error ?? undefined}
            fullWidth
          />
        </M.DialogContent>
        <M.DialogActions>
          <M.Button>{m.cancelText}</M.Button>
          <M.Button variant="contained">{m.okText}</M.Button>
        </M.DialogActions>
      </M.Dialog>
    ),
  };
}

/* ------------------------------------------------------------------ Chakra UI (@chakra-ui/react v3) */
function chakra(): Kit {
  const C = require('@chakra-ui/react');
  const { CacheProvider } = require('@emotion/react');
  const createCache = require('@emotion/cache').default;
  // As for MUI: a cache of its own per page, so every page's hiding rules are written into its <head>.
  const cache = createCache({ key: 'css' });
  const colors = { green: 'green', orange: 'orange', red: 'red', grey: 'gray', blue: 'blue' } as const;

  function ChakraTable<Row>(t: TableOptions<Row>) {
    const pageRows = t.pagination ? t.rows.slice(0, t.pagination.pageSize) : t.rows;
    const span = t.columns.length + (t.selection ? 1 : 0) + (t.expanded ? 1 : 0);
    // Chakra's docs' sticky column: a cell with position sticky and the background of the page.
    const sticky = (c: Column<Row>) =>
      c.fixed ? { position: 'sticky', [c.fixed]: 0, bg: 'bg', zIndex: 1 } : undefined;
    const check = (label: string) => (
      <C.Checkbox.Root size="sm" aria-label={label}>
        <C.Checkbox.HiddenInput />
        <C.Checkbox.Control />
      </C.Checkbox.Root>
    );
    const table = (
      <C.Table.Root size="sm" stickyHeader={Boolean(t.scrollY)} interactive minW={t.scrollX}>
        <C.Table.Header>
          <C.Table.Row>
            {t.expanded ? <C.Table.ColumnHeader w="6" /> : null}
            {t.selection ? <C.Table.ColumnHeader w="6">{check('Select all rows')}</C.Table.ColumnHeader> : null}
            {t.columns.map((c) => (
              <C.Table.ColumnHeader key={c.key} w={c.width} css={sticky(c)}>
                {c.title}
                {/* The app's own sort mark: Chakra's table has no sorter. */}
                {c.sortable ? ' ↕' : null}
              </C.Table.ColumnHeader>
            ))}
          </C.Table.Row>
        </C.Table.Header>
        <C.Table.Body>
          {pageRows.length === 0 ? (
            <C.Table.Row>
              <C.Table.Cell colSpan={span}>
                <C.EmptyState.Root size="sm">
                  <C.EmptyState.Content>
                    <C.EmptyState.Title>{t.emptyText}</C.EmptyState.Title>
                  </C.EmptyState.Content>
                </C.EmptyState.Root>
              </C.Table.Cell>
            </C.Table.Row>
          ) : null}
          {pageRows.map((row, i) => {
            const key = t.rowKey(row);
            const open = t.expanded?.open.includes(key) ?? false;
            return (
              <React.Fragment key={key}>
                <C.Table.Row>
                  {t.expanded ? (
                    <C.Table.Cell>
                      <C.IconButton aria-label="Expand row" size="2xs" variant="ghost">
                        {open ? '▴' : '▾'}
                      </C.IconButton>
                    </C.Table.Cell>
                  ) : null}
                  {t.selection ? <C.Table.Cell>{check('Select row')}</C.Table.Cell> : null}
                  {t.columns.map((c) => (
                    <C.Table.Cell key={c.key} css={sticky(c)}>
                      {c.render(row, i)}
                    </C.Table.Cell>
                  ))}
                </C.Table.Row>
                {t.expanded ? (
                  // A Collapsible per row: Ark keeps a closed one's content in the DOM, hidden.
                  <C.Table.Row>
                    <C.Table.Cell colSpan={span} p="0">
                      <C.Collapsible.Root open={open}>
                        <C.Collapsible.Content>
                          <C.Box p="2">{t.expanded.render(row)}</C.Box>
                        </C.Collapsible.Content>
                      </C.Collapsible.Root>
                    </C.Table.Cell>
                  </C.Table.Row>
                ) : null}
              </React.Fragment>
            );
          })}
        </C.Table.Body>
      </C.Table.Root>
    );
    return (
      <C.Stack gap="3">
        {t.scrollY || t.scrollX ? (
          <C.Table.ScrollArea borderWidth="1px" rounded="md" maxH={t.scrollY}>
            {table}
          </C.Table.ScrollArea>
        ) : (
          table
        )}
        {t.pagination ? (
          <C.Pagination.Root count={t.pagination.total} pageSize={t.pagination.pageSize} page={1}>
            <C.ButtonGroup variant="ghost" size="sm">
              <C.Pagination.PrevTrigger asChild>
                <C.IconButton>‹</C.IconButton>
              </C.Pagination.PrevTrigger>
              <C.Pagination.Items
                render={(page: { value: number }) => (
                  <C.IconButton variant={{ base: 'ghost', _selected: 'outline' }}>{page.value}</C.IconButton>
                )}
              />
              <C.Pagination.NextTrigger asChild>
                <C.IconButton>›</C.IconButton>
              </C.Pagination.NextTrigger>
            </C.ButtonGroup>
          </C.Pagination.Root>
        ) : null}
      </C.Stack>
    );
  }

  return {
    name: 'chakra',
    // Chakra's hiding rules are emotion's, written into <head> (its reset hides [hidden]); Ark hides a closed
    // dialog, tooltip, collapsible or tab panel with the `hidden` attribute.
    hidingRules: '',
    stylesInHead: true,
    settleRounds: 1,
    Root: ({ lang, children }) => (
      <CacheProvider value={cache}>
        <C.ChakraProvider value={C.defaultSystem}>
          <C.LocaleProvider locale={LOCALE_TAGS[lang]}>{children}</C.LocaleProvider>
        </C.ChakraProvider>
      </CacheProvider>
    ),
    Table: (t) => <ChakraTable {...t} />,
    Tabs: ({ active, panes }) => (
      <C.Tabs.Root value={active} variant="line">
        <C.Tabs.List>
          {panes.map((p) => (
            <C.Tabs.Trigger key={p.key} value={p.key}>
              {p.title}
            </C.Tabs.Trigger>
          ))}
        </C.Tabs.List>
        {panes.map((p) => (
          <C.Tabs.Content key={p.key} value={p.key}>
            {p.content}
          </C.Tabs.Content>
        ))}
      </C.Tabs.Root>
    ),
    Tag: ({ color, children }) => (
      <C.Badge colorPalette={colors[color]} variant="subtle">
        {children}
      </C.Badge>
    ),
    Progress: ({ percent, text }) => (
      <C.Progress.Root value={percent} size="sm" maxW="48">
        <C.HStack gap="3">
          <C.Progress.Track flex="1">
            <C.Progress.Range />
          </C.Progress.Track>
          <C.Progress.ValueText>{text}</C.Progress.ValueText>
        </C.HStack>
      </C.Progress.Root>
    ),
    // Kept mounted once closed (Chakra unmounts it by default): Ark then hides its content with `hidden`.
    Tooltip: ({ content, open, children }) => (
      <C.Tooltip.Root open={open} openDelay={0} closeDelay={0} unmountOnExit={false}>
        <C.Tooltip.Trigger asChild>{children}</C.Tooltip.Trigger>
        <C.Portal>
          <C.Tooltip.Positioner>
            <C.Tooltip.Content>
              <C.Tooltip.Arrow>
                <C.Tooltip.ArrowTip />
              </C.Tooltip.Arrow>
              {content}
            </C.Tooltip.Content>
          </C.Tooltip.Positioner>
        </C.Portal>
      </C.Tooltip.Root>
    ),
    Button: ({ primary, children }) => (
      <C.Button variant={primary ? 'solid' : 'outline'} size="sm">
        {children}
      </C.Button>
    ),
    // Stat: the label, the figure (a suffix such as "€" in its ValueUnit) and help text under it (the chip).
    Stat: (o) => {
      const [int, frac] = splitNumber(o);
      return (
        <C.Card.Root variant="outline" size="sm">
          <C.Card.Body>
            <C.Stat.Root>
              <C.Stat.Label>{o.label}</C.Stat.Label>
              <C.Stat.ValueText>
                {o.prefix}
                <span className="stat-int">{int}</span>
                <span className="stat-frac">{frac}</span>
                {o.suffix ? <C.Stat.ValueUnit>{o.suffix}</C.Stat.ValueUnit> : null}
              </C.Stat.ValueText>
              {o.beside ? <C.Stat.HelpText>{o.beside}</C.Stat.HelpText> : null}
            </C.Stat.Root>
          </C.Card.Body>
        </C.Card.Root>
      );
    },
    // DataList: each label above its value (plain), beside it (bordered); labels over values in a table (vertical).
    Descriptions: ({ title, items, layout }) => (
      <>
        {title ? <C.Heading size="md">{title}</C.Heading> : null}
        {layout === 'vertical' ? (
          <C.Table.Root size="sm" variant="outline">
            <C.Table.Header>
              <C.Table.Row>
                {items.map((i, n) => (
                  <C.Table.ColumnHeader key={n}>{i.label}</C.Table.ColumnHeader>
                ))}
              </C.Table.Row>
            </C.Table.Header>
            <C.Table.Body>
              <C.Table.Row>
                {items.map((i, n) => (
                  <C.Table.Cell key={n}>{i.value}</C.Table.Cell>
                ))}
              </C.Table.Row>
            </C.Table.Body>
          </C.Table.Root>
        ) : (
          <C.DataList.Root orientation={layout === 'plain' ? 'vertical' : 'horizontal'} divideY="1px">
            {items.map((i, n) => (
              <C.DataList.Item key={n} pt="3">
                <C.DataList.ItemLabel>{i.label}</C.DataList.ItemLabel>
                <C.DataList.ItemValue>{i.value}</C.DataList.ItemValue>
              </C.DataList.Item>
            ))}
          </C.DataList.Root>
        )}
      </>
    ),
    // The Dialog in a portal: Ark hides the page behind an open one (aria-hidden on the app root). Chakra unmounts
    // a closed dialog by default; kept mounted here (unmountOnExit off), as the other kits keep theirs: hidden.
    Modal: (m) => (
      <C.Dialog.Root open={m.open} placement="center" unmountOnExit={false}>
        <C.Portal>
          <C.Dialog.Backdrop />
          <C.Dialog.Positioner>
            <C.Dialog.Content>
              <C.Dialog.Header>
                <C.Dialog.Title>{m.title}</C.Dialog.Title>
              </C.Dialog.Header>
              <C.Dialog.Body>
                <C.Field.Root invalid={Boolean(m.error)}>
                  <C.Field.Label>{m.codeLabel}</C.Field.Label>
                  <C.Input name="code" placeholder={m.placeholder} defaultValue={m.code} />
                  {m.error ? <C.Field.ErrorText>{m.error}</C.Field.ErrorText> : null}
                </C.Field.Root>
              </C.Dialog.Body>
              <C.Dialog.Footer>
                <C.Dialog.ActionTrigger asChild>
                  <C.Button variant="outline">{m.cancelText}</C.Button>
                </C.Dialog.ActionTrigger>
                <C.Button>{m.okText}</C.Button>
              </C.Dialog.Footer>
              <C.Dialog.CloseTrigger asChild>
                <C.CloseButton size="sm" />
              </C.Dialog.CloseTrigger>
            </C.Dialog.Content>
          </C.Dialog.Positioner>
        </C.Portal>
      </C.Dialog.Root>
    ),
  };
}

/* ------------------------------------------------------------------ TDesign (tdesign-react, Tencent) */
/** TDesign ships English, Japanese (and East Asian) packs only; its default is Chinese, so the other languages'
 * pages carry its English texts, as an application that sets no pack of its own does. */
const TDESIGN_LOCALES: Record<Lang, string> = {
  en: 'en_US',
  es: 'en_US',
  pt: 'en_US',
  fr: 'en_US',
  de: 'en_US',
  id: 'en_US',
  ja: 'ja_JP',
  vi: 'en_US',
};

function tdesign(): Kit {
  const T = require('tdesign-react/cjs');
  measureTdesignScroll();
  const themes = { green: 'success', orange: 'warning', red: 'danger', grey: 'default', blue: 'primary' } as const;
  return {
    name: 'tdesign',
    // tdesign.css: the rules that hide what TDesign keeps in the DOM (a closed dialog's wrapper carries them too,
    // as an inline display: none).
    hidingRules: TDESIGN_HIDING,
    Root: ({ lang, children }) => (
      <T.ConfigProvider globalConfig={require(`tdesign-react/cjs/locale/${TDESIGN_LOCALES[lang]}`).default}>
        {children}
      </T.ConfigProvider>
    ),
    Table: (t) => {
      // TDesign keys rows by a field name: the key is written into each row under one of its own.
      const data = t.rows.map((r) => ({ ...(r as object), tableRowKey: t.rowKey(r) }));
      const columns = [
        ...(t.selection ? [{ colKey: 'row-select', type: 'multiple', width: 46, fixed: 'left' }] : []),
        ...t.columns.map((c) => ({
          colKey: c.key,
          title: c.title,
          width: c.width,
          fixed: c.fixed,
          cell: ({ row, rowIndex }: { row: unknown; rowIndex: number }) =>
            c.render(row as (typeof t.rows)[number], rowIndex),
          ...(c.sortable ? { sorter: true } : {}),
          ...(c.filters
            ? { filter: { type: 'multiple', list: c.filters.map((f) => ({ label: f, value: f })) } }
            : {}),
        })),
      ];
      return (
        <T.Table
          rowKey="tableRowKey"
          data={data}
          columns={columns}
          hover
          tableLayout={t.scrollX ? 'fixed' : 'auto'}
          tableContentWidth={t.scrollX ? `${t.scrollX}px` : undefined}
          maxHeight={t.scrollY}
          selectedRowKeys={t.selection ? [] : undefined}
          expandedRow={t.expanded ? ({ row }: { row: never }) => t.expanded!.render(row) : undefined}
          defaultExpandedRowKeys={t.expanded?.open}
          pagination={
            t.pagination ? { total: t.pagination.total, pageSize: t.pagination.pageSize, current: 1 } : undefined
          }
          scroll={t.virtualized ? { type: 'virtual', rowHeight: 48, bufferSize: 10 } : undefined}
          height={t.virtualized ? t.scrollY : undefined}
          empty={t.emptyText}
        />
      );
    },
    // Every panel kept (destroyOnHide off on each TabPanel): TDesign hides the others with an inline display: none.
    Tabs: ({ active, panes }) => (
      <T.Tabs value={active}>
        {panes.map((p) => (
          <T.Tabs.TabPanel key={p.key} value={p.key} label={p.title} destroyOnHide={false}>
            {p.content}
          </T.Tabs.TabPanel>
        ))}
      </T.Tabs>
    ),
    Tag: ({ color, children }) => (
      <T.Tag theme={themes[color]} variant="light">
        {children}
      </T.Tag>
    ),
    Progress: ({ percent, text }) => <T.Progress percentage={percent} label={text} />,
    Tooltip: ({ content, open, children }) => (
      <T.Tooltip content={content} visible={open} destroyOnClose={false}>
        {children}
      </T.Tooltip>
    ),
    Button: ({ primary, children }) => (
      <T.Button theme={primary ? 'primary' : 'default'} variant={primary ? 'base' : 'outline'}>
        {children}
      </T.Button>
    ),
    // TDesign's statistic groups digits with `separator` and writes its decimals after a point: amounts whose
    // decimal mark is a comma (EUR, BRL) are handed to it as a string it shows as given.
    Stat: (o) => {
      const own = o.precision === 0 || o.decimalSeparator === '.';
      return (
        <T.Statistic
          title={o.label}
          value={own ? o.value : undefined}
          format={own ? undefined : () => splitNumber(o).join('')}
          decimalPlaces={own ? o.precision : undefined}
          separator={o.groupSeparator}
          prefix={o.prefix}
          suffix={o.suffix}
        />
      );
    },
    Descriptions: ({ title, items, layout }) => (
      <T.Descriptions
        title={title}
        column={layout === 'plain' ? 1 : 3}
        bordered={layout !== 'plain'}
        itemLayout={layout === 'vertical' ? 'vertical' : 'horizontal'}
        items={items.map((i) => ({ label: i.label, content: i.value }))}
      />
    ),
    Modal: (m) => (
      <T.Dialog
        visible={m.open}
        header={m.title}
        confirmBtn={m.okText}
        cancelBtn={m.cancelText}
        destroyOnClose={false}
      >
        <T.Form labelAlign="top">
          <T.Form.FormItem
            label={m.codeLabel}
            name="code"
            initialData={m.code}
            status={m.error ? 'error' : undefined}
            tips={m.error ?? undefined}
          >
            <T.Input placeholder={m.placeholder} />
          </T.Form.FormItem>
        </T.Form>
      </T.Dialog>
    ),
  };
}
/** tdesign.css hides the measuring copy of an auto-width input's text (its pagination's page-size select). */
const TDESIGN_HIDING = '.t-input__input-pre{visibility:hidden}';

/**
 * TDesign's virtual scroll takes the rows a browser shows from its scroll container's getBoundingClientRect
 * (jsdom: 0, so only the buffer's rows): the container answers the height the table set on it (its `height`
 * prop, written inline), or nothing inside a pane hidden by display: none, as on screen.
 */
let tdesignMeasured = false;
function measureTdesignScroll(): void {
  if (tdesignMeasured) return;
  tdesignMeasured = true;
  const rect = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    const height = parseFloat(this.style.height);
    if (!this.classList.contains('t-table__content') || !(height > 0)) return rect.call(this);
    if (this.closest('[style*="display: none"]')) return DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
    return DOMRect.fromRect({ x: 0, y: 0, width: 1200, height });
  };
}

/* ------------------------------------------------------------------ Fluent UI v9 (@fluentui/react-components) */
function fluent(): Kit {
  const F = require('@fluentui/react-components');
  // Griffel writes Fluent's atomic classes into <head> once per renderer: one per page, as emotion's cache above.
  const renderer = F.createDOMRenderer(document);
  const colors = { green: 'success', orange: 'warning', red: 'danger', grey: 'subtle', blue: 'brand' } as const;

  function FluentTable<Row>(t: TableOptions<Row>) {
    const span = t.columns.length + (t.selection ? 1 : 0) + (t.expanded ? 1 : 0);
    // Fluent's table has no fixed header or columns: sticky cells, as its docs' examples of a scrolling table.
    const sticky = (c: Column<Row>, head: boolean): React.CSSProperties | undefined =>
      c.fixed
        ? { position: 'sticky', [c.fixed]: 0, zIndex: head ? 3 : 1, background: 'white', width: c.width }
        : c.width
          ? { width: c.width }
          : undefined;
    const table = (
      <F.Table size="small" aria-label="table" style={t.scrollX ? { minWidth: t.scrollX } : undefined}>
        <F.TableHeader style={t.scrollY ? { position: 'sticky', top: 0, zIndex: 2, background: 'white' } : undefined}>
          <F.TableRow>
            {t.expanded ? <F.TableHeaderCell style={{ width: 32 }} /> : null}
            {t.selection ? <F.TableSelectionCell checked={false} checkboxIndicator={{ 'aria-label': 'Select all rows' }} /> : null}
            {t.columns.map((c) => (
              <F.TableHeaderCell key={c.key} style={sticky(c, true)} sortable={c.sortable} sortDirection={undefined}>
                {c.title}
              </F.TableHeaderCell>
            ))}
          </F.TableRow>
        </F.TableHeader>
        <F.TableBody>
          {t.rows.length === 0 ? (
            <F.TableRow>
              <F.TableCell colSpan={span}>{t.emptyText}</F.TableCell>
            </F.TableRow>
          ) : null}
          {t.rows.map((row, i) => {
            const key = t.rowKey(row);
            const open = t.expanded?.open.includes(key) ?? false;
            return (
              <React.Fragment key={key}>
                <F.TableRow>
                  {t.expanded ? (
                    <F.TableCell>
                      <F.Button appearance="subtle" size="small" aria-expanded={open} aria-label="Expand row">
                        {open ? '▴' : '▾'}
                      </F.Button>
                    </F.TableCell>
                  ) : null}
                  {t.selection ? <F.TableSelectionCell checked={false} checkboxIndicator={{ 'aria-label': 'Select row' }} /> : null}
                  {t.columns.map((c) => (
                    <F.TableCell key={c.key} style={sticky(c, false)}>
                      <F.TableCellLayout>{c.render(row, i)}</F.TableCellLayout>
                    </F.TableCell>
                  ))}
                </F.TableRow>
                {open ? (
                  <F.TableRow>
                    <F.TableCell colSpan={span}>{t.expanded!.render(row)}</F.TableCell>
                  </F.TableRow>
                ) : null}
              </React.Fragment>
            );
          })}
        </F.TableBody>
      </F.Table>
    );
    return t.scrollY || t.scrollX ? (
      <div className="table-scroll" style={{ overflow: 'auto', maxHeight: t.scrollY }}>
        {table}
      </div>
    ) : (
      table
    );
  }

  // DataGrid: div rows and cells under role=grid (no virtualization in the core package).
  function FluentGrid<Row>(t: TableOptions<Row>) {
    const columns = t.columns.map((c) =>
      F.createTableColumn({
        columnId: c.key,
        compare: c.sortable ? () => 0 : undefined,
        renderHeaderCell: () => c.title,
        renderCell: (row: Row) => <F.TableCellLayout>{c.render(row, t.rows.indexOf(row))}</F.TableCellLayout>,
      }),
    );
    return (
      <F.DataGrid
        items={t.rows}
        columns={columns}
        getRowId={t.rowKey}
        sortable={t.columns.some((c) => c.sortable)}
        selectionMode={t.selection ? 'multiselect' : undefined}
        aria-label="DataGrid"
      >
        <F.DataGridHeader>
          <F.DataGridRow selectionCell={t.selection ? { checkboxIndicator: { 'aria-label': 'Select all rows' } } : undefined}>
            {({ renderHeaderCell }: { renderHeaderCell: () => React.ReactNode }) => (
              <F.DataGridHeaderCell>{renderHeaderCell()}</F.DataGridHeaderCell>
            )}
          </F.DataGridRow>
        </F.DataGridHeader>
        <F.DataGridBody>
          {({ item, rowId }: { item: Row; rowId: string }) => (
            <F.DataGridRow key={rowId} selectionCell={t.selection ? { checkboxIndicator: { 'aria-label': 'Select row' } } : undefined}>
              {({ renderCell }: { renderCell: (r: Row) => React.ReactNode }) => (
                <F.DataGridCell>{renderCell(item)}</F.DataGridCell>
              )}
            </F.DataGridRow>
          )}
        </F.DataGridBody>
      </F.DataGrid>
    );
  }

  return {
    name: 'fluent',
    // Fluent's hiding rules are Griffel's atomic classes, written into <head> at run time; closed panels are the
    // app's own (hidden attribute).
    hidingRules: '',
    stylesInHead: true,
    settleRounds: 1,
    Root: ({ children }) => (
      <F.RendererProvider renderer={renderer} targetDocument={document}>
        <F.FluentProvider theme={F.webLightTheme}>{children}</F.FluentProvider>
      </F.RendererProvider>
    ),
    Table: (t) => (t.grid ? <FluentGrid {...t} /> : <FluentTable {...t} />),
    // TabList has no panels: the app renders its own, the selected one shown and the others under `hidden`.
    Tabs: ({ active, panes }) => (
      <div className="tabs">
        <F.TabList selectedValue={active}>
          {panes.map((p) => (
            <F.Tab key={p.key} value={p.key} id={`tab-${p.key}`}>
              {p.title}
            </F.Tab>
          ))}
        </F.TabList>
        {panes.map((p) => (
          <div key={p.key} role="tabpanel" aria-labelledby={`tab-${p.key}`} hidden={p.key !== active}>
            {p.content}
          </div>
        ))}
      </div>
    ),
    Tag: ({ color, children }) => (
      <F.Badge appearance="tint" color={colors[color]}>
        {children}
      </F.Badge>
    ),
    // ProgressBar in a Field whose hint says "X / Y", as Fluent's docs label a progress bar.
    Progress: ({ percent, text }) => (
      <F.Field hint={text}>
        <F.ProgressBar value={percent / 100} />
      </F.Field>
    ),
    Tooltip: ({ content, open, children }) => (
      <F.Tooltip content={content} relationship="description" visible={open} withArrow>
        {children}
      </F.Tooltip>
    ),
    Button: ({ primary, children }) => <F.Button appearance={primary ? 'primary' : 'secondary'}>{children}</F.Button>,
    Stat: (o) => {
      const [int, frac] = splitNumber(o);
      return (
        <F.Card appearance="outline">
          <F.CardHeader header={<F.Caption1>{o.label}</F.Caption1>} />
          <F.Title3>
            {o.prefix}
            <span className="figure-int">{int}</span>
            <span className="figure-frac">{frac}</span>
            {o.suffix}
          </F.Title3>
          {o.beside}
        </F.Card>
      );
    },
    // Fluent has no descriptions: a List of label and value texts, a table of row headers, or labels over values.
    Descriptions: ({ title, items, layout }) => (
      <>
        {title ? <F.Subtitle2>{title}</F.Subtitle2> : null}
        {layout === 'plain' ? (
          <F.List>
            {items.map((i, n) => (
              <F.ListItem key={n}>
                <F.Text weight="semibold">{i.label}</F.Text> <F.Text>{i.value}</F.Text>
              </F.ListItem>
            ))}
          </F.List>
        ) : (
          <F.Table size="small">
            {layout === 'vertical' ? (
              <>
                <F.TableHeader>
                  <F.TableRow>
                    {items.map((i, n) => (
                      <F.TableHeaderCell key={n}>{i.label}</F.TableHeaderCell>
                    ))}
                  </F.TableRow>
                </F.TableHeader>
                <F.TableBody>
                  <F.TableRow>
                    {items.map((i, n) => (
                      <F.TableCell key={n}>{i.value}</F.TableCell>
                    ))}
                  </F.TableRow>
                </F.TableBody>
              </>
            ) : (
              <F.TableBody>
                {items.map((i, n) => (
                  <F.TableRow key={n}>
                    <F.TableHeaderCell as="th" scope="row">{i.label}</F.TableHeaderCell>
                    <F.TableCell>{i.value}</F.TableCell>
                  </F.TableRow>
                ))}
              </F.TableBody>
            )}
          </F.Table>
        )}
      </>
    ),
    // In a portal; Fluent unmounts a closed dialog by default: kept mounted (unmountOnClose off), as the other
    // kits keep theirs.
    Modal: (m) => (
      <F.Dialog open={m.open} unmountOnClose={false}>
        <F.DialogSurface>
          <F.DialogBody>
            <F.DialogTitle>{m.title}</F.DialogTitle>
            <F.DialogContent>
              <F.Field
                label={m.codeLabel}
                validationState={m.error ? 'error' : 'none'}
                validationMessage={m.error ?? undefined}
              >
                <F.Input name="code" placeholder={m.placeholder} defaultValue={m.code} />
              </F.Field>
            </F.DialogContent>
            <F.DialogActions>
              <F.Button appearance="secondary">{m.cancelText}</F.Button>
              <F.Button appearance="primary">{m.okText}</F.Button>
            </F.DialogActions>
          </F.DialogBody>
        </F.DialogSurface>
      </F.Dialog>
    ),
  };
}

export const kits: Record<KitName, () => Kit> = { semi, arco, antd, mui, chakra, tdesign, fluent };
