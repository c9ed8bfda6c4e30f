// One pass over the document that gathers everything the reader and the overlay look at: text blocks,
// tables with their rows and cells, dialogs, tabs, controls and inputs. Reading text once here keeps the
// reader linear in the page size; nothing later queries the whole document again.
//
// Only structure and visible text are used (tags, ARIA roles, a few attributes), never class names.
// No layout APIs: they are slow or missing in Node DOMs, and hidden-ness is read from the markup.

/** A run of text directly inside one element, whitespace folded. */
export interface Block {
  el: Element;
  text: string;
  /** Index in Scan.dialogs of the dialog it is in, else -1. */
  dialog: number;
  hidden: boolean;
}

export interface Cell {
  el: Element;
  header: boolean;
  /** Its text runs, in order (a cell often holds a tag and a button side by side). */
  parts: string[];
}

export interface Row {
  el: Element;
  cells: Cell[];
}

export interface Table {
  el: Element;
  rows: Row[];
  hidden: boolean;
}

/** An element whose own text (all of its descendants' text runs) the reader needs. */
export interface Labelled {
  el: Element;
  parts: string[];
  dialog: number;
  hidden: boolean;
}

export interface Dialog {
  el: Element;
  hidden: boolean;
  /** aria-label, or the text of the aria-labelledby element once the pass is over. */
  label: string;
  inputs: Element[];
}

export interface Tab extends Labelled {
  selected: boolean;
}

export interface Scan {
  blocks: Block[];
  tables: Table[];
  dialogs: Dialog[];
  tabs: Tab[];
  /** Buttons, links and menu items. */
  controls: Labelled[];
  /** Headings, the document title and the current breadcrumb or menu item. */
  headings: Labelled[];
  /** role=alert and role=status regions. */
  alerts: Array<Labelled & { role: 'alert' | 'status' }>;
}

interface Context {
  dialog: number;
  hidden: boolean;
  table: Table | null;
  row: Row | null;
  cell: Cell | null;
  /** Records collecting the text of their subtree. */
  owners: Array<{ parts: string[] }>;
}

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg']);
const TABLE_ROLES = new Set(['table', 'grid', 'treegrid']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
const CONTROL_ROLES = new Set(['button', 'link', 'menuitem', 'option']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'title']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Folds whitespace (including no-break and narrow spaces) and trims. */
export function fold(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u200b]+/g, ' ').trim();
}

function hiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*display\s*:\s*none\b/i.test(style);
}

