// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchesShortcut } from './use-shortcut';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

describe('keyboard shortcuts', () => {
  it('match the physical key when Alt changes the character (macOS Option+1 types ¡)', () => {
    expect(matchesShortcut(key({ key: '¡', code: 'Digit1', altKey: true }), 'Alt+1')).toBe(true);
    expect(matchesShortcut(key({ key: '∂', code: 'KeyD', altKey: true }), 'Alt+d')).toBe(true);
    expect(matchesShortcut(key({ key: '¡', code: 'Digit1', altKey: true }), 'Alt+2')).toBe(false);
  });

  it('require exactly the modifiers asked for', () => {
    expect(matchesShortcut(key({ key: 'n' }), 'n')).toBe(true);
    expect(matchesShortcut(key({ key: 'n', ctrlKey: true }), 'n')).toBe(false);
    expect(matchesShortcut(key({ key: 'n', altKey: true }), 'n')).toBe(false);
    expect(matchesShortcut(key({ key: 'E', shiftKey: true, ctrlKey: true }), 'Mod+Shift+e')).toBe(true);
    expect(matchesShortcut(key({ key: 'e', ctrlKey: true }), 'Mod+Shift+e')).toBe(false);
  });
});
