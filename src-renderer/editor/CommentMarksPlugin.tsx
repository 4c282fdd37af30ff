import { $getMarkIDs, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, $getSelection, $isRangeSelection, $isTextNode, COLLABORATION_TAG, COMMAND_PRIORITY_LOW, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect, useLayoutEffect, useRef } from 'react';

export interface CommentMarksPluginProps {
  /** The thread whose text is shown as selected (its card is open in the comments panel). */
  activeThreadId: string | null;
  /** The caret moved into commented text: the threads marking it, innermost first. */
  onCaretInThreads: (threadIds: string[]) => void;
  /** Whether some text is selected (the "Comment" button needs a selection). */
  onRangeSelected: (selected: boolean) => void;
  /** Ctrl+Alt+M (Cmd+Option+M): comment on the selection, as in other editors. */
  onCommentShortcut: () => void;
}

/**
 * Connects comment marks (comment-marks.ts) with the comments panel: says which threads the
 * caret is in and whether text is selected, and outlines the active thread's text.
 */
export function CommentMarksPlugin({ activeThreadId, onCaretInThreads, onRangeSelected, onCommentShortcut }: CommentMarksPluginProps) {
  const [editor] = useLexicalComposerContext();
  // Thread id → keys of the mark nodes carrying it, kept current as marks come and go (remote too).
  const marks = useRef(new Map<string, Set<string>>());
  const callbacks = useRef({ onCaretInThreads, onRangeSelected, onCommentShortcut });
  useLayoutEffect(() => {
    callbacks.current = { onCaretInThreads, onRangeSelected, onCommentShortcut };
  });

  useEffect(() => {
    let lastIds = '';
    let lastRange = false;
    return mergeRegister(
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyM') return false;
          event.preventDefault();
          callbacks.current.onCommentShortcut();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerMutationListener(MarkNode, (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            for (const keys of marks.current.values()) keys.delete(key);
            if (mutation === 'destroyed') continue;
            const node = $getNodeByKey(key);
            if (!(node instanceof MarkNode)) continue;
            for (const id of node.getIDs()) {
              const keys = marks.current.get(id) ?? new Set<string>();
              keys.add(key);
              marks.current.set(id, keys);
            }
          }
        });
      }),
      editor.registerUpdateListener(({ editorState, tags }) => {
        if (tags.has(COLLABORATION_TAG)) return;
        editorState.read(() => {
          const selection = $getSelection();
          const range = $isRangeSelection(selection) && !selection.isCollapsed() && selection.getTextContent().trim() !== '';
          if (range !== lastRange) {
            lastRange = range;
            callbacks.current.onRangeSelected(range);
          }
          let ids: string[] = [];
          if ($isRangeSelection(selection) && selection.isCollapsed()) {
            const node = selection.anchor.getNode();
            if ($isTextNode(node)) ids = $getMarkIDs(node, selection.anchor.offset) ?? [];
          }
          const joined = ids.join(' ');
          if (joined !== lastIds) {
            lastIds = joined;
            if (ids.length > 0) callbacks.current.onCaretInThreads(ids);
          }
        });
      }),
    );
  }, [editor]);

  useEffect(() => {
    if (!activeThreadId) return;
    const outlined: HTMLElement[] = [];
    const outline = () => {
      for (const element of outlined.splice(0)) element.classList.remove('editor-comment-active');
      for (const key of marks.current.get(activeThreadId) ?? []) {
        const element = editor.getElementByKey(key);
        if (!element) continue;
        element.classList.add('editor-comment-active');
        outlined.push(element);
      }
    };
    outline();
    // Remote edits re-render mark elements: keep the outline on them.
    const stop = editor.registerUpdateListener(outline);
    return () => {
      stop();
      for (const element of outlined) element.classList.remove('editor-comment-active');
    };
  }, [editor, activeThreadId]);

  return null;
}
