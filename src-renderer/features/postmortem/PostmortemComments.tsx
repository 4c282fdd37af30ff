import type { LexicalEditor, RangeSelection } from 'lexical';
import { useMemo, type MutableRefObject } from 'react';
import { newId } from '@core/ids';
import { $addCommentMark, $removeCommentMark, $restoreCommentMark } from '@editor/comment-marks';
import { addReply, addThread, setThreadResolved } from '@editor/comment-threads';
import { useToast } from '@ui/toast-context';
import { CommentsPanel } from './CommentsPanel';
import { useCommentThreads } from './use-comment-threads';
import { usePresentNames } from './use-present-names';
import type { SharedDocument } from './use-shared-document';

/** A thread being started: the selected text, kept from when Comment was pressed. */
export interface CommentDraft {
  selection: RangeSelection;
  quote: string;
}

interface PostmortemCommentsProps {
  shared: SharedDocument;
  editorRef: MutableRefObject<LexicalEditor | null>;
  draft: CommentDraft | null;
  onDraftDone: () => void;
  activeThreadId: string | null;
  onActivate: (threadId: string | null) => void;
  /** Names of the incident's people, also offered after "@". */
  incidentPeople: readonly string[];
  timeText: (ms: number) => string;
}

/** The comments panel of a co-edited postmortem: threads live in the shared document. */
export function PostmortemComments({ shared, editorRef, draft, onDraftDone, activeThreadId, onActivate, incidentPeople, timeText }: PostmortemCommentsProps) {
  const toast = useToast();
  const doc = shared.handle.doc;
  const me = shared.user.name;
  const threads = useCommentThreads(doc);
  const present = usePresentNames(shared);

  const people = useMemo(() => {
    const names = [...present, ...threads.flatMap((thread) => thread.comments.map((comment) => comment.author)), ...incidentPeople];
    const unique = new Map<string, string>();
    for (const name of names) {
      const key = name.trim().toLocaleLowerCase();
      if (key && key !== me.trim().toLocaleLowerCase() && !unique.has(key)) unique.set(key, name.trim());
    }
    return [...unique.values()].sort((a, b) => a.localeCompare(b));
  }, [present, threads, incidentPeople, me]);

  const comment = (text: string, mentions: string[]) => ({ id: newId(), author: me, text, at: Date.now(), mentions });

  const create = (text: string, mentions: string[]) => {
    const editor = editorRef.current;
    if (!draft || !editor) return;
    const threadId = newId();
    let marked = true;
    editor.update(
      () => {
        try {
          $addCommentMark(draft.selection, threadId);
        } catch {
          // The text was changed under the selection (a teammate edited it): the thread keeps its quote.
          marked = false;
        }
      },
      { discrete: true },
    );
    addThread(doc, { id: threadId, quote: draft.quote }, comment(text, mentions));
    if (!marked) toast.show({ message: 'The commented text changed meanwhile: the comment keeps its quote but marks no text.', tone: 'error' });
    onDraftDone();
    onActivate(threadId);
  };

  const resolve = (threadId: string, resolved: boolean) => {
    setThreadResolved(doc, threadId, resolved ? { name: me, at: Date.now() } : null);
    // A resolved thread stops highlighting its text; reopened, it highlights it again if it is still there.
    if (resolved) editorRef.current?.update(() => $removeCommentMark(threadId));
    else {
      const quote = threads.find((thread) => thread.id === threadId)?.quote ?? '';
      let marked = true;
      editorRef.current?.update(() => (marked = $restoreCommentMark(threadId, quote)), { discrete: true });
      if (!marked) toast.show({ message: 'The commented text has changed since: the reopened thread keeps its quote but marks no text.' });
    }
    if (resolved && activeThreadId === threadId) onActivate(null);
  };

  return (
    <CommentsPanel
      threads={threads}
      people={people}
      activeThreadId={activeThreadId}
      onActivate={onActivate}
      pending={draft ? { quote: draft.quote } : null}
      onCreate={create}
      onCancelPending={onDraftDone}
      onReply={(threadId, text, mentions) => {
        if (!addReply(doc, threadId, comment(text, mentions))) toast.show({ message: 'This thread was deleted.', tone: 'error' });
      }}
      onResolve={resolve}
      timeText={timeText}
    />
  );
}
