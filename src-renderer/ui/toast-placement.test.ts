import { describe, expect, it } from 'vitest';
import { chooseToastPlacement, stackBox } from './toast-placement';

const viewport = { width: 1280, height: 860 };
const stack = { width: 360, height: 150 };

describe('chooseToastPlacement', () => {
  it('stays at the bottom centre when nothing is being edited', () => {
    expect(chooseToastPlacement(viewport, stack, [])).toBe('bottom-center');
  });

  it('moves beside an editor column so its text is never covered', () => {
    const editor = { left: 300, top: 120, right: 900, bottom: 860 };
    const placement = chooseToastPlacement(viewport, stack, [editor]);
    expect(placement).toBe('bottom-right');
    const box = stackBox(placement, viewport, stack);
    expect(box.left).toBeGreaterThanOrEqual(editor.right);
  });

  it('covers as little as it can when every place touches an editor', () => {
    const wide = { left: 0, top: 60, right: 1280, bottom: 700 };
    expect(chooseToastPlacement(viewport, stack, [wide])).toBe('bottom-center');
    const full = { left: 0, top: 0, right: 1280, bottom: 860 };
    expect(['bottom-center', 'bottom-right', 'bottom-left', 'top-right']).toContain(chooseToastPlacement(viewport, stack, [full]));
  });
});
