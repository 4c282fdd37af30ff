import { LIVE_TOGETHER, type ShortcutDef, type ShortcutScope } from './catalog';
import { matchesParsed, parseShortcut } from './keys';

type KeyEventInit = { key: string; code: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean };

const US_SHIFTED: Record<string, string> = { '?': '/', '!': '1', '@': '2', '#': '3', '*': '8', '(': '9', ')': '0', '+': '=', ':': ';' };

/** The key press a US keyboard makes for a shortcut, as the browser reports it. */
export function pressFor(shortcut: string, mac: boolean): KeyEventInit {
  const p = parseShortcut(shortcut);
  const mods = { ctrlKey: p.mod && !mac, metaKey: p.mod && mac, altKey: p.alt, shiftKey: p.shift };
  if (/^[a-z]$/.test(p.key)) return { ...mods, key: p.shift ? p.key.toUpperCase() : p.key, code: `Key${p.key.toUpperCase()}` };
  if (/^\d$/.test(p.key)) return { ...mods, key: p.key, code: `Digit${p.key}` };
  const base = US_SHIFTED[p.key];
  if (base !== undefined) return { ...mods, shiftKey: true, key: p.key, code: `Shifted${base}` };
  return { ...mods, key: p.key, code: p.key };
}

export interface Conflict {
  key: string;
  mac: boolean;
  ids: string[];
}

/**
 * Presses every key of every shortcut, on both platforms, against every shortcut that can be
 * live at the same time (same group of scopes, same page-or-dialog context) and reports any key
 * that more than one action answers to.
 */
export function findConflicts(
  catalog: Readonly<Record<string, ShortcutDef>>,
  groups: readonly (readonly ShortcutScope[])[] = LIVE_TOGETHER,
  allowed: readonly (readonly [string, string])[] = [],
): Conflict[] {
  const entries = Object.entries(catalog);
  const isAllowed = (a: string, b: string) => allowed.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const found = new Map<string, Conflict>();
  for (const group of groups) {
    for (const context of ['page', 'dialog'] as const) {
      const live = entries.filter(([, d]) => group.includes(d.scope) && (d.context ?? 'page') === context);
      for (const [id, def] of live) {
        for (const key of def.keys) {
          for (const mac of [false, true]) {
            const press = pressFor(key, mac);
            const ids = live
              .filter(([otherId, other]) => (otherId === id || !isAllowed(id, otherId)) && other.keys.some((k) => matchesParsed(press, parseShortcut(k), mac)))
              .map(([otherId]) => otherId);
            if (ids.length !== 1 || ids[0] !== id) found.set(`${key}|${mac}|${ids.sort().join(',')}`, { key, mac, ids });
          }
        }
      }
    }
  }
  return [...found.values()];
}
