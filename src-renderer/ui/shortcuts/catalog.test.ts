import { describe, expect, it } from 'vitest';
import { DELIBERATE_OVERRIDES, SHORTCUTS, type ShortcutDef } from './catalog';
import { findConflicts, pressFor } from './conflicts';
import { matchesShortcut, parseShortcut } from './keys';

describe('the shortcut catalog', () => {
  it('parses every key it lists', () => {
    for (const def of Object.values(SHORTCUTS) as ShortcutDef[]) for (const key of def.keys) expect(() => parseShortcut(key)).not.toThrow();
  });

  it('has no key that two live actions answer to, on Windows/Linux or macOS', () => {
    expect(findConflicts(SHORTCUTS, undefined, DELIBERATE_OVERRIDES)).toEqual([]);
  });

  it('would catch the old clash of N (new incident) with n (next match) on the Timeline', () => {
    const clashing: Record<string, ShortcutDef> = {
      'app.new-incident': { scope: 'app', label: 'New incident', keys: ['n'] },
      'timeline.next-match': { scope: 'timeline', label: 'Next match', keys: ['n'] },
      'timeline.previous-match': { scope: 'timeline', label: 'Previous match', keys: ['Shift+n'] },
    };
    expect(findConflicts(clashing, [['app', 'timeline']]).map((c) => c.ids)).toContainEqual(['app.new-incident', 'timeline.next-match']);
  });

  it('answers each action to its own key press only', () => {
    // Shift+N is "previous match" and never also "next match".
    expect(matchesShortcut(pressFor('Shift+n', false), 'n', false)).toBe(false);
    expect(matchesShortcut(pressFor('n', false), 'Shift+n', false)).toBe(false);
    expect(matchesShortcut(pressFor('Mod+k', true), 'Mod+k', false)).toBe(false);
  });
});
