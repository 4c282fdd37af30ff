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

/** j/k, p, m, t, /, n/N and Esc; single keys stay quiet while the user types in a field. */
export function useTimelineKeys(handlers: TimelineKeyHandlers, enabled: boolean): void {
  useShortcut('j', () => handlers.move(1), { enabled });
  useShortcut('k', () => handlers.move(-1), { enabled });
  useShortcut('p', handlers.pin, { enabled });
  useShortcut('m', handlers.milestone, { enabled });
  useShortcut('/', handlers.focusSearch, { enabled });
  useShortcut('n', (event) => (event.shiftKey ? handlers.prevHit() : handlers.nextHit()), { enabled });
  useShortcut('t', handlers.thread, { enabled });
  useShortcut('Escape', handlers.escape, { enabled, inInputs: true });
}
