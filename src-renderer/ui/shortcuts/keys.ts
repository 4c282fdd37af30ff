/**
 * Key descriptions such as "j", "Shift+n", "?", "Escape", "Mod+k", "Alt+1" ("Mod" is Cmd on
 * macOS, Ctrl elsewhere) and the one matcher every shortcut in the app goes through.
 *
 * Modifiers match exactly: "n" never fires for Shift+N, Ctrl+N or Alt+N, so which action runs
 * never depends on the order shortcuts were registered in. The one exception is Shift on
 * punctuation ("?", "/"): which punctuation needs Shift depends on the keyboard layout, so a
 * punctuation key is matched on the character typed and may not name Shift itself.
 */
export interface ParsedShortcut {
  key: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

const NAMED_KEYS: Record<string, string> = { Space: ' ', Esc: 'Escape' };
const MODIFIERS = new Set(['mod', 'alt', 'shift']);

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /mac/i.test(navigator.platform);
}

function isPunctuation(key: string): boolean {
  return key.length === 1 && !/[a-z0-9 ]/i.test(key);
}

export function parseShortcut(shortcut: string): ParsedShortcut {
  // "Mod++" would be ambiguous; "+" is written "Plus".
  const parts = shortcut.split('+');
  const rawKey = parts.pop() ?? '';
  const mods = parts.map((p) => p.toLowerCase());
  const unknown = mods.find((m) => !MODIFIERS.has(m));
  if (rawKey === '' || unknown !== undefined) throw new Error(`Unknown shortcut "${shortcut}"`);
  const key = rawKey === 'Plus' ? '+' : (NAMED_KEYS[rawKey] ?? (rawKey.length === 1 ? rawKey.toLowerCase() : rawKey));
  const parsed = { key, mod: mods.includes('mod'), alt: mods.includes('alt'), shift: mods.includes('shift') };
  if (parsed.shift && isPunctuation(key)) throw new Error(`Shortcut "${shortcut}" names Shift on punctuation, which depends on the layout`);
  return parsed;
}

/** The key an event stands for: the typed character, or the physical key when the character is not plain ASCII. */
function eventKey(event: Pick<KeyboardEvent, 'key' | 'code'>): string {
  const typed = event.key;
  if (typed.length === 1 && typed.charCodeAt(0) < 127) return typed.toLowerCase();
  if (typed.length > 1 && typed !== 'Dead' && typed !== 'Unidentified') return typed;
  // Option on macOS types "¡" for 1 and "∂" for d; other scripts type other letters: use the key's place.
  const physical = /^Key([A-Z])$/.exec(event.code) ?? /^Digit(\d)$/.exec(event.code);
  return physical?.[1]?.toLowerCase() ?? typed;
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export function matchesParsed(event: KeyEventLike, want: ParsedShortcut, mac: boolean): boolean {
  const modPressed = mac ? event.metaKey : event.ctrlKey;
  const otherPressed = mac ? event.ctrlKey : event.metaKey;
  if (want.mod !== modPressed || otherPressed) return false;
  if (want.alt !== event.altKey) return false;
  if (isPunctuation(want.key)) return event.key === want.key;
  if (want.shift !== event.shiftKey) return false;
  return eventKey(event) === want.key;
}

export function matchesShortcut(event: KeyEventLike, shortcut: string, mac = isMacPlatform()): boolean {
  return matchesParsed(event, parseShortcut(shortcut), mac);
}

const SHOWN_KEYS: Record<string, string> = { Escape: 'Esc', ' ': 'Space', ArrowRight: '→', ArrowLeft: '←', ArrowUp: '↑', ArrowDown: '↓', PageUp: 'Page Up', PageDown: 'Page Down' };

/** The keys as a person reads them: "Ctrl+K" or "⌘K", "Shift+N", "?". */
export function formatShortcut(shortcut: string, mac = isMacPlatform()): string {
  const p = parseShortcut(shortcut);
  const key = SHOWN_KEYS[p.key] ?? (p.key.length === 1 ? p.key.toUpperCase() : p.key);
  if (mac) return `${p.mod ? '⌘' : ''}${p.alt ? '⌥' : ''}${p.shift ? '⇧' : ''}${key}`;
  return [p.mod && 'Ctrl', p.alt && 'Alt', p.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The same keys in aria-keyshortcuts' syntax: "Control+K", "Meta+K", "Shift+N". */
export function ariaShortcut(shortcut: string, mac = isMacPlatform()): string {
  const p = parseShortcut(shortcut);
  const key = p.key === ' ' ? 'Space' : p.key.length === 1 ? p.key.toUpperCase() : p.key;
  return [p.mod && (mac ? 'Meta' : 'Control'), p.alt && 'Alt', p.shift && 'Shift', key].filter(Boolean).join('+');
}
