import type { DesktopApi } from '../../src-main/preload/desktop-api';
import type { PickedFile, Platform } from './platform';
import { safeExternalUrl } from './external-url';

function extensionsOf(accept: string[] | undefined): string[] {
  return (accept ?? []).filter((a) => a.startsWith('.')).map((a) => a.slice(1));
}

export function createElectronPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    async pickFiles(options) {
      const extensions = extensionsOf(options.accept);
      const opened = await api.openFiles({
        multiple: options.multiple ?? false,
        directories: options.directories ?? false,
        filters: extensions.length ? [{ name: 'Supported files', extensions }] : undefined,
      });
      return opened.map(
        (f): PickedFile => ({ file: new File([f.bytes as BlobPart], f.name), path: f.relativePath }),
      );
    },
    async saveFile(data, options) {
      const payload =
        data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
      const result = await api.saveFile({
        suggestedName: options.suggestedName,
        filters: options.filter ? [options.filter] : undefined,
        data: payload,
      });
      return result.saved;
    },
    notify: (title, body) => api.showNotification({ title, body }),
    async printToPdf(suggestedName) {
      return (await api.printToPdf({ suggestedName })).saved;
    },
    async openExternal(raw) {
      if (safeExternalUrl(raw)) await api.openExternal(raw);
    },
    appVersion: () => api.appVersion(),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
