import type { PickedFile, PickFilesOptions, Platform, SaveOptions } from './platform';
import { safeExternalUrl } from './external-url';

function pickWithInput(options: PickFilesOptions): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = options.multiple ?? false;
    if (options.directories) input.webkitdirectory = true;
    if (options.accept?.length) input.accept = options.accept.join(',');
    input.style.display = 'none';
    const finish = (files: PickedFile[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => {
      finish(
        Array.from(input.files ?? [], (file) => ({ file, path: file.webkitRelativePath || file.name })),
      );
    });
    input.addEventListener('cancel', () => finish([]));
    document.body.append(input);
    input.click();
  });
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: Chromium reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    pickFiles: pickWithInput,
    async saveFile(data: Blob | Uint8Array | string, options: SaveOptions) {
      const blob =
        data instanceof Blob ? data : new Blob([data as BlobPart], { type: options.mimeType });
      download(blob, options.suggestedName);
      return true;
    },
    async notify(title, body) {
      if (typeof Notification === 'undefined') return;
      let permission = Notification.permission;
      if (permission === 'default') permission = await Notification.requestPermission();
      if (permission === 'granted') new Notification(title, { body });
    },
    async printToPdf() {
      window.print();
      return true;
    },
    async openExternal(raw) {
      const url = safeExternalUrl(raw);
      if (url) window.open(url.href, '_blank', 'noopener,noreferrer');
    },
    async appVersion() {
      return __APP_VERSION__;
    },
    async rememberSyncOrigin() {
      // The web build's CSP is written at boot from what team sync keeps in localStorage.
    },
    onMenuCommand() {
      return () => undefined;
    },
    // A web page has no keychain to encrypt with: team sync keeps the token with its settings.
    syncTokenVault: null,
  };
}
