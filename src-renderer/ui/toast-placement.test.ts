import { describe, expect, it } from 'vitest';
import { chooseToastPlacement, cornerPlacement, placementBox, type Box } from './toast-placement';

const viewport = { width: 1280, height: 860 };
const stack = { width: 360, height: 150 };
const meets = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('chooseToastPlacement', () => {
  it('stays at the bottom centre when nothing is being edited', () => {
    expect(chooseToastPlacement(viewport, stack, [])).toEqual(cornerPlacement('bottom-center', viewport, stack));
  });

  it('moves beside an editor column so its text is never covered', () => {
    const editor = { left: 300, top: 120, right: 900, bottom: 860 };
    const placement = chooseToastPlacement(viewport, stack, [editor]);
    expect(placement).toEqual(cornerPlacement('bottom-right', viewport, stack));
    expect(placementBox(placement, stack).left).toBeGreaterThanOrEqual(editor.right);
  });

  it('finds a gap beside short lines along a side when every corner covers text', () => {
    // A window the text column fills: long lines at the top and bottom, short ones between.
    const lines: Box[] = [];
    for (let top = 0; top < viewport.height; top += 30) {
      const long = top < 200 || top > 600;
      lines.push({ left: 100, top, right: long ? 1180 : 600, bottom: top + 22 });
    }
    for (const corner of ['bottom-center', 'bottom-right', 'bottom-left', 'top-right'] as const) {
      expect(lines.some((line) => meets(placementBox(cornerPlacement(corner, viewport, stack), stack), line))).toBe(true);
    }
    const placement = chooseToastPlacement(viewport, stack, lines);
    expect(lines.filter((line) => meets(placementBox(placement, stack), line))).toEqual([]);
    expect(placementBox(placement, stack).right).toBe(viewport.width - 20);
  });

  it('covers as little as it can when every place touches an editor', () => {
    const wide = { left: 0, top: 60, right: 1280, bottom: 700 };
    expect(chooseToastPlacement(viewport, stack, [wide])).toEqual(cornerPlacement('bottom-center', viewport, stack));
    const full = { left: 0, top: 0, right: 1280, bottom: 860 };
    const corners = (['bottom-center', 'bottom-right', 'bottom-left', 'top-right'] as const).map((c) => cornerPlacement(c, viewport, stack));
    expect(corners).toContainEqual(chooseToastPlacement(viewport, stack, [full]));
  });
});
