import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type ToastApi, type ToastRequest } from './toast-context';
import { SHORTCUTS } from './shortcuts/catalog';
import { ariaShortcut } from './shortcuts/keys';
import { useShortcut } from './use-shortcut';
import { chooseToastPlacement, type ToastPlacement } from './toast-placement';
import { editorTextBoxes } from './editor-text-boxes';

const UNDO_KEY = SHORTCUTS['app.undo'].keys[0];

interface LiveToast extends ToastRequest {
  id: number;
}

const DEFAULT_TIMEOUT_MS = 8000;
/** More at once cannot be read; the rest wait their turn. */
export const MAX_VISIBLE_TOASTS = 3;
/**
 * Toasts are announced to screen readers; one with an action (Undo) can be used by keyboard.
 * At most three show at once, newest on top; more wait in a queue and each one's timer starts
 * when it shows. The stack moves to a corner where it covers no editor's text.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<LiveToast[]>([]);
  // null: the stylesheet's place (bottom centre) until the stack has been measured.
  const [placement, setPlacement] = useState<ToastPlacement | null>(null);
  const stackRef = useRef<HTMLDivElement>(null);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number, expired: boolean) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((list) => {
      const toast = list.find((t) => t.id === id);
      if (toast && expired) toast.onExpire?.();
      return list.filter((t) => t.id !== id);
    });
  }, []);

  const startTimer = useCallback(
    (toast: Pick<LiveToast, 'id' | 'timeoutMs'>) => {
      const previous = timers.current.get(toast.id);
      if (previous) clearTimeout(previous);
      timers.current.set(
        toast.id,
        setTimeout(() => dismiss(toast.id, true), toast.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      );
    },
    [dismiss],
  );
  // A notice stays while the pointer is on it or focus is in it, then gets its full time again.
  const hold = (id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
  };

  const api = useMemo<ToastApi>(
    () => ({
      show(request) {
        const id = nextId.current++;
        setToasts((list) => [...list, { ...request, id }]);
      },
    }),
    [],
  );

  // Ctrl/Cmd+Z undoes the latest action an Undo notice still offers (text fields keep their own undo).
  const undoable = [...toasts].reverse().find((t) => t.actionLabel === 'Undo');
  useShortcut(
    'app.undo',
    () => {
      if (!undoable) return;
      undoable.onAction?.();
      dismiss(undoable.id, false);
    },
    { enabled: undoable !== undefined },
  );

  const visible = toasts.slice(0, MAX_VISIBLE_TOASTS);
  // A queued toast's time starts when it comes into view, so none expires unseen.
  useEffect(() => {
    for (const toast of visible) {
      if (timers.current.has(toast.id)) continue;
      timers.current.set(
        toast.id,
        setTimeout(() => dismiss(toast.id, true), toast.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      );
    }
  }, [visible, dismiss]);

  useLayoutEffect(() => {
    const stack = stackRef.current;
    if (!stack || visible.length === 0) return;
    const place = () => {
      const r = stack.getBoundingClientRect();
      const next = chooseToastPlacement({ width: window.innerWidth, height: window.innerHeight }, { width: r.width, height: r.height }, editorTextBoxes());
      setPlacement((current) => (current && current.left === next.left && current.top === next.top ? current : next));
    };
    place();
    // Typing moves text too: a line grown under the stack moves the stack away.
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    window.addEventListener('input', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('input', place, true);
    };
  }, [visible.length]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        ref={stackRef}
        className="toasts"
        style={placement ? { left: placement.left, top: placement.top, bottom: 'auto', transform: 'none' } : undefined}
        role="status" aria-live="polite" data-queued={toasts.length - visible.length || undefined}>
        {[...visible].reverse().map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.tone ?? 'info'}`}
            onMouseEnter={() => hold(toast.id)}
            onMouseLeave={(event) => !event.currentTarget.contains(document.activeElement) && startTimer(toast)}
            onFocus={() => hold(toast.id)}
            onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && !event.currentTarget.matches(':hover') && startTimer(toast)}
          >
            <span>{toast.message}</span>
            {toast.actionLabel && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  toast.onAction?.();
                  dismiss(toast.id, false);
                }}
                aria-keyshortcuts={toast.actionLabel === 'Undo' ? ariaShortcut(UNDO_KEY) : undefined}
              >
                {toast.actionLabel}
              </button>
            )}
            <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(toast.id, true)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
