import { describe, expect, it } from 'vitest';
import { placePopover } from './popover-placement';

const viewport = { width: 1000, height: 800 };
const popover = { width: 300, height: 120 };
const words = (top: number, left = 100) => ({ top, bottom: top + 20, left });

describe('placePopover', () => {
  it('opens below the flagged words when there is room', () => {
    expect(placePopover(words(100), popover, viewport)).toEqual({ top: 126, left: 100, side: 'below' });
  });

  it('flips above the words near the bottom of the window', () => {
    const placed = placePopover(words(720), popover, viewport);
    expect(placed).toEqual({ top: 720 - 6 - 120, left: 100, side: 'above' });
    expect(placed.top + popover.height).toBeLessThanOrEqual(720);
  });

  it('stays inside the window when it fits neither above nor below', () => {
    const tall = { width: 300, height: 500 };
    const near = placePopover(words(350), tall, viewport);
    expect(near.top).toBeGreaterThanOrEqual(8);
    expect(near.top + tall.height).toBeLessThanOrEqual(800 - 8);
    expect(placePopover(words(100), { width: 300, height: 2000 }, viewport).top).toBe(8);
  });

  it('keeps the popover within the window horizontally', () => {
    expect(placePopover(words(100, 900), popover, viewport).left).toBe(1000 - 8 - 300);
    expect(placePopover(words(100, -40), popover, viewport).left).toBe(8);
    expect(placePopover(words(100, 50), { width: 2000, height: 120 }, viewport).left).toBe(8);
  });
});
