import { createContext, useContext } from 'react';

export interface ToastRequest {
  message: string;
  tone?: 'info' | 'error' | 'success';
  actionLabel?: string;
  onAction?: () => void;
  /** Called when the toast goes away without its action being used. */
  onExpire?: () => void;
  timeoutMs?: number;
}

export interface ToastApi {
  show(request: ToastRequest): void;
}

export const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
