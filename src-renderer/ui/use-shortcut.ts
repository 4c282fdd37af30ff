import { useEffect, useRef } from 'react';

export interface ShortcutOptions {
  /** Also fire while focus is in a text field (for Escape and modifier combos). */
  inInputs?: boolean;
  enabled?: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Matches a key description such as "n", "/", "Escape", "Mod+Alt+n" ("Mod" is Cmd on macOS,
 * Ctrl elsewhere). Single-key shortcuts never fire while the user is typing.
 */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const isMac = /mac/i.test(navigator.platform);
  const wantMod = mods.has('mod');
  const modPressed = isMac ? event.metaKey : event.ctrlKey;
  if (wantMod !== modPressed) return false;
  if (mods.has('alt') !== event.altKey) return false;
  if (mods.has('shift') && !event.shiftKey) return false;
  // Also match the physical key, since Alt (Option on macOS) changes the character typed.
  const physical = /^\d$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`;
  return event.key.toLowerCase() === key.toLowerCase() || event.code === physical;
}

export function useShortcut(shortcut: string | string[], handler: (event: KeyboardEvent) => void, options: ShortcutOptions = {}): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  const list = Array.isArray(shortcut) ? shortcut : [shortcut];
  const key = list.join('|');
  const { inInputs = false, enabled = true } = options;
  useEffect(() => {
    if (!enabled) return;
    const keys = key.split('|');
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const hasModifier = event.ctrlKey || event.metaKey || event.altKey;
      if (!inInputs && !hasModifier && isTyping(event.target)) return;
      if (keys.some((k) => matchesShortcut(event, k))) {
        event.preventDefault();
        handlerRef.current(event);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, inInputs, enabled]);
}
