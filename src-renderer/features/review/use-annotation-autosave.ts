import { useEffect, useMemo } from 'react';
import { useToast } from '@ui/toast-context';
import { updateAnnotation, type AnnotationPatch } from '@data/annotations';
import { DebouncedSave } from './debounced-save';
import { ReviewError } from './review-error';

const ALREADY_STORED = Promise.resolve();

/**
 * Saves edits to one annotation within a second of the last keystroke, and at once when the
 * editor loses focus, the window is hidden or the page is being unloaded, so a reload or a
 * crash loses at most the last second of typing.
 */
export function useAnnotationAutosave(annotationId: string, stored: Promise<void> = ALREADY_STORED): { save: (patch: AnnotationPatch) => void; flush: () => Promise<void> } {
  const toast = useToast();
  const saver = useMemo(
    () =>
      new DebouncedSave<AnnotationPatch>(
        async (patch) => {
          await stored;
          await updateAnnotation(annotationId, patch);
        },
        (error) => {
          const reason = error instanceof Error ? error.message : String(error);
          const failure = new ReviewError('SAVE_FAILED', `Your note could not be saved: ${reason} It will be retried on your next change.`, { cause: error });
          toast.show({ tone: 'error', message: failure.message });
        },
        undefined,
        (older, newer) => ({ ...older, ...newer }),
      ),
    [annotationId, stored, toast],
  );

  useEffect(() => {
    const flushNow = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', flushNow);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', flushNow);
      flushNow();
    };
  }, [saver]);

  return useMemo(() => ({ save: (patch: AnnotationPatch) => saver.schedule(patch), flush: () => saver.flush() }), [saver]);
}
