// One pass over the document that gathers everything the reader and the overlay look at: text blocks,
// tables with their rows and cells, dialogs, tabs, controls and inputs. Reading text once here keeps the
// reader linear in the page size; nothing later queries the whole document again.
//
// Only structure and visible text are used (tags, ARIA roles, a few attributes), never class names.
// No layout APIs: they are slow or missing in Node DOMs, and hidden-ness is read from the markup.
import { hidingDeclaration } from './hiding.ts';

/** A run of text directly inside one element, whitespace folded. */
export interface Block {
  el: Element;
  text: string;
  /** Index in Scan.dialogs of the dialog it is in, else -1. */
  dialog: number;
  hidden: boolean;
  /** In a button, link or menu item: text that names an action or a page, never a value's label. */
  control: boolean;
}

export interface Cell {
  el: Element;
  header: boolean;
  /** Its visible text runs, in order (a cell often holds a tag and a button side by side). */
  parts: string[];
  /**
   * Its column, from 0: aria-colindex where the page gives it (a virtualized or split grid leaves
   * columns out), else its place in the row counting the columns spanned before it.
   */
  col: number;
  /** Columns it spans (colspan, aria-colspan). */
  span: number;
  /** What elements in it say by aria-label or title only (a status dot, an icon tag). */
  labels: string[];
}

