// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { SHORTCUTS } from './shortcuts/catalog';
import { matchesShortcut } from './shortcuts/keys';
import { shortcutApplies } from './use-shortcut';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { cancelable: true, ...init });

describe('keyboard shortcuts', () => {
  afterEach(() => document.body.replaceChildren());

  it('match the physical key when Alt changes the character (macOS Option+1 types ¡)', () => {
    expect(matchesShortcut(key({ key: '¡', code: 'Digit1', altKey: true }), 'Alt+1', true)).toBe(true);
    expect(matchesShortcut(key({ key: '∂', code: 'KeyD', altKey: true }), 'Alt+d', true)).toBe(true);
    expect(matchesShortcut(key({ key: '¡', code: 'Digit1', altKey: true }), 'Alt+2', true)).toBe(false);
  });

  it('follow the character typed, not the key position, on other Latin layouts (AZERTY: A is where Q is)', () => {
    expect(matchesShortcut(key({ key: 'a', code: 'KeyQ' }), 'a', false)).toBe(true);
    expect(matchesShortcut(key({ key: 'a', code: 'KeyQ' }), 'q', false)).toBe(false);
    // A Cyrillic layout types "о" on the J key: the shortcut still works.
    expect(matchesShortcut(key({ key: 'о', code: 'KeyJ' }), 'j', false)).toBe(true);
  });

  it('require exactly the modifiers asked for, Shift included', () => {
    expect(matchesShortcut(key({ key: 'n' }), 'n', false)).toBe(true);
    expect(matchesShortcut(key({ key: 'N', shiftKey: true }), 'n', false)).toBe(false);
    expect(matchesShortcut(key({ key: 'N', shiftKey: true }), 'Shift+n', false)).toBe(true);
    expect(matchesShortcut(key({ key: 'n', ctrlKey: true }), 'n', false)).toBe(false);
    expect(matchesShortcut(key({ key: 'n', altKey: true }), 'n', false)).toBe(false);
    expect(matchesShortcut(key({ key: 'E', shiftKey: true, ctrlKey: true }), 'Mod+Shift+e', false)).toBe(true);
    expect(matchesShortcut(key({ key: 'e', ctrlKey: true }), 'Mod+Shift+e', false)).toBe(false);
    expect(matchesShortcut(key({ key: 'k', metaKey: true }), 'Mod+k', true)).toBe(true);
    expect(matchesShortcut(key({ key: 'k', ctrlKey: true }), 'Mod+k', true)).toBe(false);
    // "?" is Shift+/ on one layout and a key of its own on another.
    expect(matchesShortcut(key({ key: '?', shiftKey: true }), '?', false)).toBe(true);
  });

  it('stay quiet behind an open dialog, except the dialog’s own keys', () => {
    expect(shortcutApplies(key({ key: 'j' }), SHORTCUTS['timeline.next'], false)).toBe(true);
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    expect(shortcutApplies(key({ key: 'j' }), SHORTCUTS['timeline.next'], false)).toBe(false);
    expect(shortcutApplies(key({ key: 'Escape' }), SHORTCUTS['timeline.clear'], false)).toBe(false);
    expect(shortcutApplies(key({ key: 'Enter', ctrlKey: true }), SHORTCUTS['form.submit'], false)).toBe(true);
  });

  it('leave single keys to text fields, and Ctrl/Cmd+Z to the field’s own undo', () => {
    const input = document.createElement('input');
    document.body.append(input);
    const typed = (init: KeyboardEventInit) => {
      const event = key({ ...init, bubbles: true });
      let applies = false;
      input.addEventListener('keydown', (e) => (applies = shortcutApplies(e, SHORTCUTS[init.ctrlKey && init.key === 'z' ? 'app.undo' : init.altKey ? 'incident.tab-review' : 'timeline.next'], false)), { once: true });
      input.dispatchEvent(event);
      return applies;
    };
    expect(typed({ key: 'j' })).toBe(false);
    expect(typed({ key: 'z', ctrlKey: true })).toBe(false);
    expect(typed({ key: '2', code: 'Digit2', altKey: true })).toBe(true);
  });
});
