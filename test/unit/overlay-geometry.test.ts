import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { besideDialog, dockSide, MARGIN, PANEL_WIDTH, type Box } from '../../src/content/geometry.ts';

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
});