export interface Row {
  el: Element;
  cells: Cell[];
  /** Hidden as the user sees it (a measuring row, a collapsed detail row). */
  hidden: boolean;
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
  control: boolean;
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

// NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, as numbers: src/core has no DOM globals.
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;
const TOP: Context = {
  dialog: -1,
  hidden: false,
  control: false,
  table: null,
  row: null,
  cell: null,
  owners: [],
};

/** Nodes walked between two looks at the clock (see walk). */
const CLOCK_EVERY = 64;

const HAS_TEXT = /\S/;
/** Text that fold would change: whitespace other than single inner spaces, or zero-width spaces. */
const UNFOLDED = /[^\S ]|[\u200b-\u200d\u2060\u00ad]| {2}|^ | $/;

/** Marks that take no room: they split words on a page only for a program comparing them. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Folds whitespace (including no-break and narrow spaces), drops invisible marks, and trims. */
export function fold(text: string): string {
  // Most page text is already folded: testing is far cheaper than building the same string again.
  return UNFOLDED.test(text)
    ? text
        .replace(INVISIBLE, '')
        // JavaScript's \s already takes in no-break (U+00A0) and narrow no-break (U+202F) spaces.
        .replace(/\s+/g, ' ')
        .trim()
    : text;
}

/**
 * Records collecting text may nest (a button in a link in a tab); past a few levels an inner record
 * gets no text of its own, so that a page nesting thousands of buttons costs the walk a bounded
 * amount per text, not one copy per enclosing record.
 */
const MAX_OWNERS = 8;

function owned(ctx: Context, rec: { parts: string[] }): Context {
  return ctx.owners.length >= MAX_OWNERS ? ctx : { ...ctx, owners: [...ctx.owners, rec] };
}

/**
 * While a modal dialog is open, its library (MUI's Modal; the aria-hidden package Radix and others use,
 * whose dialogs need not say aria-modal) marks every other child of the body aria-hidden, so that a
 * screen reader stays in the dialog. The page behind it stays in view, under the backdrop: that
 * aria-hidden hides nothing from the advertiser.
 */
function shownBehindModal(el: Element): boolean {
  const doc = el.ownerDocument;
  return (
    el.parentElement === doc.body &&
    Array.from(doc.querySelectorAll('[aria-modal=true],[role=dialog],[role=alertdialog]')).some(
      (dialog) => !el.contains(dialog),
    )
  );
}

/** Whether the element's own attributes hide it; `names` lists them when the caller has already. */
export function hiddenByMarkup(el: Element, names: readonly string[] = attrNames(el)): boolean {
  if (names.length === 0) return false;
  if (names.includes('hidden') || (attrIn(el, names, 'aria-hidden') === 'true' && !shownBehindModal(el)))
    return true;
  const style = attrIn(el, names, 'style');
  return style !== null && hidingDeclaration(style) !== null;
}

/** Documents that compute no style, with how their page's own rules hide an element (cascade.ts). */
const ruleHiders = new WeakMap<Document, (el: Element) => boolean>();

/** Tells the reader how the page's own rules hide an element of `doc` (cascade.ts). */
export function useStyleHider(doc: Document, hides: (el: Element) => boolean): void {
  ruleHiders.set(doc, hides);
}

/**
 * Whether the page's own style hides an element, as the user sees it. Where the document has a window
 * that computes style (a browser, jsdom, happy-dom) that is asked; a document parsed without one (the
 * command line's, the review page's) has its page's rules cascaded instead (cascade.ts). Null when the
 * page's style hides nothing, so most pages pay nothing.
 */
function styleHider(doc: Document): ((el: Element) => boolean) | null {
  const rules = ruleHiders.get(doc);
  if (rules) return rules;
  const view = doc.defaultView as { getComputedStyle?: (el: Element) => CSSStyleDeclaration } | null;
  if (typeof view?.getComputedStyle !== 'function') return null;
  const linked = doc.querySelector('link[rel~="stylesheet"]') !== null;
  const styles = Array.from(doc.querySelectorAll('style'), (s) => s.textContent ?? '');
  if (!linked && !styles.some((css) => /display\s*:\s*none|visibility\s*:\s*hidden/i.test(css))) return null;
  const compute = view.getComputedStyle.bind(view);
  return (el) => {
    const style = compute(el);
    return style.display === 'none' || style.visibility === 'hidden';
  };
}

// DOM clobbering: a form's field named like a DOM property ("localName", "getAttribute", "parentNode")
// shadows that property on the form itself. A page's own markup must not stop the reader or steer it,
// so where a property does not have the type the DOM gives it, the prototype's own getter or method
// answers. The common case costs one typeof.

/** `name` of `node` as its prototype chain defines it, past anything the node's own fields shadow. */
function native(node: object, name: string): unknown {
  for (let p: object | null = Object.getPrototypeOf(node); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d.get ? d.get.call(node) : d.value;
  }
  return undefined;
}

/** An element's tag name, lower case. */
export function localNameOf(el: Element): string {
  const own: unknown = el.localName;
  return (typeof own === 'string' ? own : String(native(el, 'localName') ?? '')).toLowerCase();
}

type Method = (this: Element, ...args: unknown[]) => unknown;
/** A form's field named like the method shadows it: then the prototype's own method answers. */
const unshadowed = (el: Element, own: unknown, name: string): Method =>
  (typeof own === 'function' ? own : native(el, name)) as Method;

// Each method is read by its name written out: a load by a name held in a variable is the slowest
// property access an engine has, and these run for every element of the page.

/** el.getAttribute(name), whatever a form's fields are called. */
export function attr(el: Element, name: string): string | null {
  return unshadowed(el, el.getAttribute, 'getAttribute').call(el, name) as string | null;
}
const hasAttrs = (el: Element): boolean =>
  unshadowed(el, el.hasAttributes, 'hasAttributes').call(el) === true;
const NO_NAMES: readonly string[] = [];
/**
 * The names of the element's attributes. In the content script's isolated world every call into the
 * DOM has a price of its own: an element's attributes are listed once and only those present are read.
 * A look at hasAttributes first spares a list for the many elements of a long table that have none.
 */
function attrNames(el: Element): readonly string[] {
  if (!hasAttrs(el)) return NO_NAMES;
  const names: unknown = unshadowed(el, el.getAttributeNames, 'getAttributeNames').call(el);
  return Array.isArray(names) ? (names as string[]) : NO_NAMES;
}
/** attr(el, name) for an attribute of `names` (attrNames), else null without asking the element. */
const attrIn = (el: Element, names: readonly string[], name: string): string | null =>
  names.includes(name) ? attr(el, name) : null;

/**
 * An element's tag name, lower case; null for a text node (the walk shows no other kind). One look
 * tells the two apart: text has no local name (linkedom's is "#text", a name no element can have).
 */
function tagOf(node: Node): string | null {
  const own: unknown = (node as Element).localName;
  if (typeof own === 'string') return own.charCodeAt(0) === HASH ? null : own.toLowerCase();
  return own === undefined || own === null ? null : localNameOf(node as Element);
}
const HASH = 35;

/**
 * A form's parent: its "parentNode" field is not its parent. DOMs that keep the parent as the node's
 * own field (linkedom) have no prototype getter to ask: their own field answers.
 */
function parentOf(form: Node): Node | null {
  const real = native(form, 'parentNode');
  return (real === undefined ? form.parentNode : real) as Node | null;
}

/** A class token saying an item is the chosen one ("active", "tab-active", "is-selected"). */
const ACTIVE_CLASS = /(?:^|[\s_-])(?:active|selected|current)(?:$|\s)/i;
/**
 * A class token naming a dialog ("modal", "t-dialog", "el-dialog"). Some kits give their dialog no role
 * (TDesign's, and Bootstrap's until its script opens it): on a div without one, outside any dialog, the
 * class says it. Inside one, "modal-dialog" and the like are its parts.
 */
const DIALOG_CLASS = /(?:^|[\s_-])(?:modal|dialog)(?:$|\s)/i;

/**
 * Whether a tab is the selected one: aria-selected where the page sets it, else an "active" class on
 * the tab or on the element wrapping it (how hand-made tab bars mark it).
 */
function tabSelected(el: Element): boolean {
  const aria = attr(el, 'aria-selected');
  if (aria !== null) return aria === 'true';
  const parent = el.parentElement;
  return (
    ACTIVE_CLASS.test(attr(el, 'class') ?? '') ||
    (parent !== null && ACTIVE_CLASS.test(attr(parent, 'class') ?? ''))
  );
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
    const fresh: Row = { el: row.el, cells: [], hidden: row.hidden };
    scanner.walk(row.el, { ...TOP, table, row: fresh })(() => false);
    return fresh.cells;
  }
  const cell: Cell = { ...row.cells[at]!, parts: [], labels: [] };
  scanner.walk(cell.el, { ...TOP, table, row, cell })(() => false);
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
  // Looked up at the first element outside a table row: a row read again never needs it.
  let hider: ((el: Element) => boolean) | null | undefined;
  const hides = (el: Element): boolean =>
    (hider === undefined ? (hider = styleHider(doc)) : hider)?.(el) ?? false;
  /** The table that rows found outside any table belong to: one per parent element. */
  const looseTable = (row: Element, hidden: boolean): Table => {
    const parent = row.parentElement ?? row;
    const last = scan.tables[scan.tables.length - 1];
    if (last?.el === parent) return last;
    const table: Table = { el: parent, rows: [], hidden };
    scan.tables.push(table);
    return table;
  };

