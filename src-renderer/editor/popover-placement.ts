export interface AnchorRect {
  top: number;
  bottom: number;
  left: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface PopoverPlacement {
  top: number;
  left: number;
  side: 'below' | 'above';
}

/**
 * Where a fixed-position popover goes next to the words it explains: below them when it fits,
 * above them when there is no room below, and otherwise on the roomier side pushed back into
 * the window. Horizontally it starts at the words and is kept inside the window, so a finding
 * at the bottom or right edge of the screen never opens off-screen.
 */
export function placePopover(anchor: AnchorRect, popover: Size, viewport: Size, gap = 6, margin = 8): PopoverPlacement {
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - popover.height;
  const fitsBelow = below + popover.height <= viewport.height - margin;
  const fitsAbove = above >= margin;
  const roomBelow = viewport.height - anchor.bottom;
  const side = fitsBelow || (!fitsAbove && roomBelow >= anchor.top) ? 'below' : 'above';
  const top = clamp(side === 'below' ? below : above, margin, viewport.height - margin - popover.height);
  const left = clamp(anchor.left, margin, viewport.width - margin - popover.width);
  return { top, left, side };
}

/** Like Math.min(Math.max(...)), but the low bound wins when the popover is larger than the window. */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}
