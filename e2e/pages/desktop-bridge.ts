import type { Page } from '@playwright/test';
import type { FilePayload } from './import-page';

/** What the stand-in bridge saw: reads of picked files and chunks of saves. */
export interface BridgeStats {
  reads: number;
  largestRead: number;
  bytesServed: number;
  saveChunks: number;
  largestChunk: number;
}

const CHUNK = 8 * 1024 * 1024;

/**
 * Runs the renderer as the desktop app does, in Chromium: before the app's first script, a
 * `debriefDesktop` object with the preload's API is put on the window (the Electron binary cannot
 * run here). Its file methods keep the main process's contract (opaque handles, reads of at most
 * one 8 MiB chunk clipped at the end, saves in chunks) over bytes the test hands it, so the
 * renderer's desktop path — DesktopFile, the import worker reading through the window, chunked
 * saves, restoring from a lazily read file — runs for real. The main process's side of the same
 * contract is unit-tested in src-main/.
 */
export async function installDesktopBridge(page: Page, options: { keychain?: boolean } = {}): Promise<void> {
  await page.addInitScript(([chunk, keychain]) => {
    const picks: { name: string; path: string; bytes: Uint8Array }[][] = [];
    const files = new Map<string, Uint8Array>();
    const saves = new Map<string, { name: string; chunks: Uint8Array[] }>();
    const saved = new Map<string, Uint8Array>();
    const stats = { reads: 0, largestRead: 0, bytesServed: 0, saveChunks: 0, largestChunk: 0 };
    const fail = (code: string, message: string) => Object.assign(new Error(message), { name: code });
    (window as unknown as Record<string, unknown>).debriefTestBridge = { picks, saved, stats };
    (window as unknown as Record<string, unknown>).debriefDesktop = {
      async openFiles() {
        return (picks.shift() ?? []).map((file) => {
          const handle = crypto.randomUUID();
          files.set(handle, file.bytes);
          return { handle, name: file.name, relativePath: file.path, size: file.bytes.length, lastModified: Date.now() };
        });
      },
      async readFile({ handle, offset, length }: { handle: string; offset: number; length: number }) {
        const bytes = files.get(handle);
        if (!bytes) throw fail('FILE_HANDLE_UNKNOWN', 'This file is no longer available; pick it again.');
        if (length > chunk || offset < 0 || offset > bytes.length) throw fail('FILE_RANGE_INVALID', `Refused to read ${length} bytes at ${offset}.`);
        const piece = bytes.slice(offset, Math.min(bytes.length, offset + length));
        stats.reads++;
        stats.largestRead = Math.max(stats.largestRead, length);
        stats.bytesServed += piece.length;
        return piece;
      },
      async beginSave({ suggestedName }: { suggestedName: string }) {
        const saveId = crypto.randomUUID();
        saves.set(saveId, { name: suggestedName, chunks: [] });
        return { saveId };
      },
      async writeSave({ saveId, chunk: bytes }: { saveId: string; chunk: Uint8Array }) {
        const save = saves.get(saveId);
        if (!save) throw fail('SAVE_UNKNOWN', 'This save is no longer in progress; save again.');
        if (!(bytes instanceof Uint8Array) || bytes.length > chunk) throw fail('IPC_INVALID_ARGUMENT', 'A save chunk is larger than allowed.');
        save.chunks.push(bytes.slice());
        stats.saveChunks++;
        stats.largestChunk = Math.max(stats.largestChunk, bytes.length);
      },
      async finishSave({ saveId }: { saveId: string }) {
        const save = saves.get(saveId);
        if (!save) throw fail('SAVE_UNKNOWN', 'This save is no longer in progress; save again.');
        saves.delete(saveId);
        const whole = new Uint8Array(save.chunks.reduce((sum, c) => sum + c.length, 0));
        let at = 0;
        for (const c of save.chunks) {
          whole.set(c, at);
          at += c.length;
        }
        saved.set(save.name, whole);
        return { saved: true };
      },
      async abortSave({ saveId }: { saveId: string }) {
        saves.delete(saveId);
      },
      async showNotification() {},
      async printToPdf() {
        return { saved: false };
      },
      async openExternal() {},
      async appVersion() {
        return '0.0.0-e2e';
      },
      async rememberSyncOrigin() {},
      // With `keychain`, the main process's encrypted store (kept in sessionStorage so that it
      // survives the restart the first server needs); without, a desktop that has no keychain.
      async readSyncToken() {
        return keychain ? { token: sessionStorage.getItem('test.keychain'), protection: 'encrypted' } : { token: null, protection: 'unavailable' };
      },
      async writeSyncToken(token: string | null) {
        if (!keychain) return 'unavailable';
        if (token === null) sessionStorage.removeItem('test.keychain');
        else sessionStorage.setItem('test.keychain', token);
        return 'encrypted';
      },
      onMenuCommand() {
        return () => undefined;
      },
    };
  }, [CHUNK, options.keychain ?? false] as const);
}

/** The files the next Open dialog "returns". */
export async function queuePick(page: Page, files: (FilePayload & { path?: string })[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, path: f.path ?? f.name, base64: f.buffer.toString('base64') }));
  await page.evaluate((list) => {
    const bridge = (window as unknown as { debriefTestBridge: { picks: { name: string; path: string; bytes: Uint8Array }[][] } }).debriefTestBridge;
    bridge.picks.push(list.map((f) => ({ name: f.name, path: f.path, bytes: Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) })));
  }, payload);
}

export function bridgeStats(page: Page): Promise<BridgeStats> {
  return page.evaluate(() => ({ ...(window as unknown as { debriefTestBridge: { stats: BridgeStats } }).debriefTestBridge.stats }));
}

/** A file the app saved through the bridge, by its suggested name. */
export async function savedFile(page: Page, name: string): Promise<Buffer | null> {
  const base64 = await page.evaluate((wanted) => {
    const bytes = (window as unknown as { debriefTestBridge: { saved: Map<string, Uint8Array> } }).debriefTestBridge.saved.get(wanted);
    if (!bytes) return null;
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, name);
  return base64 === null ? null : Buffer.from(base64, 'base64');
}
