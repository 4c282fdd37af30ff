import { useEffect, useRef } from 'react';

/** Commands raised by the native menu or global shortcuts and handled by whichever screen is showing. */
export type AppCommand = 'new-incident' | 'import' | 'export';

const target = new EventTarget();

export function emitAppCommand(command: AppCommand): void {
  target.dispatchEvent(new Event(command));
}

export function useAppCommand(command: AppCommand, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = () => ref.current();
    target.addEventListener(command, listener);
    return () => target.removeEventListener(command, listener);
  }, [command, enabled]);
}
