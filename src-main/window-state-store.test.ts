import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadWindowState, trackWindowState } from './window-state-store';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'debrief-state-'));
  file = path.join(dir, 'window-state.json');
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function fakeWindow(bounds = { x: 40, y: 30, width: 1100, height: 760 }) {
  const listeners = new Map<string, () => void>();
  const win = {
    bounds,
    maximized: false,
    on: (name: string, fn: () => void) => listeners.set(name, fn),
    getNormalBounds: () => win.bounds,
    isMaximized: () => win.maximized,
    isFullScreen: () => false,
  };
  trackWindowState(win as unknown as BrowserWindow, file);
  return { win, emit: (name: string) => listeners.get(name)?.() };
}

describe('window state persistence', () => {
  it('starts from nothing when no file exists or it is corrupt', () => {
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, '{"width": "big"');
    expect(loadWindowState(file)).toBeNull();
  });

  it('saves the bounds on close and reads them back on the next launch', async () => {
    const { win, emit } = fakeWindow();
    win.maximized = true;
    emit('close');
    await vi.waitFor(() => expect(loadWindowState(file)).toEqual({ x: 40, y: 30, width: 1100, height: 760, isMaximized: true, isFullScreen: false }));
  });

  it('saves shortly after the user resizes, without waiting for close', async () => {
    vi.useFakeTimers();
    const { win, emit } = fakeWindow();
    win.bounds = { x: 0, y: 0, width: 1300, height: 900 };
    emit('resize');
    await vi.advanceTimersByTimeAsync(600);
    vi.useRealTimers();
    await vi.waitFor(() => expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 1300, height: 900 }));
  });
});
