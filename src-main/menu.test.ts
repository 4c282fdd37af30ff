import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuContext } from './menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function context(overrides: Partial<MenuContext> = {}): MenuContext {
  return { isMac: false, isPackaged: true, appName: 'Debrief', send: vi.fn(), showAbout: vi.fn(), ...overrides };
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help menus', () => {
    expect(buildMenuTemplate(context()).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it.each([
    ['New Incident', 'CmdOrCtrl+N', 'new-incident'],
    ['Import…', 'CmdOrCtrl+I', 'import'],
    ['Export…', 'CmdOrCtrl+E', 'export'],
  ])('sends %s (%s) to the renderer as %s', (label, accelerator, command) => {
    const ctx = context();
    const item = items(buildMenuTemplate(ctx)).find((i) => i.label === label);
    expect(item?.accelerator).toBe(accelerator);
    click(item);
    expect(ctx.send).toHaveBeenCalledWith(command);
  });

  it('offers dev tools only to developers', () => {
    const roles = (isPackaged: boolean) => items(buildMenuTemplate(context({ isPackaged }))).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('has zoom, full screen, quit and the edit roles', () => {
    const roles = items(buildMenuTemplate(context())).map((i) => i.role);
    for (const role of ['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) {
      expect(roles).toContain(role);
    }
  });

  it('shows About Debrief from Help', () => {
    const ctx = context();
    const help = buildMenuTemplate(ctx).find((m) => m.label === '&Help');
    const about = (help?.submenu as MenuItemConstructorOptions[])[0];
    expect(about?.label).toBe('About Debrief');
    click(about);
    expect(ctx.showAbout).toHaveBeenCalledOnce();
  });

  it('adds the application menu on macOS', () => {
    const template = buildMenuTemplate(context({ isMac: true }));
    expect(template.map((m) => m.label)).toEqual(['Debrief', 'File', 'Edit', 'View', 'Help']);
    expect(items(template).map((i) => i.role)).toContain('quit');
  });
});
