import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_KEY, type DesktopApi } from './desktop-api';
import { IPC_CHANNELS } from './ipc-channels';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)) },
    ipcRenderer: {
      invoke: vi.fn(),
      on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(fn);
      }),
      removeListener: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.get(channel)?.delete(fn)),
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

await import('./index');
const api = electron.exposed.get(DESKTOP_API_KEY) as DesktopApi & Record<string, unknown>;

function emitMenu(command: unknown): void {
  for (const fn of electron.listeners.get(IPC_CHANNELS.menuCommand) ?? []) fn({}, command);
}

beforeEach(() => electron.ipcRenderer.invoke.mockReset());

describe('preload bridge', () => {
  it('exposes only the DesktopApi methods, never ipcRenderer', () => {
    expect(Object.keys(api).sort()).toEqual(['abortSave', 'appVersion', 'beginSave', 'finishSave', 'onMenuCommand', 'openExternal', 'openFiles', 'printToPdf', 'readFile', 'readSyncToken', 'rememberSyncOrigin', 'showNotification', 'writeSave', 'writeSyncToken']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('sends each call on its own channel and unwraps the answer', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { saved: true } });
    await expect(api.finishSave({ saveId: 'id' })).resolves.toEqual({ saved: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.finishSave, { saveId: 'id' });
    const bytes = new Uint8Array([1, 2]);
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: bytes });
    await expect(api.readFile({ handle: 'h', offset: 0, length: 2 })).resolves.toBe(bytes);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.readFile, { handle: 'h', offset: 0, length: 2 });
  });

  it('turns a refused request into an error carrying the message and code', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: false, code: 'TOO_MANY_FILES', message: 'The folder holds more than 20,000 files.' });
    await expect(api.openFiles({ directories: true })).rejects.toMatchObject({ name: 'TOO_MANY_FILES', message: 'The folder holds more than 20,000 files.' });
  });

  it('forwards known menu commands until unsubscribed', () => {
    const seen: string[] = [];
    const off = api.onMenuCommand((command) => seen.push(command));
    emitMenu('new-incident');
    emitMenu('format-disk');
    emitMenu({ toString: () => 'export' });
    off();
    emitMenu('export');
    expect(seen).toEqual(['new-incident']);
  });
});
