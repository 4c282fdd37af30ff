import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcResult } from './preload/ipc-channels';
import { SyncTokenStore } from './sync-token-store';
import { testSafeStorage } from './test-safe-storage';
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

/** The parts of a webContents the handlers use: its id and its lifecycle events. */
class FakeSender extends EventEmitter {
  constructor(readonly id: number) {
    super();
  }
}
let sender = new FakeSender(1);

function event(url = 'app://debrief/index.html', parent: unknown = null, from: FakeSender = sender): IpcMainInvokeEvent {
  return { senderFrame: { url, parent }, sender: from } as unknown as IpcMainInvokeEvent;
}

async function call<T>(channel: string, arg?: unknown, from = event()): Promise<IpcResult<T>> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(from, arg)) as IpcResult<T>;
}

const remembered: (string | null)[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'debrief-ipc-'));
  electron.handlers.clear();
  vi.clearAllMocks();
  electron.shown.length = 0;
  sender = new FakeSender(1);
  remembered.length = 0;
  registerIpcHandlers({
    trustedOrigins: trustedOrigins(undefined, true),
    appVersion: '1.2.3',
    defaultSaveDir: dir,
    syncOrigin: { remember: async (origin) => void remembered.push(origin) },
    syncToken: new SyncTokenStore(dir, testSafeStorage(), 'darwin'),
  });
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
    ['a destroyed frame', { senderFrame: null, sender: new FakeSender(9) } as unknown as IpcMainInvokeEvent],
  ])('refuses %s before any dialog opens', async (_name, from) => {
    const result = await call(IPC_CHANNELS.openFiles, {}, from);
    expect(result).toMatchObject({ ok: false, code: 'IPC_UNTRUSTED_SENDER' });
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    const save = await call(IPC_CHANNELS.beginSave, { suggestedName: 'a.md' }, from);
    expect(save).toMatchObject({ ok: false, code: 'IPC_UNTRUSTED_SENDER' });
    const read = await call(IPC_CHANNELS.readFile, { handle: '3b241101-e2bb-4255-8caf-4136c566a962', offset: 0, length: 1 }, from);
    expect(read).toMatchObject({ ok: false, code: 'IPC_UNTRUSTED_SENDER' });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses malformed arguments from the app itself', async () => {
    const result = await call(IPC_CHANNELS.beginSave, { suggestedName: '../../.profile' });
    expect(result).toMatchObject({ ok: false, code: 'IPC_INVALID_ARGUMENT' });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  /** Begins a save to `target`, sends the chunks, returns the finish result. */
  async function save(target: string, chunks: string[]) {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const begun = await call<{ saveId: string | null }>(IPC_CHANNELS.beginSave, { suggestedName: path.basename(target) });
    if (!begun.ok || !begun.value.saveId) throw new Error('the save did not begin');
    const saveId = begun.value.saveId;
    for (const chunk of chunks) expect(await call(IPC_CHANNELS.writeSave, { saveId, chunk: new TextEncoder().encode(chunk) })).toEqual({ ok: true });
    return { saveId, finish: () => call(IPC_CHANNELS.finishSave, { saveId }) };
  }

  it('saves the chunks where the user chose, replacing the old file only at the end', async () => {
    const target = path.join(dir, 'review.md');
    writeFileSync(target, 'old review');
    const { finish } = await save(target, ['# SEV1 ', 'review']);
    expect(electron.dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: path.join(dir, 'review.md') });
    expect(readFileSync(target, 'utf8')).toBe('old review');
    expect(await finish()).toEqual({ ok: true, value: { saved: true } });
    expect(readFileSync(target, 'utf8')).toBe('# SEV1 review');
    expect(readdirSync(dir)).toEqual(['review.md']);
  });

  it('an aborted save leaves the old file and no temporary file', async () => {
    const target = path.join(dir, 'backup.json');
    writeFileSync(target, '{"old":true}');
    const { saveId } = await save(target, ['{"new":']);
    expect(await call(IPC_CHANNELS.abortSave, { saveId })).toEqual({ ok: true });
    expect(readFileSync(target, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(dir)).toEqual(['backup.json']);
  });

  it('aborts the saves of a window that closes', async () => {
    const target = path.join(dir, 'backup.json');
    writeFileSync(target, '{"old":true}');
    const { saveId } = await save(target, ['{"new":']);
    sender.emit('destroyed');
    expect(await call(IPC_CHANNELS.finishSave, { saveId })).toMatchObject({ ok: false, code: 'SAVE_UNKNOWN' });
    await vi.waitFor(() => expect(readdirSync(dir)).toEqual(['backup.json']));
  });

  it('reports a cancelled save as not begun', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await call(IPC_CHANNELS.beginSave, { suggestedName: 'a.md' })).toEqual({ ok: true, value: { saveId: null } });
  });

  it('opens picked files as handles and reads their bytes by range', async () => {
    const file = path.join(dir, 'timeline.json');
    writeFileSync(file, '{"events":[]}');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const result = await call<{ handle: string; name: string; size: number }[]>(IPC_CHANNELS.openFiles, { multiple: true });
    expect(electron.dialog.showOpenDialog.mock.calls[0]?.[1]).toMatchObject({ properties: ['openFile', 'multiSelections'] });
    if (!result.ok) throw new Error(result.message);
    const [ref] = result.value;
    expect(ref).toMatchObject({ name: 'timeline.json', size: 13 });
    expect(JSON.stringify(result.value)).not.toContain(dir);
    const read = await call<Uint8Array>(IPC_CHANNELS.readFile, { handle: ref?.handle, offset: 1, length: 8 });
    expect(read.ok && new TextDecoder().decode(read.value)).toBe('"events"');
    // Another window cannot use the handle; a reload forgets it.
    const other = await call(IPC_CHANNELS.readFile, { handle: ref?.handle, offset: 0, length: 1 }, event(undefined, null, new FakeSender(2)));
    expect(other).toMatchObject({ ok: false, code: 'FILE_HANDLE_UNKNOWN' });
    sender.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(await call(IPC_CHANNELS.readFile, { handle: ref?.handle, offset: 0, length: 1 })).toMatchObject({ ok: false, code: 'FILE_HANDLE_UNKNOWN' });
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

  it('remembers a team sync origin for the CSP, and refuses anything that is not ws(s)://host[:port]', async () => {
    expect(await call(IPC_CHANNELS.rememberSyncOrigin, 'wss://sync.example.com:8443')).toEqual({ ok: true });
    expect(await call(IPC_CHANNELS.rememberSyncOrigin, null)).toEqual({ ok: true });
    for (const bad of ["wss://a.example; script-src 'unsafe-eval'", 'https://sync.example.com', 'wss://sync.example.com/path', 42]) {
      expect(await call(IPC_CHANNELS.rememberSyncOrigin, bad)).toMatchObject({ ok: false, code: 'IPC_INVALID_ARGUMENT' });
    }
    expect(await call(IPC_CHANNELS.rememberSyncOrigin, 'wss://x.example', event('https://evil.example/'))).toMatchObject({ ok: false, code: 'IPC_UNTRUSTED_SENDER' });
    expect(remembered).toEqual(['wss://sync.example.com:8443', null]);
  });

  it('keeps the team sync token through the main process, encrypted, and refuses anything but a token from the app', async () => {
    const token = 'dbr_a1b2c3d4e5_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
    expect(await call(IPC_CHANNELS.readSyncToken)).toEqual({ ok: true, value: { token: null, protection: 'encrypted' } });
    expect(await call(IPC_CHANNELS.writeSyncToken, token)).toEqual({ ok: true, value: 'encrypted' });
    expect(readFileSync(path.join(dir, 'sync-token.bin')).includes(Buffer.from(token))).toBe(false);
    expect(await call(IPC_CHANNELS.readSyncToken)).toEqual({ ok: true, value: { token, protection: 'encrypted' } });
    for (const bad of ['', 'two words', 'x'.repeat(201), 42, { token }]) {
      expect(await call(IPC_CHANNELS.writeSyncToken, bad)).toMatchObject({ ok: false, code: 'IPC_INVALID_ARGUMENT' });
    }
    expect(await call(IPC_CHANNELS.readSyncToken, 'extra')).toMatchObject({ ok: false, code: 'IPC_INVALID_ARGUMENT' });
    expect(await call(IPC_CHANNELS.readSyncToken, undefined, event('https://evil.example/'))).toMatchObject({ ok: false, code: 'IPC_UNTRUSTED_SENDER' });
    expect(await call(IPC_CHANNELS.writeSyncToken, null)).toEqual({ ok: true, value: 'encrypted' });
    expect(await call(IPC_CHANNELS.readSyncToken)).toEqual({ ok: true, value: { token: null, protection: 'encrypted' } });
  });
});
