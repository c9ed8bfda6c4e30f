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

/** What encloses the node being visited. Shared between elements until one of them changes it. */
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
// NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, as numbers: src/core has no DOM globals.
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;
const TOP: Context = { dialog: -1, hidden: false, table: null, row: null, cell: null, owners: [] };

const HAS_TEXT = /\S/;
/** Text that fold would change: whitespace other than single inner spaces, or zero-width spaces. */
const UNFOLDED = /[^\S ]|\u200b| {2}|^ | $/;

/** Folds whitespace (including no-break and narrow spaces) and trims. */
export function fold(text: string): string {
  // Most page text is already folded: testing is far cheaper than building the same string again.
  return UNFOLDED.test(text) ? text.replace(/[\s\u00a0\u202f\u200b]+/g, ' ').trim() : text;
}

function owned(ctx: Context, rec: { parts: string[] }): Context {
  return { ...ctx, owners: [...ctx.owners, rec] };
}

function hiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*display\s*:\s*none\b/i.test(style);
}

export function scanPage(doc: Document): Scan {
  const job = startScan(doc);
  job.step(() => false);
  return job.scan;
}

/** A scan of the whole page that can stop and go on later (see startScan). */
export interface ScanJob {
  scan: Scan;
  /**
   * Walks on until `enough()` says stop: 'done' once the page is scanned, 'more' when stopped early,
   * 'stale' when the page removed the node the walk stood on (the walk cannot go on from there).
   */
  step(enough: () => boolean): 'done' | 'more' | 'stale';
}

/**
 * A whole-page scan in steps, so that a long page is scanned over several frames. Parts the page changes
 * behind the walk are the caller's to follow (readPageAndTargets' `changed`); parts ahead of it are
 * scanned as they are when the walk gets there.
 */
export function startScan(doc: Document): ScanJob {
  const scanner = createScanner(doc);
  const root = doc.documentElement;
  const top = root && scanner.enter(root, TOP);
  const walk = root && top ? scanner.walk(root, top) : null;
  return {
    scan: scanner.scan,
    step(enough) {
      if (walk) {
        const walked = walk(enough);
        if (walked !== 'done') return walked;
      }
      scanner.nameDialogs();
      return 'done';
    },
  };
}

/**
 * A table row's cells after the page changed `node` in it, read by the same rules as scanPage reads the
 * whole page: only the cell holding the change is walked again when there is one (the page rewrote a
 * text or a tag in it), else the whole row. A new array either way: a row's parse is remembered by it.
 */
export function rescanRow(doc: Document, row: Row, node: Node): Cell[] {
  const scanner = createScanner(doc);
  const table = { el: row.el, rows: [], hidden: false };
  const at = row.cells.findIndex((c) => c.el.contains(node));
  if (at === -1) {
    const fresh: Row = { el: row.el, cells: [] };
    scanner.walk(row.el, { ...TOP, table, row: fresh })(() => false);
    return fresh.cells;
  }
  const { el, header } = row.cells[at]!;
  const cell: Cell = { el, header, parts: [] };
  scanner.walk(el, { ...TOP, table, row, cell })(() => false);
  return row.cells.map((c, i) => (i === at ? cell : c));
}

