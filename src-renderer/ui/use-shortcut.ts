import { useEffect, useRef } from 'react';
import { SHORTCUTS, type ShortcutDef, type ShortcutId } from './shortcuts/catalog';
import { matchesParsed, isMacPlatform, parseShortcut } from './shortcuts/keys';
import { addLiveCommand } from './shortcuts/live-commands';

export interface ShortcutOptions {
  enabled?: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A modal dialog (or the meeting view) is open: the page behind it must not react to keys. */
export function isModalOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('dialog[open], [aria-modal="true"]') !== null;
}

/** Whether a key press should run this shortcut, given where focus is and what is open. */
export function shortcutApplies(event: KeyboardEvent, def: ShortcutDef, mac = isMacPlatform()): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  if ((def.context ?? 'page') === 'page' && isModalOpen()) return false;
  const matched = def.keys.find((k) => matchesParsed(event, parseShortcut(k), mac));
  if (matched === undefined) return false;
  // Single keys type text in a field; combinations reach the app from fields unless they say otherwise.
  const combination = /(^|\+)(Mod|Alt)\+/.test(matched);
  const inInputs = def.inInputs ?? combination;
  return inInputs || !isTyping(event.target);
}

/**
 * Runs `handler` for the catalog action `id` (see shortcuts/catalog.ts, the one list of keys)
 * and offers it in the command palette while enabled. Page shortcuts stay quiet while a dialog is open.
 */
export function useShortcut(id: ShortcutId, handler: () => void, options: ShortcutOptions = {}): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  const { enabled = true } = options;
  useEffect(() => {
    if (!enabled) return;
    const def: ShortcutDef = SHORTCUTS[id];
    const onKey = (event: KeyboardEvent) => {
      if (!shortcutApplies(event, def)) return;
      event.preventDefault();
      handlerRef.current();
    };
    window.addEventListener('keydown', onKey);
    const removeCommand = addLiveCommand({ id, run: () => handlerRef.current() });
    return () => {
      window.removeEventListener('keydown', onKey);
      removeCommand();
    };
  }, [id, enabled]);
}
