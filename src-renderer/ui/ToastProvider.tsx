import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type ToastApi, type ToastRequest } from './toast-context';
import { SHORTCUTS } from './shortcuts/catalog';
import { ariaShortcut } from './shortcuts/keys';
import { useShortcut } from './use-shortcut';

const UNDO_KEY = SHORTCUTS['app.undo'].keys[0];

interface LiveToast extends ToastRequest {
  id: number;
}

const DEFAULT_TIMEOUT_MS = 8000;

/** Toasts are announced to screen readers; one with an action (Undo) can be used by keyboard. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<LiveToast[]>([]);
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
        startTimer({ id, timeoutMs: request.timeoutMs });
      },
    }),
    [startTimer],
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

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
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
