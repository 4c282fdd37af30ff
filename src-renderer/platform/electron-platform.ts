import { z } from 'zod';
import type { DesktopApi } from '../../src-main/preload/desktop-api';
import { IPC_CHUNK_BYTES } from '../../src-main/preload/ipc-channels';
import type { PickedFile, Platform, SyncTokenVault } from './platform';
import { DesktopFile } from './desktop-file';
import { safeExternalUrl } from './external-url';

function extensionsOf(accept: string[] | undefined): string[] {
  return (accept ?? []).filter((a) => a.startsWith('.')).map((a) => a.slice(1));
}

const protectionSchema = z.enum(['encrypted', 'unavailable']);
const tokenStateSchema = z.object({ token: z.string().nullable(), protection: protectionSchema });

/** The main process's encrypted token store, its answers checked like any input from outside the page. */
function tokenVault(api: DesktopApi): SyncTokenVault {
  return {
    async read() {
      const state = tokenStateSchema.parse(await api.readSyncToken());
      return { token: state.token, canEncrypt: state.protection === 'encrypted' };
    },
    async write(token) {
      return protectionSchema.parse(await api.writeSyncToken(token)) === 'encrypted';
    },
  };
}

export function createElectronPlatform(api: DesktopApi): Platform {
  const readRange = (handle: string, offset: number, length: number) => api.readFile({ handle, offset, length });
  return {
    kind: 'desktop',
    async pickFiles(options) {
      const extensions = extensionsOf(options.accept);
      const picked = await api.openFiles({
        multiple: options.multiple ?? false,
        directories: options.directories ?? false,
        filters: extensions.length ? [{ name: 'Supported files', extensions }] : undefined,
      });
      // Nothing is read here: importers read the ranges they need, however large the file.
      return picked.map((ref): PickedFile => ({ file: new DesktopFile(ref, readRange), path: ref.relativePath }));
    },
    async saveFile(data, options) {
      const { saveId } = await api.beginSave({ suggestedName: options.suggestedName, filters: options.filter ? [options.filter] : undefined });
      if (!saveId) return false;
      const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: options.mimeType });
      try {
        // One chunk in memory at a time: a backup of any size is saved with flat memory.
        for (let offset = 0; offset < blob.size; offset += IPC_CHUNK_BYTES) {
          await api.writeSave({ saveId, chunk: new Uint8Array(await blob.slice(offset, offset + IPC_CHUNK_BYTES).arrayBuffer()) });
        }
      } catch (error) {
        await api.abortSave({ saveId }).catch(() => undefined);
        throw error;
      }
      return (await api.finishSave({ saveId })).saved;
    },
    notify: (title, body) => api.showNotification({ title, body }),
    async printToPdf(suggestedName) {
      return (await api.printToPdf({ suggestedName })).saved;
    },
    async openExternal(raw) {
      if (safeExternalUrl(raw)) await api.openExternal(raw);
    },
    appVersion: () => api.appVersion(),
    rememberSyncOrigin: (origin) => api.rememberSyncOrigin(origin),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    syncTokenVault: tokenVault(api),
  };
}