  const enter = (el: Element, ctx: Context, tag: string = localNameOf(el)): Context | null => {
    if (SKIPPED.has(tag)) return null;
    // Inside a cell only the visible text matters; the bulk of a long table's elements are here, so
    // only the markup says what is hidden (a tooltip's text, a screen-reader copy), and an element with
    // no attribute but its class (most of them) is passed at the cost of one look.
    // Asked by name: `attributes[0]` would make the browser build an Attr object for each element.
    const names = attrNames(el);
    if (ctx.cell) {
      if (names.length === 0 || (names.length === 1 && names[0] === 'class')) return ctx;
      if (hiddenByMarkup(el, names)) return null;
      const label = attrIn(el, names, 'aria-label') ?? attrIn(el, names, 'title');
      if (label) ctx.cell.labels.push(fold(label));
      return ctx;
    }
    const role = attrIn(el, names, 'role');
    if (ctx.row) {
      const cell = role ? CELL_ROLES.has(role) : tag === 'td' || tag === 'th';
      if (!cell) return ctx;
      const header = role ? role === 'columnheader' || role === 'rowheader' : tag === 'th';
      const before = ctx.row.cells[ctx.row.cells.length - 1];
      const index = Number(attrIn(el, names, 'aria-colindex'));
      const span = Number(attrIn(el, names, 'colspan') ?? attrIn(el, names, 'aria-colspan')) || 1;
      const col = Number.isInteger(index) && index > 0 ? index - 1 : before ? before.col + before.span : 0;
      const c: Cell = { el, header, parts: [], col, span, labels: [] };
      ctx.row.cells.push(c);
      return { ...ctx, cell: c };
    }
    let next = ctx;
    if (!ctx.hidden && (hiddenByMarkup(el, names) || hides(el))) next = { ...ctx, hidden: true };

    // Table structure: ARIA roles on div grids, or the real elements.
    if ((role && TABLE_ROLES.has(role)) || tag === 'table') {
      const table: Table = { el, rows: [], hidden: next.hidden };
      scan.tables.push(table);
      return { ...next, table, row: null };
    }
    if (role === 'row' || (tag === 'tr' && !role && ctx.table)) {
      // Rows outside any table (a body of div rows under a header table) form one with their siblings.
      const table = ctx.table ?? looseTable(el, next.hidden);
      const row: Row = { el, cells: [], hidden: next.hidden };
      table.rows.push(row);
      return { ...next, table, row };
    }

    if (
      role === 'dialog' ||
      role === 'alertdialog' ||
      tag === 'dialog' ||
      (ctx.dialog === -1 && !role && tag === 'div' && DIALOG_CLASS.test(attrIn(el, names, 'class') ?? ''))
    ) {
      const hidden = next.hidden || (tag === 'dialog' && !names.includes('open'));
      const dialog: Dialog = { el, hidden, label: attrIn(el, names, 'aria-label') ?? '', inputs: [] };
      const ref = attrIn(el, names, 'aria-labelledby');
      if (ref) labelledBy.push([dialog, ref]);
      next = { ...next, hidden, dialog: scan.dialogs.push(dialog) - 1 };
    } else if (role === 'tab') {
      const tab: Tab = { ...record(el, next), selected: tabSelected(el) };
      scan.tabs.push(tab);
      next = owned(next, tab);
    } else if (role === 'alert' || role === 'status') {
      const alert = { ...record(el, next), role } as const;
      scan.alerts.push(alert);
      next = owned(next, alert);
    } else if ((role && CONTROL_ROLES.has(role)) || tag === 'button' || tag === 'a') {
      next = { ...owned(next, collect(scan.controls, el, next)), control: true };
    } else if (
      role === 'heading' ||
      HEADING_TAGS.has(tag) ||
      (!role && attrIn(el, names, 'aria-current') === 'page')
    ) {
      next = owned(next, collect(scan.headings, el, next));
    } else if (tag === 'input' || tag === 'textarea') {
      scan.dialogs[ctx.dialog]?.inputs.push(el);
    }

    // A dialog named by another element (aria-labelledby) needs that element's text.
    const id = labelledBy.length > 0 ? attrIn(el, names, 'id') : null;
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
    else scan.blocks.push({ el: parent, text, dialog: ctx.dialog, hidden: ctx.hidden, control: ctx.control });
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
        // One look at the tag serves the kind of node, the parent (a form's may be shadowed) and enter.
        const tag = tagOf(node);
        const parent = tag === 'form' ? parentOf(node) : node.parentNode;
        while (open.length > 1 && open[open.length - 1] !== parent) {
          open.pop();
          contexts.pop();
        }
        const ctx = contexts[contexts.length - 1];
        if (tag !== null) {
          // Elements inside a skipped one (an icon's <svg><g><path>) stay on the stack with no context:
          // leaving them off would make their children unwind the stack past the table they sit in.
          open.push(node as Element);
          contexts.push(ctx ? enter(node as Element, ctx, tag) : null);
        } else if (ctx) onText((node as Text).data, parent as Element, ctx);
        // The clock is asked every CLOCK_EVERY nodes: asking is not free either, but on a slow laptop
        // (a CPU four times slower) a few hundred nodes of a long list already outlast a slice.
        if (++count % CLOCK_EVERY === 0 && enough()) return 'more';
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
