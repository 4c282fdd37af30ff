import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type ToastApi, type ToastRequest } from './toast-context';

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

  const api = useMemo<ToastApi>(
    () => ({
      show(request) {
        const id = nextId.current++;
        setToasts((list) => [...list, { ...request, id }]);
        timers.current.set(
          id,
          setTimeout(() => dismiss(id, true), request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        );
      },
    }),
    [dismiss],
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
          <div key={toast.id} className={`toast toast-${toast.tone ?? 'info'}`}>
            <span>{toast.message}</span>
            {toast.actionLabel && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  toast.onAction?.();
                  dismiss(toast.id, false);
                }}
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
