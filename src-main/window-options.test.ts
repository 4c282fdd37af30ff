import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from './window-options';

describe('secureWindowOptions', () => {
  const options = secureWindowOptions({
    bounds: { x: 10, y: 20, width: 1200, height: 800 },
    preloadPath: '/app/out/preload/index.cjs',
    allowDevTools: false,
  });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and blocks webviews and insecure content', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    // Checklist item 10: no Blink features switched on.
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('disables dev tools unless asked for (unpackaged builds)', () => {
    expect(prefs.devTools).toBe(false);
    const dev = secureWindowOptions({ bounds: { width: 1000, height: 700 }, preloadPath: '/p.cjs', allowDevTools: true });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.webPreferences?.sandbox).toBe(true);
  });

  it('loads the bundled CommonJS preload and uses the given bounds', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, title: 'Debrief', show: false });
  });
});
