import { z } from 'zod';
import type { Rectangle } from 'electron';
import { MIN_WINDOW_SIZE } from './window-options';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean().default(false),
  isFullScreen: z.boolean().default(false),
});

export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;

export interface DisplayArea {
  workArea: Rectangle;
}

/** A saved file that is missing, corrupt or from an older shape gives the default state. */
export function parseWindowState(json: string | null): WindowState | null {
  if (json === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const result = windowStateSchema.safeParse(raw);
  return result.success ? result.data : null;
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function centeredIn(area: Rectangle, width: number, height: number): Rectangle {
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

function fit(size: number, min: number, max: number): number {
  return Math.max(Math.min(size, max), Math.min(min, max));
}

/**
 * Where to open the window: the saved bounds, moved and shrunk so that the whole window sits
 * on the display it overlaps most. A monitor that was unplugged since last time must not
 * leave the window off-screen, where the user could never reach it.
 */
export function clampToDisplays(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
): Rectangle & { isMaximized: boolean; isFullScreen: boolean } {
  const flags = { isMaximized: saved?.isMaximized ?? false, isFullScreen: saved?.isFullScreen ?? false };
  const wanted = {
    width: saved?.width ?? DEFAULT_WINDOW_SIZE.width,
    height: saved?.height ?? DEFAULT_WINDOW_SIZE.height,
  };
  if (!saved || saved.x === undefined || saved.y === undefined) {
    const area = primary.workArea;
    const width = fit(wanted.width, MIN_WINDOW_SIZE.width, area.width);
    const height = fit(wanted.height, MIN_WINDOW_SIZE.height, area.height);
    return { ...centeredIn(area, width, height), ...flags };
  }
  const bounds: Rectangle = { x: saved.x, y: saved.y, ...wanted };
  let best: DisplayArea | null = null;
  let bestOverlap = 0;
  for (const display of displays) {
    const o = overlap(bounds, display.workArea);
    if (o > bestOverlap) {
      best = display;
      bestOverlap = o;
    }
  }
  const area = (best ?? primary).workArea;
  const width = fit(bounds.width, MIN_WINDOW_SIZE.width, area.width);
  const height = fit(bounds.height, MIN_WINDOW_SIZE.height, area.height);
  if (!best) return { ...centeredIn(area, width, height), ...flags };
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height, ...flags };
}
