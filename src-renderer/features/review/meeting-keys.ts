import { SHORTCUTS, type ShortcutId } from '@ui/shortcuts/catalog';
import { formatShortcut, matchesShortcut } from '@ui/shortcuts/keys';

export type MeetingCommand = 'next' | 'previous' | 'timer' | 'note' | 'question' | 'action' | 'help' | 'leave';

/** The meeting's commands and their catalog entries (the keys live in ui/shortcuts/catalog.ts). */
const MEETING_SHORTCUTS = {
  next: 'meeting.next',
  previous: 'meeting.previous',
  timer: 'meeting.timer',
  note: 'meeting.note',
  question: 'meeting.question',
  action: 'meeting.action',
  help: 'meeting.help',
  leave: 'meeting.leave',
} as const satisfies Record<MeetingCommand, ShortcutId>;

/** The meeting's keyboard map, shown by "?" and on the key strip. */
export const MEETING_KEYS: readonly { command: MeetingCommand; keys: string[]; action: string }[] = (Object.entries(MEETING_SHORTCUTS) as [MeetingCommand, ShortcutId][]).map(([command, id]) => ({
  command,
  keys: SHORTCUTS[id].keys.map((k) => formatShortcut(k)),
  action: SHORTCUTS[id].label,
}));

type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Maps a key press to a command; modifier combinations are left to the browser. */
export function meetingCommand(event: KeyPress): MeetingCommand | null {
  // A letter means the same with Caps Lock or Shift held: the room's clicker or a hurried facilitator.
  // (Copied field by field: a DOM event's fields are getters that a spread would drop.)
  const letter = /^[a-z]$/i.test(event.key);
  const press: KeyPress = {
    key: letter ? event.key.toLowerCase() : event.key,
    code: event.code,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    shiftKey: letter ? false : event.shiftKey,
  };
  for (const [command, id] of Object.entries(MEETING_SHORTCUTS) as [MeetingCommand, ShortcutId][]) {
    if (SHORTCUTS[id].keys.some((k) => matchesShortcut(press, k))) return command;
  }
  return null;
}
