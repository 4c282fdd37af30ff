import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcResult } from './preload/ipc-channels';
import { trustedOrigins } from './url-policy';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, arg?: unknown) => Promise<unknown>>();
  const win = { webContents: { printToPDF: vi.fn(async () => new Uint8Array([37, 80, 68, 70])) } };
  const shown: { title: string; body: string }[] = [];
  return {
    handlers,
    win,
    shown,
    ipcMain: { handle: vi.fn((channel: string, fn: (event: unknown, arg?: unknown) => Promise<unknown>) => handlers.set(channel, fn)) },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    BrowserWindow: { fromWebContents: vi.fn(() => win) },
    Notification: class {
      static isSupported(): boolean {
        return true;
      }
      constructor(private readonly options: { title: string; body: string }) {}
      show() {
        shown.push(this.options);
      }
    },
  };
});

vi.mock('electron', () => ({
  ipcMain: electron.ipcMain,
  dialog: electron.dialog,
  shell: electron.shell,
  BrowserWindow: electron.BrowserWindow,
  Notification: electron.Notification,
}));

const { registerIpcHandlers } = await import('./ipc-handlers');

let dir: string;

function event(url = 'app://debrief/index.html', parent: unknown = null): IpcMainInvokeEvent {
  return { senderFrame: { url, parent }, sender: {} } as unknown as IpcMainInvokeEvent;
}

async function call<T>(channel: string, arg?: unknown, from = event()): Promise<IpcResult<T>> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(from, arg)) as IpcResult<T>;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'debrief-ipc-'));
  electron.handlers.clear();
  vi.clearAllMocks();
  electron.shown.length = 0;
  registerIpcHandlers({ trustedOrigins: trustedOrigins(undefined, true), appVersion: '1.2.3', defaultSaveDir: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('registerIpcHandlers', () => {
  it('registers exactly the channels the preload uses', () => {
    const expected = Object.values(IPC_CHANNELS).filter((c) => c !== IPC_CHANNELS.menuCommand);
    expect([...electron.handlers.keys()].sort()).toEqual([...expected].sort());
  });

  it.each([
    ['a web page', event('https://evil.example/')],
    ['an iframe', event('app://debrief/index.html', {})],
    ['a destroyed frame', { senderFrame: null, sender: {} } as unknown as IpcMainInvokeEvent],
  ])('refuses %s before any dialog opens', async (_name, from) => {
    const result = await call(IPC_CHANNELS.openFiles, {}, from);
    expect(result).toMatchObject({ ok: false, code: 'IPC_UNTRUSTED_SENDER' });
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    const save = await call(IPC_CHANNELS.saveFile, { suggestedName: 'a.md', data: 'x' }, from);
    expect(save).toMatchObject({ ok: false, code: 'IPC_UNTRUSTED_SENDER' });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses malformed arguments from the app itself', async () => {
    const result = await call(IPC_CHANNELS.saveFile, { suggestedName: '../../.profile', data: 'x' });
    expect(result).toMatchObject({ ok: false, code: 'IPC_INVALID_ARGUMENT' });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('saves the data where the user chose', async () => {
    const target = path.join(dir, 'review.md');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await call(IPC_CHANNELS.saveFile, { suggestedName: 'review.md', data: '# SEV1 review' });
    expect(result).toEqual({ ok: true, value: { saved: true } });
    expect(readFileSync(target, 'utf8')).toBe('# SEV1 review');
    expect(electron.dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: path.join(dir, 'review.md') });
  });

  it('reports a cancelled save as not saved', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await call(IPC_CHANNELS.saveFile, { suggestedName: 'a.md', data: 'x' })).toEqual({ ok: true, value: { saved: false } });
  });

  it('opens picked files and returns their bytes', async () => {
    const file = path.join(dir, 'timeline.json');
    writeFileSync(file, '{"events":[]}');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const result = await call<{ name: string; bytes: Uint8Array }[]>(IPC_CHANNELS.openFiles, { multiple: true });
    expect(electron.dialog.showOpenDialog.mock.calls[0]?.[1]).toMatchObject({ properties: ['openFile', 'multiSelections'] });
    expect(result.ok && result.value.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([['timeline.json', '{"events":[]}']]);
  });

  it('returns nothing when the open dialog is cancelled', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await call(IPC_CHANNELS.openFiles, { directories: true })).toEqual({ ok: true, value: [] });
  });

  it('hands only safe URLs to the OS', async () => {
    expect(await call(IPC_CHANNELS.openExternal, 'javascript:alert(1)')).toMatchObject({ ok: false, code: 'EXTERNAL_URL_REFUSED' });
    expect(await call(IPC_CHANNELS.openExternal, 'file:///etc/passwd')).toMatchObject({ ok: false, code: 'EXTERNAL_URL_REFUSED' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(await call(IPC_CHANNELS.openExternal, 'https://status.example.com/')).toEqual({ ok: true });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://status.example.com/');
  });

  it('prints to a PDF file with a .pdf name', async () => {
    const target = path.join(dir, 'out.pdf');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await call(IPC_CHANNELS.printToPdf, { suggestedName: 'SEV2 review' })).toEqual({ ok: true, value: { saved: true } });
    expect(electron.dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: path.join(dir, 'SEV2 review.pdf') });
    expect(readFileSync(target, 'latin1')).toBe('%PDF');
  });

  it('shows notifications and answers the version', async () => {
    await call(IPC_CHANNELS.showNotification, { title: 'Action item overdue', body: 'Add alerting on queue depth' });
    expect(electron.shown).toEqual([{ title: 'Action item overdue', body: 'Add alerting on queue depth' }]);
    expect(await call(IPC_CHANNELS.appVersion)).toEqual({ ok: true, value: '1.2.3' });
    expect(await call(IPC_CHANNELS.appVersion, 'extra')).toMatchObject({ ok: false, code: 'IPC_INVALID_ARGUMENT' });
  });
});
