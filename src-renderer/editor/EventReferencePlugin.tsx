import { $isLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { $getNearestNodeFromDOMNode, $getNodeByKey, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { eventIdFromUrl } from './url-policy';

/** LinkNode renders unknown schemes as about:blank, so the event id is put on the element itself. */
function markEventLinks(editor: LexicalEditor, keys: Iterable<string>): void {
  editor.read(() => {
    for (const key of keys) {
      const element = editor.getElementByKey(key);
      const node = $getNodeByKey(key);
      if (!element || !$isLinkNode(node)) continue;
      const eventId = eventIdFromUrl(node.getURL());
      if (eventId) {
        element.dataset.eventId = eventId;
        element.classList.add('editor-event-ref');
      } else {
        delete element.dataset.eventId;
        element.classList.remove('editor-event-ref');
      }
    }
  });
}

function eventIdAt(editor: LexicalEditor, target: EventTarget | null): string | null {
  const anchor = target instanceof Element ? target.closest('a') : null;
  if (!anchor) return null;
  return editor.read(() => {
    const node = $getNearestNodeFromDOMNode(anchor);
    const link = node ? $findMatchingParent(node, $isLinkNode) : null;
    return $isLinkNode(link) ? eventIdFromUrl(link.getURL()) : null;
  });
}

/**
 * Event references are links to debrief://event/<id>. A click (or Enter on a focused link in a
 * read-only view) jumps to that event instead of letting the page try to navigate.
 */
export function EventReferencePlugin({ onEventReferenceClick }: { onEventReferenceClick?: (eventId: string) => void }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const handle = (event: MouseEvent | KeyboardEvent) => {
      if (!onEventReferenceClick) return;
      if (event instanceof KeyboardEvent && (event.key !== 'Enter' || editor.isEditable())) return;
      const eventId = eventIdAt(editor, event.target);
      if (eventId === null) return;
      event.preventDefault();
      onEventReferenceClick(eventId);
    };
    let current: HTMLElement | null = null;
    const detach = (element: HTMLElement | null) => {
      element?.removeEventListener('click', handle);
      element?.removeEventListener('keydown', handle);
    };
    return mergeRegister(
      editor.registerMutationListener(LinkNode, (mutations) => {
        markEventLinks(editor, [...mutations].filter(([, kind]) => kind !== 'destroyed').map(([key]) => key));
      }),
      editor.registerRootListener((root, previous) => {
        detach(previous);
        root?.addEventListener('click', handle);
        root?.addEventListener('keydown', handle);
        current = root;
      }),
      () => detach(current),
    );
  }, [editor, onEventReferenceClick]);

  return null;
}
