import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface WindowOptionsInput {
  bounds: Partial<Rectangle> & Pick<Rectangle, 'width' | 'height'>;
  preloadPath: string;
  iconPath?: string;
  /** Only unpackaged (developer) builds may open dev tools at all. */
  allowDevTools: boolean;
}

export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;

/**
 * The one place the renderer's privileges are decided. Everything is locked down; the
 * preload is the only bridge and it runs sandboxed, so it cannot touch node either.
 */
export function secureWindowOptions({ bounds, preloadPath, iconPath, allowDevTools }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Debrief',
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      devTools: allowDevTools,
    },
  };
}
