import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './preload/desktop-api';

export interface MenuContext {
  isMac: boolean;
  isPackaged: boolean;
  appName: string;
  /** Forwards a command to the focused renderer (through the preload's onMenuCommand). */
  send(command: MenuCommand): void;
  showAbout(): void;
}

/**
 * The native menu as plain data, so its accelerators and the dev-tools rule can be tested
 * without Electron. Commands that change app state go to the renderer; the rest use roles.
 */
export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  // Mnemonics (&File) are a Windows/Linux idea; macOS would show the ampersand.
  const top = (label: string): string => (ctx.isMac ? label : `&${label}`);
  const about: MenuItemConstructorOptions = { label: `About ${ctx.appName}`, click: () => ctx.showAbout() };
  const template: MenuItemConstructorOptions[] = [];
  if (ctx.isMac) {
    template.push({
      label: ctx.appName,
      submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push(
    {
      label: top('File'),
      submenu: [
        { label: 'New Incident', accelerator: 'CmdOrCtrl+N', click: () => ctx.send('new-incident') },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => ctx.send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => ctx.send('export') },
        { type: 'separator' },
        ctx.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: top('Edit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: top('View'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        // Dev tools would let anyone poke at the bridge; only developers get them.
        ...(ctx.isPackaged ? [] : ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as const)),
      ],
    },
    {
      label: top('Help'),
      role: 'help',
      submenu: [about],
    },
  );
  return template;
}
