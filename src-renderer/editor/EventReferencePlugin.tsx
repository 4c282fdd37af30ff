import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { eventIdFromUrl } from './url-policy';

/**
 * Event references are links to debrief://event/<id>. A click (or Enter on a focused link in a
 * read-only view) jumps to that event instead of letting the page try to navigate.
 */
export function EventReferencePlugin({ onEventReferenceClick }: { onEventReferenceClick: (eventId: string) => void }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const handle = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent && event.key !== 'Enter') return;
      const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const eventId = target ? eventIdFromUrl(target.getAttribute('href') ?? '') : null;
      if (eventId === null) return;
      if (event instanceof KeyboardEvent && editor.isEditable()) return;
      event.preventDefault();
      onEventReferenceClick(eventId);
    };
    let current: HTMLElement | null = null;
    const detach = (element: HTMLElement | null) => {
      element?.removeEventListener('click', handle);
      element?.removeEventListener('keydown', handle);
    };
    const unregister = editor.registerRootListener((root, previous) => {
      detach(previous);
      root?.addEventListener('click', handle);
      root?.addEventListener('keydown', handle);
      current = root;
    });
    return () => {
      unregister();
      detach(current);
    };
  }, [editor, onEventReferenceClick]);

  return null;
}
