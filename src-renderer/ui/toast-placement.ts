/** The corners the stack tries first, in order. */
export const TOAST_CORNERS = ['bottom-center', 'bottom-right', 'bottom-left', 'top-right'] as const;
export type ToastCorner = (typeof TOAST_CORNERS)[number];

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the stack sits: its top-left corner, in viewport pixels. */
export interface ToastPlacement {
  left: number;
  top: number;
}

type Size = { width: number; height: number };

const MARGIN = 20;
/** The highest the stack goes: below the app bar. */
const TOP = MARGIN + 48;
/** How finely the window's sides are tried when no corner is clear. */
const STEP = 8;

/** The stack's place at a corner of the viewport. */
export function cornerPlacement(corner: ToastCorner, viewport: Size, stack: Size): ToastPlacement {
  const left = corner === 'bottom-left' ? MARGIN : corner === 'bottom-center' ? (viewport.width - stack.width) / 2 : viewport.width - MARGIN - stack.width;
  const top = corner === 'top-right' ? TOP : viewport.height - MARGIN - stack.height;
  return { left, top };
}

/** The stack's box at a placement. */
export function placementBox(placement: ToastPlacement, stack: Size): Box {
  return { left: placement.left, top: placement.top, right: placement.left + stack.width, bottom: placement.top + stack.height };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where the stack covers none of the boxes to keep clear (the lines of editor text on screen):
 * the first clear corner; else the first clear place along the right or the left side of the
 * window, lowest first (text columns leave gaps beside short lines); else the corner covering
 * the least.
 */
export function chooseToastPlacement(viewport: Size, stack: Size, keepClear: readonly Box[]): ToastPlacement {
  const covered = (placement: ToastPlacement) => keepClear.reduce((sum, clear) => sum + overlap(placementBox(placement, stack), clear), 0);
  const corners = TOAST_CORNERS.map((corner) => cornerPlacement(corner, viewport, stack));
  const clearCorner = corners.find((placement) => covered(placement) === 0);
  if (clearCorner) return clearCorner;
  const right = cornerPlacement('bottom-right', viewport, stack).left;
  for (let top = viewport.height - MARGIN - stack.height; top >= TOP; top -= STEP) {
    for (const left of [right, MARGIN]) {
      if (covered({ left, top }) === 0) return { left, top };
    }
  }
  let best = corners[0] ?? { left: MARGIN, top: TOP };
  let bestCovered = Infinity;
  for (const placement of corners) {
    const area = covered(placement);
    if (area < bestCovered) [best, bestCovered] = [placement, area];
  }
  return best;
}
