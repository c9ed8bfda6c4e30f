// Where our boxes go, as pure arithmetic over viewport rectangles, so placement is tested without layout.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export const PANEL_WIDTH = 300;
export const MARGIN = 12;

/** A rectangle that takes no space is not on screen (hidden, detached, or display: none). */
export function visibleBox(el: Element | null | undefined): Box | null {
  if (!el?.isConnected) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

/**
 * The page edge the panel docks to: right unless the dialog in use reaches into the panel's strip,
 * then left; null when the dialog is too wide for either (the panel folds to its tab meanwhile).
 */
export function dockSide(dialog: Box | null, viewport: Viewport): 'right' | 'left' | null {
  if (!dialog) return 'right';
  const strip = PANEL_WIDTH + 2 * MARGIN;
  if (dialog.left + dialog.width <= viewport.width - strip) return 'right';
  if (dialog.left >= strip) return 'left';
  return null;
}

/** Where the open panel starts from the top of the viewport, and how far from the bottom it may reach (overlay.css). */
export const PANEL_TOP = 72;
export const PANEL_BOTTOM = 24;

export interface PanelPlacement {
  side: 'right' | 'left';
  /** Folded to its tab: both edges would cover something the advertiser needs. */
  folded: boolean;
}

/** The part of the viewport the open panel takes on one side. */
export function panelStrip(side: 'right' | 'left', viewport: Viewport): Box {
  const width = PANEL_WIDTH + 2 * MARGIN;
  return {
    left: side === 'right' ? viewport.width - width : 0,
    top: PANEL_TOP,
    width,
    height: viewport.height - PANEL_TOP - PANEL_BOTTOM,
  };
}

export const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

/**
 * Where the panel goes: an edge the redeem dialog leaves free (dockSide), and of those the one where it
 * covers none of `keep` — the Redeem button, the promotions table with its columns and our notes at its
 * rows' ends. At 1280–1366 px the table spans both edges' strips: the panel folds to its tab then,
 * rather than hide the columns the advertiser reads. Null while the dialog leaves no edge free.
 */
export function placePanel(
  dialog: Box | null,
  keep: readonly Box[],
  viewport: Viewport,
): PanelPlacement | null {
  const first = dockSide(dialog, viewport);
  if (first === null) return null;
  const other = first === 'right' ? 'left' : 'right';
  const free = (side: 'right' | 'left') => {
    const strip = panelStrip(side, viewport);
    return ![...keep, ...(dialog ? [dialog] : [])].some((box) => overlaps(strip, box));
  };
  if (free(first)) return { side: first, folded: false };
  if (free(other)) return { side: other, folded: false };
  return { side: first, folded: true };
}

/**
 * A card of `width` beside the dialog, on the side the panel does not use; below the dialog when
 * that side has no room; kept inside the viewport.
 */
export function besideDialog(
  dialog: Box,
  viewport: Viewport,
  width: number,
  panelSide: 'right' | 'left' | null,
): { left: number; top: number } {
  const roomLeft = dialog.left - 2 * MARGIN;
  const roomRight = viewport.width - (dialog.left + dialog.width) - 2 * MARGIN;
  const top = Math.max(MARGIN, dialog.top);
  if (panelSide !== 'left' && roomLeft >= width) return { left: dialog.left - MARGIN - width, top };
  if (panelSide !== 'right' && roomRight >= width) return { left: dialog.left + dialog.width + MARGIN, top };
  const left = Math.min(Math.max(MARGIN, dialog.left), Math.max(MARGIN, viewport.width - width - MARGIN));
  return { left, top: dialog.top + dialog.height + MARGIN };
}