export function scanPage(doc: Document): Scan {
  const scan: Scan = {
    blocks: [],
    tables: [],
    dialogs: [],
    tabs: [],
    controls: [],
    headings: [],
    alerts: [],
  };
  const root = doc.documentElement;
  if (!root) return scan;
  const labelledBy: Array<[Dialog, string]> = [];
  const byId = new Map<string, Labelled>();

  const enter = (el: Element, ctx: Context): Context | null => {
    const tag = el.localName?.toLowerCase() ?? '';
    if (SKIPPED.has(tag)) return null;
    let next: Context | null = null;
    const derive = (): Context => (next ??= { ...ctx });
    const role = el.attributes.length > 0 ? el.getAttribute('role') : null;
    if (el.attributes.length > 0 && !ctx.hidden && hiddenByMarkup(el)) derive().hidden = true;

    // Table structure: ARIA roles on div grids, or the real elements.
    if ((role && TABLE_ROLES.has(role)) || tag === 'table') openTable(el, derive());
    else if (ctx.table && !ctx.cell && (role === 'row' || (tag === 'tr' && !role))) openRow(el, derive());
    else if (
      ctx.row &&
      !ctx.cell &&
      ((role && CELL_ROLES.has(role)) || (!role && (tag === 'td' || tag === 'th')))
    )
      openCell(el, role === 'columnheader' || role === 'rowheader' || (!role && tag === 'th'), derive());

    if (role === 'dialog' || role === 'alertdialog' || tag === 'dialog') {
      const c = derive();
      c.hidden ||= tag === 'dialog' && !el.hasAttribute('open');
      const dialog: Dialog = { el, hidden: c.hidden, label: el.getAttribute('aria-label') ?? '', inputs: [] };
      const ref = el.getAttribute('aria-labelledby');
      if (ref) labelledBy.push([dialog, ref]);
      c.dialog = scan.dialogs.push(dialog) - 1;
    } else if (role === 'tab') {
      const c = derive();
      const tab: Tab = { ...record(el, c), selected: el.getAttribute('aria-selected') === 'true' };
      scan.tabs.push(tab);
      c.owners = [...c.owners, tab];
    } else if (role === 'alert' || role === 'status') {
      const c = derive();
      const alert = { ...record(el, c), role } as const;
      scan.alerts.push(alert);
      c.owners = [...c.owners, alert];
    } else if ((role && CONTROL_ROLES.has(role)) || tag === 'button' || tag === 'a') {
      collect(scan.controls, el, derive());
    } else if (
      role === 'heading' ||
      HEADING_TAGS.has(tag) ||
      (role === null && el.getAttribute('aria-current') === 'page')
    ) {
      collect(scan.headings, el, derive());
    } else if (tag === 'input' || tag === 'textarea') {
      scan.dialogs[ctx.dialog]?.inputs.push(el);
    }

    // A dialog named by another element (aria-labelledby) needs that element's text.
    const id = labelledBy.length > 0 ? el.getAttribute('id') : null;
    if (id && labelledBy.some(([, ref]) => ref.split(/\s+/).includes(id))) {
      const c = derive();
      const rec = record(el, c);
      byId.set(id, rec);
      c.owners = [...c.owners, rec];
    }
    return next ?? ctx;
  };

  const record = (el: Element, ctx: Context): Labelled => ({
    el,
    parts: [],
    dialog: ctx.dialog,
    hidden: ctx.hidden,
  });
  const collect = (into: Labelled[], el: Element, ctx: Context): void => {
    const rec = record(el, ctx);
    into.push(rec);
    ctx.owners = [...ctx.owners, rec];
  };
  const openTable = (el: Element, ctx: Context): void => {
    const table: Table = { el, rows: [], hidden: ctx.hidden };
    scan.tables.push(table);
    ctx.table = table;
    ctx.row = null;
    ctx.cell = null;
  };
  const openRow = (el: Element, ctx: Context): void => {
    const row: Row = { el, cells: [] };
    ctx.table!.rows.push(row);
    ctx.row = row;
  };
  const openCell = (el: Element, header: boolean, ctx: Context): void => {
    const cell: Cell = { el, header, parts: [] };
    ctx.row!.cells.push(cell);
    ctx.cell = cell;
  };

  const onText = (raw: string, parent: Element, ctx: Context): void => {
    if (!/\S/.test(raw)) return;
    const text = fold(raw);
    if (ctx.cell) ctx.cell.parts.push(text);
    for (const o of ctx.owners) o.parts.push(text);
    if (ctx.table) return;
    const last = scan.blocks[scan.blocks.length - 1];
    if (last && last.el === parent) last.text = `${last.text} ${text}`;
    else scan.blocks.push({ el: parent, text, dialog: ctx.dialog, hidden: ctx.hidden });
  };

  // Iterative depth-first walk: deeply nested pages must not overflow the call stack.
  const nodes: Array<Node | null> = [root];
  const contexts: Context[] = [{ dialog: -1, hidden: false, table: null, row: null, cell: null, owners: [] }];
  const parents: Element[] = [root];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top];
    if (!node) {
      nodes.pop();
      contexts.pop();
      parents.pop();
      continue;
    }
    nodes[top] = node === root ? null : node.nextSibling;
    if (node.nodeType === TEXT_NODE) {
      onText(node.nodeValue ?? '', parents[top]!, contexts[top]!);
    } else if (node.nodeType === ELEMENT_NODE) {
      const ctx = enter(node as Element, contexts[top]!);
      if (ctx && node.firstChild) {
        nodes.push(node.firstChild);
        contexts.push(ctx);
        parents.push(node as Element);
      }
    }
  }

  for (const [dialog, ref] of labelledBy) {
    const label = ref
      .split(/\s+/)
      .map((id) => byId.get(id)?.parts.join(' ') ?? '')
      .join(' ');
    if (label.trim()) dialog.label = fold(`${dialog.label} ${label}`);
  }
  return scan;
}
