import { syncCursorPositions, type Provider, type SyncCursorPositionsFn } from '@lexical/yjs';
import { COLLABORATION_TAG, type LexicalEditor } from 'lexical';

/**
 * Keeps teammates' cursor labels on their text when *this* person's edit moves the layout.
 *
 * Lexical's CollaborationPlugin places remote cursors when their awareness changes or a remote
 * edit arrives, not after a local edit. So when the facilitator regenerates a section above a
 * teammate's caret, the teammate's label stays where the text used to be until they move. The
 * plugin does not expose its binding; it hands it to `syncCursorPositionsFn` on every remote edit,
 * so we keep the one it passes and place the cursors again after each local update and resize.
 */
export interface RemoteCursorsFollower {
  /** Pass as CollaborationPlugin's `syncCursorPositionsFn`. */
  readonly syncCursorPositionsFn: SyncCursorPositionsFn;
  /** Starts following this editor's local updates and size changes; returns the clean-up. */
  follow(editor: LexicalEditor): () => void;
}

type Binding = Parameters<SyncCursorPositionsFn>[0];

export function remoteCursorsFollower(provider: Provider): RemoteCursorsFollower {
  let binding: Binding | null = null;
  let frame = 0;
  const place = (): void => {
    frame = 0;
    if (binding) syncCursorPositions(binding, provider);
  };
  // One placement per frame, after the browser has laid out the new content.
  const schedule = (): void => {
    if (binding && frame === 0) frame = requestAnimationFrame(place);
  };
  return {
    syncCursorPositionsFn: (current, from, options) => {
      binding = current;
      syncCursorPositions(current, from, options);
    },
    follow(editor) {
      const stopUpdates = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
        // Remote edits already place the cursors (above); a selection-only update moves no text.
        if (tags.has(COLLABORATION_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
        schedule();
      });
      // A wider or narrower window rewraps the text under the labels too.
      const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
      const stopRoot = editor.registerRootListener((root, previous) => {
        if (previous) resize?.unobserve(previous);
        if (root) resize?.observe(root);
      });
      return () => {
        stopUpdates();
        stopRoot();
        resize?.disconnect();
        if (frame !== 0) cancelAnimationFrame(frame);
        binding = null;
      };
    },
  };
}
