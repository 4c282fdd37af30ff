import { DESKTOP_API_KEY, type DesktopApi } from '../../src-main/preload/desktop-api';
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

export type { Platform, PickedFile, SaveOptions, PickFilesOptions, MenuCommand } from './platform';
export { safeExternalUrl } from './external-url';
export { asFile, DesktopFile, type DesktopFileRef, type PickedBlob, type ReadRange } from './desktop-file';

function detect(): Platform {
  const api = (globalThis as Record<string, unknown>)[DESKTOP_API_KEY] as DesktopApi | undefined;
  return api ? createElectronPlatform(api) : createBrowserPlatform();
}

/** The one platform for this window, chosen by whether the preload bridge is present. */
export const platform: Platform = detect();
