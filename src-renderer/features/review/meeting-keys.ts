/** The meeting's keyboard map, shown by "?" and on the key strip. */
export const MEETING_KEYS: readonly { keys: string[]; action: string }[] = [
  { keys: ['→', 'Space'], action: 'Next item' },
  { keys: ['←'], action: 'Previous item' },
  { keys: ['T'], action: 'Start or pause the timer' },
  { keys: ['N'], action: 'Capture a note' },
  { keys: ['Q'], action: 'Capture a question' },
  { keys: ['A'], action: 'Capture an action item' },
  { keys: ['?'], action: 'Show or hide these keys' },
  { keys: ['Esc'], action: 'Leave the meeting view' },
];

export type MeetingCommand = 'next' | 'previous' | 'timer' | 'note' | 'question' | 'action' | 'help' | 'leave';

/** Maps a key press to a command; modifier combinations are left to the browser. */
export function meetingCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): MeetingCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 't':
    case 'T':
      return 'timer';
    case 'n':
    case 'N':
      return 'note';
    case 'q':
    case 'Q':
      return 'question';
    case 'a':
    case 'A':
      return 'action';
    case '?':
      return 'help';
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}
