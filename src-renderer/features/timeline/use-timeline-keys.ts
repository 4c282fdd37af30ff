import { useShortcut } from '@ui/use-shortcut';

export interface TimelineKeyHandlers {
  move: (delta: 1 | -1) => void;
  pin: () => void;
  milestone: () => void;
  thread: () => void;
  focusSearch: () => void;
  nextHit: () => void;
  prevHit: () => void;
  escape: () => void;
}

/** j/k, p, m, t, /, n/Shift+N and Esc; single keys stay quiet while the user types in a field. */
export function useTimelineKeys(handlers: TimelineKeyHandlers, enabled: boolean): void {
  useShortcut('timeline.next', () => handlers.move(1), { enabled });
  useShortcut('timeline.previous', () => handlers.move(-1), { enabled });
  useShortcut('timeline.pin', handlers.pin, { enabled });
  useShortcut('timeline.milestone', handlers.milestone, { enabled });
  useShortcut('timeline.search', handlers.focusSearch, { enabled });
  useShortcut('timeline.next-match', handlers.nextHit, { enabled });
  useShortcut('timeline.previous-match', handlers.prevHit, { enabled });
  useShortcut('timeline.thread', handlers.thread, { enabled });
  useShortcut('timeline.clear', handlers.escape, { enabled });
}
