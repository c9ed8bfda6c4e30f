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