function createScanner(doc: Document) {
  const scan: Scan = {
    blocks: [],
    tables: [],
    dialogs: [],
    tabs: [],
    controls: [],
    headings: [],
    alerts: [],
  };
  const labelledBy: Array<[Dialog, string]> = [];
  const byId = new Map<string, Labelled>();

  const enter = (el: Element, ctx: Context): Context | null => {
    const tag = el.localName.toLowerCase();
    if (SKIPPED.has(tag)) return null;
    // Inside a cell only the text matters; the bulk of a long table's elements are here.
    if (ctx.cell) return ctx;
    const role = el.getAttribute('role');
    if (ctx.row) {
      const cell = role ? CELL_ROLES.has(role) : tag === 'td' || tag === 'th';
      if (!cell) return ctx;
      const header = role ? role === 'columnheader' || role === 'rowheader' : tag === 'th';
      const c: Cell = { el, header, parts: [] };
      ctx.row.cells.push(c);
      return { ...ctx, cell: c };
    }
    let next = ctx;
    if (!ctx.hidden && hiddenByMarkup(el)) next = { ...ctx, hidden: true };

    // Table structure: ARIA roles on div grids, or the real elements.
    if ((role && TABLE_ROLES.has(role)) || tag === 'table') {
      const table: Table = { el, rows: [], hidden: next.hidden };
      scan.tables.push(table);
      return { ...next, table, row: null };
    }
    if (ctx.table && (role === 'row' || (tag === 'tr' && !role))) {
      const row: Row = { el, cells: [] };
      ctx.table.rows.push(row);
      return { ...next, row };
    }

    if (role === 'dialog' || role === 'alertdialog' || tag === 'dialog') {
      const hidden = next.hidden || (tag === 'dialog' && !el.hasAttribute('open'));
      const dialog: Dialog = { el, hidden, label: el.getAttribute('aria-label') ?? '', inputs: [] };
      const ref = el.getAttribute('aria-labelledby');
      if (ref) labelledBy.push([dialog, ref]);
      next = { ...next, hidden, dialog: scan.dialogs.push(dialog) - 1 };
    } else if (role === 'tab') {
      const tab: Tab = { ...record(el, next), selected: el.getAttribute('aria-selected') === 'true' };
      scan.tabs.push(tab);
      next = owned(next, tab);
    } else if (role === 'alert' || role === 'status') {
      const alert = { ...record(el, next), role } as const;
      scan.alerts.push(alert);
      next = owned(next, alert);
    } else if ((role && CONTROL_ROLES.has(role)) || tag === 'button' || tag === 'a') {
      next = owned(next, collect(scan.controls, el, next));
    } else if (
      role === 'heading' ||
      HEADING_TAGS.has(tag) ||
      (!role && el.getAttribute('aria-current') === 'page')
    ) {
      next = owned(next, collect(scan.headings, el, next));
    } else if (tag === 'input' || tag === 'textarea') {
      scan.dialogs[ctx.dialog]?.inputs.push(el);
    }

    // A dialog named by another element (aria-labelledby) needs that element's text.
    const id = labelledBy.length > 0 ? el.getAttribute('id') : null;
    if (id && labelledBy.some(([, ref]) => ref.split(/\s+/).includes(id))) {
      const rec = record(el, next);
      byId.set(id, rec);
      next = owned(next, rec);
    }
    return next;
  };

  const record = (el: Element, ctx: Context): Labelled => ({
    el,
    parts: [],
    dialog: ctx.dialog,
    hidden: ctx.hidden,
  });
  const collect = (into: Labelled[], el: Element, ctx: Context): Labelled => {
    const rec = record(el, ctx);
    into.push(rec);
    return rec;
  };

  const onText = (raw: string, parent: Element, ctx: Context): void => {
    if (!HAS_TEXT.test(raw)) return;
    const text = fold(raw);
    if (ctx.cell) ctx.cell.parts.push(text);
    for (const o of ctx.owners) o.parts.push(text);
    if (ctx.table) return;
    const last = scan.blocks[scan.blocks.length - 1];
    if (last && last.el === parent) last.text = `${last.text} ${text}`;
    else scan.blocks.push({ el: parent, text, dialog: ctx.dialog, hidden: ctx.hidden });
  };

  // A TreeWalker is the fastest way through the tree in every DOM tried (linkedom builds a child list
  // on each firstChild). The open elements are kept on a stack: a node's parent is on top once the
  // elements it does not belong to are popped.
  /** A walk from `root` (in `rootCtx`) that stops when asked and goes on from there when called again. */
  const walk = (root: Element, rootCtx: Context) => {
    const walker = doc.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT);
    const open: Element[] = [root];
    const contexts: Array<Context | null> = [rootCtx];
    return (enough: () => boolean): 'done' | 'more' | 'stale' => {
      if (!walker.currentNode.isConnected) return 'stale';
      let count = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentNode;
        while (open.length > 1 && open[open.length - 1] !== parent) {
          open.pop();
          contexts.pop();
        }
        const ctx = contexts[contexts.length - 1];
        if (node.nodeType === ELEMENT_NODE) {
          // Elements inside a skipped one (an icon's <svg><g><path>) stay on the stack with no context:
          // leaving them off would make their children unwind the stack past the table they sit in.
          open.push(node as Element);
          contexts.push(ctx ? enter(node as Element, ctx) : null);
        } else if (ctx && node.nodeType === TEXT_NODE) onText((node as Text).data, parent as Element, ctx);
        // The clock is asked every few hundred nodes: asking is not free either.
        if (++count % 512 === 0 && enough()) return 'more';
      }
      return 'done';
    };
  };

  /** Dialogs named by another element (aria-labelledby) take its text once the walk has met it. */
  const nameDialogs = (): void => {
    for (const [dialog, ref] of labelledBy) {
      const label = ref
        .split(/\s+/)
        .map((id) => byId.get(id)?.parts.join(' ') ?? '')
        .join(' ');
      if (label.trim()) dialog.label = fold(`${dialog.label} ${label}`);
    }
  };

  return { scan, enter, walk, nameDialogs };
}
