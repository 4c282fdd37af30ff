// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { meetingCommand } from './meeting-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: k === '?' || /^[A-Z]$/.test(k),
  ...mods,
});

describe('meeting keys', () => {
  it('maps the facilitator keys, including a presentation clicker', () => {
    expect(['ArrowRight', ' ', 'PageDown'].map((k) => meetingCommand(key(k)))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((k) => meetingCommand(key(k)))).toEqual(['previous', 'previous']);
    expect(['t', 'N', 'q', 'A', '?', 'Escape'].map((k) => meetingCommand(key(k)))).toEqual(['timer', 'note', 'question', 'action', 'help', 'leave']);
  });

  it('leaves modifier combinations and other keys alone', () => {
    expect(meetingCommand(key('n', { ctrlKey: true }))).toBeNull();
    expect(meetingCommand(key('ArrowRight', { altKey: true }))).toBeNull();
    expect(meetingCommand(key('x'))).toBeNull();
  });
});

describe('meeting keys from real key events', () => {
  it('read the fields of a DOM KeyboardEvent (getters, not own properties)', () => {
    const event = new KeyboardEvent('keydown', { key: 'T', code: 'KeyT', shiftKey: true });
    expect(meetingCommand(event)).toBe('timer');
    expect(meetingCommand(new KeyboardEvent('keydown', { key: 'n', code: 'KeyN', ctrlKey: true }))).toBeNull();
  });
});
