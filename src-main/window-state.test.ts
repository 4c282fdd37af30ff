import { describe, expect, it } from 'vitest';
import { clampToDisplays, DEFAULT_WINDOW_SIZE, parseWindowState } from './window-state';
import { MIN_WINDOW_SIZE } from './window-options';

const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 900 } };
const external = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":5,"y":6,"width":1000,"height":700,"isMaximized":true}')).toEqual({
      x: 5,
      y: 6,
      width: 1000,
      height: 700,
      isMaximized: true,
      isFullScreen: false,
    });
  });

  it.each([null, '', '{not json', '{"width":-5,"height":700}', '{"width":"wide","height":700}', '[]'])(
    'treats %j as no saved state',
    (json) => {
      expect(parseWindowState(json)).toBeNull();
    },
  );
});

describe('clampToDisplays', () => {
  it('centers the default size on the primary display on first launch', () => {
    expect(clampToDisplays(null, [laptop], laptop)).toEqual({
      x: (1440 - DEFAULT_WINDOW_SIZE.width) / 2,
      y: (900 - DEFAULT_WINDOW_SIZE.height) / 2,
      ...DEFAULT_WINDOW_SIZE,
      isMaximized: false,
      isFullScreen: false,
    });
  });

  it('restores a window that is fully visible unchanged', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, isMaximized: false, isFullScreen: false };
    expect(clampToDisplays(saved, [laptop, external], laptop)).toEqual(saved);
  });

  it('brings a window back from an unplugged monitor', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, isMaximized: true, isFullScreen: false };
    const placed = clampToDisplays(saved, [laptop], laptop);
    expect(placed).toEqual({ x: 120, y: 50, width: 1200, height: 800, isMaximized: true, isFullScreen: false });
  });

  it('pulls a partly off-screen window fully onto the display it overlaps most', () => {
    const placed = clampToDisplays({ x: -300, y: 700, width: 1000, height: 700, isMaximized: false, isFullScreen: false }, [laptop], laptop);
    expect(placed).toMatchObject({ x: 0, y: 200, width: 1000, height: 700 });
  });

  it('shrinks a window larger than the display, but not below the minimum size', () => {
    const placed = clampToDisplays({ x: 0, y: 0, width: 4000, height: 3000, isMaximized: false, isFullScreen: false }, [laptop], laptop);
    expect(placed).toMatchObject({ x: 0, y: 0, width: 1440, height: 900 });
    const tiny = clampToDisplays({ x: 10, y: 10, width: 200, height: 100, isMaximized: false, isFullScreen: false }, [laptop], laptop);
    expect(tiny).toMatchObject({ width: MIN_WINDOW_SIZE.width, height: MIN_WINDOW_SIZE.height });
  });
});
