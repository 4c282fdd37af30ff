import { readFileSync } from 'node:fs';
import type { BrowserWindow } from 'electron';
import { writeFileAtomic } from './atomic-file';
import { parseWindowState, type WindowState } from './window-state';

export function loadWindowState(file: string): WindowState | null {
  let json: string | null = null;
  try {
    json = readFileSync(file, 'utf8');
  } catch {
    // First launch: no file yet.
  }
  return parseWindowState(json);
}

function snapshot(win: BrowserWindow): WindowState {
  // Normal bounds, so a maximized window restores to the size it had before maximizing.
  const bounds = win.getNormalBounds();
  return { ...bounds, isMaximized: win.isMaximized(), isFullScreen: win.isFullScreen() };
}

async function save(file: string, state: WindowState): Promise<void> {
  // A crash mid-write never leaves a truncated file behind.
  await writeFileAtomic(file, JSON.stringify(state));
}

/** Saves the window's bounds shortly after every move/resize and once more on close. */
export function trackWindowState(win: BrowserWindow, file: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const persist = () => {
    save(file, snapshot(win)).catch((error: unknown) => console.warn('Could not save the window state', error));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(persist, 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) {
    win.on(event as 'resize', schedule);
  }
  win.on('close', () => {
    clearTimeout(timer);
    persist();
  });
}
