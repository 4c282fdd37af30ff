import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { observeThreads, readThreads, type CommentThread } from '@editor/comment-threads';

interface ThreadStore {
  subscribe(listener: () => void): () => void;
  read(): CommentThread[];
}

/** A useSyncExternalStore source over a document's threads (read again after each change). */
function threadStore(doc: Y.Doc): ThreadStore {
  let snapshot = readThreads(doc);
  return {
    subscribe: (listener) => {
      // What changed before the subscription is read too.
      snapshot = readThreads(doc);
      return observeThreads(doc, () => {
        snapshot = readThreads(doc);
        listener();
      });
    },
    read: () => snapshot,
  };
}

/** The comment threads of a shared document, current with every local and remote change. */
export function useCommentThreads(doc: Y.Doc): CommentThread[] {
  const store = useMemo(() => threadStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.read);
}
