import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  besideDialog,
  dockSide,
  MARGIN,
  PANEL_WIDTH,
  panelStrip,
  placePanel,
  type Box,
} from '../../src/content/geometry.ts';

const VIEW = { width: 1280, height: 800 };
const centred = (width: number): Box => ({ left: (VIEW.width - width) / 2, top: 160, width, height: 300 });
const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

describe('overlay geometry', () => {
  it('docks right; left when the dialog reaches the right strip; nowhere when it spans both', () => {
    expect(dockSide(null, VIEW)).toBe('right');
    expect(dockSide(centred(480), VIEW)).toBe('right');
    expect(dockSide({ left: 800, top: 100, width: 460, height: 200 }, VIEW)).toBe('left');
    expect(dockSide(centred(1000), VIEW)).toBeNull();
  });

  it('the docked panel never covers the dialog', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: VIEW.width - 1 }),
        fc.integer({ min: 1, max: VIEW.width }),
        (left, width) => {
          const dialog = { left, top: 100, width: Math.min(width, VIEW.width - left), height: 400 };
          const side = dockSide(dialog, VIEW);
          if (side === null) return;
          const panel = {
            left: side === 'right' ? VIEW.width - MARGIN - PANEL_WIDTH : MARGIN,
            top: 0,
            width: PANEL_WIDTH,
            height: VIEW.height,
          };
          expect(overlaps(panel, dialog)).toBe(false);
        },
      ),
    );
  });

  it('the help card sits beside the dialog, on the side the panel leaves free', () => {
    const d = centred(480);
    const left = besideDialog(d, VIEW, 320, 'right');
    expect(left.left + 320).toBeLessThanOrEqual(d.left);
    const right = besideDialog(d, VIEW, 320, 'left');
    expect(right.left).toBeGreaterThanOrEqual(d.left + d.width);
    // No room either side: below the dialog, inside the viewport.
    const below = besideDialog(centred(1000), VIEW, 320, null);
    expect(below.top).toBeGreaterThanOrEqual(160 + 300);
    expect(below.left + 320).toBeLessThanOrEqual(VIEW.width);
  });

  // The demo's Promotions page as Chromium lays it out (npm start's screenshots): a 208 px side menu,
  // the content 25 px from each side, the table 20 px inside it, the Redeem button at the tabs' right end.
  const promotionsPage = (width: number) => ({
    redeemButton: { left: width - 45 - 130, top: 200, width: 130, height: 32 },
    firstRow: { left: 253, top: 306, width: width - 45 - 253, height: 104 },
    lastRow: { left: 253, top: 306, width: width - 45 - 253, height: 104 },
  });

  it('at 1280–1366 px the panel covers neither the Redeem button nor the table: it folds to its tab', () => {
    for (let width = 1280; width <= 1366; width += 2) {
      const view = { width, height: 800 };
      const page = promotionsPage(width);
      const keep = [page.redeemButton, page.firstRow, page.lastRow];
      const place = placePanel(null, keep, view);
      expect(place).toEqual({ side: 'right', folded: true });
    }
    // The payment page: the Redeem button in the left column leaves the right edge to the panel.
    const button = { left: 520, top: 330, width: 130, height: 32 };
    expect(placePanel(null, [button], { width: 1280, height: 800 })).toEqual({
      side: 'right',
      folded: false,
    });
    // A narrow table that leaves the left edge free: the panel goes there rather than fold.
    const narrow = { left: 400, top: 300, width: 880, height: 100 };
    expect(placePanel(null, [narrow], { width: 1280, height: 800 })).toEqual({ side: 'left', folded: false });
  });

  it('an open panel never covers what it is told to keep in view, nor the dialog', () => {
    const box = (width: number) =>
      fc.record({
        left: fc.integer({ min: 0, max: width }),
        top: fc.integer({ min: 0, max: 800 }),
        width: fc.integer({ min: 1, max: width }),
        height: fc.integer({ min: 1, max: 400 }),
      });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1280, max: 1366 })
          .chain((width) =>
            fc.tuple(fc.constant(width), fc.array(box(width), { maxLength: 4 }), fc.option(box(width))),
          ),
        ([width, keep, dialog]) => {
          const view = { width, height: 800 };
          const place = placePanel(dialog, keep, view);
          if (place === null || place.folded) return;
          const strip = panelStrip(place.side, view);
          for (const b of [...keep, ...(dialog ? [dialog] : [])]) expect(overlaps(strip, b)).toBe(false);
        },
      ),
      { seed: 20261206 },
    );
  });
});
