/** Where the toast stack may sit, in the order tried. */
export const TOAST_PLACEMENTS = ['bottom-center', 'bottom-right', 'bottom-left', 'top-right'] as const;
export type ToastPlacement = (typeof TOAST_PLACEMENTS)[number];

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const MARGIN = 20;

/** The stack's box at a placement, in viewport pixels. */
export function stackBox(placement: ToastPlacement, viewport: { width: number; height: number }, stack: { width: number; height: number }): Box {
  const left = placement === 'bottom-left' ? MARGIN : placement === 'bottom-center' ? (viewport.width - stack.width) / 2 : viewport.width - MARGIN - stack.width;
  const top = placement === 'top-right' ? MARGIN + 48 : viewport.height - MARGIN - stack.height;
  return { left, top, right: left + stack.width, bottom: top + stack.height };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The first placement where the stack covers none of the boxes to keep clear (the text of any
 * editor on screen, ours or a library's), else the one covering the least of them.
 */
export function chooseToastPlacement(viewport: { width: number; height: number }, stack: { width: number; height: number }, keepClear: readonly Box[]): ToastPlacement {
  let best: ToastPlacement = TOAST_PLACEMENTS[0];
  let bestCovered = Infinity;
  for (const placement of TOAST_PLACEMENTS) {
    const box = stackBox(placement, viewport, stack);
    const covered = keepClear.reduce((sum, clear) => sum + overlap(box, clear), 0);
    if (covered === 0) return placement;
    if (covered < bestCovered) [best, bestCovered] = [placement, covered];
  }
  return best;
}
