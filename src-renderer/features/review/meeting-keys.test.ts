import { describe, expect, it } from 'vitest';
import { meetingCommand } from './meeting-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

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
