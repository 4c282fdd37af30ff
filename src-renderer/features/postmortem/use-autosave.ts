import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

/** Long enough to batch a burst of keystrokes, short enough that a crash loses under a second. */
export const AUTOSAVE_DELAY_MS = 600;

/**
 * Debounced saving of the latest value. Pending changes are written within AUTOSAVE_DELAY_MS,
 * and at once when the page is hidden or unloaded, when `flush` is called (on blur, before
 * exports and versions) and when the component goes away.
 */
export function useAutosave(write: (value: string) => Promise<void>, onError: (error: unknown) => void) {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const writeRef = useRef(write);
  const errorRef = useRef(onError);
  useEffect(() => {
    writeRef.current = write;
    errorRef.current = onError;
  });

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    if (value === null) return chain.current;
    pending.current = null;
    setStatus('saving');
    // Writes are chained so an older body can never land after a newer one.
    chain.current = chain.current
      .then(() => writeRef.current(value))
      .then(
        () => setStatus(pending.current === null ? 'saved' : 'pending'),
        (error: unknown) => {
          setStatus('error');
          errorRef.current(error);
        },
      );
    return chain.current;
  }, []);

  const schedule = useCallback(
    (value: string) => {
      pending.current = value;
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Forgets unsaved changes, for when the document is replaced as a whole. */
  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  return { status, schedule, flush, discard };
}
