import { useState } from 'react';
import { useShortcut } from '../use-shortcut';
import { CommandPalette } from './CommandPalette';
import { ShortcutHelp } from './ShortcutHelp';
import './shortcuts.css';

/** The "?" help sheet and the Ctrl/Cmd+K command palette, available on every screen. */
export function ShortcutSheets() {
  const [open, setOpen] = useState<'help' | 'palette' | null>(null);
  // Page keys: they stay quiet while this (or any) dialog is open, so no "enabled" is needed.
  useShortcut('app.help', () => setOpen('help'));
  useShortcut('app.palette', () => setOpen('palette'));
  if (open === 'help') return <ShortcutHelp onClose={() => setOpen(null)} />;
  if (open === 'palette') return <CommandPalette onClose={() => setOpen(null)} />;
  return null;
}
