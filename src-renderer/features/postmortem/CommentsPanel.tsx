import { useEffect, useRef, useState } from 'react';
import type { CommentThread } from '@editor/comment-threads';
import { CommentComposer } from './CommentComposer';

export interface PendingComment {
  quote: string;
}

export interface CommentsPanelProps {
  threads: readonly CommentThread[];
  /** Teammates' names offered after "@". */
  people: readonly string[];
  activeThreadId: string | null;
  onActivate: (threadId: string | null) => void;
  /** A new thread being written on the selected text. */
  pending: PendingComment | null;
  onCreate: (text: string, mentions: string[]) => void;
  onCancelPending: () => void;
  onReply: (threadId: string, text: string, mentions: string[]) => void;
  onResolve: (threadId: string, resolved: boolean) => void;
  timeText: (ms: number) => string;
}

/** Comment threads on the postmortem: the open ones, a new one being written, then the resolved. */
export function CommentsPanel({ threads, people, activeThreadId, onActivate, pending, onCreate, onCancelPending, onReply, onResolve, timeText }: CommentsPanelProps) {
  const [showResolved, setShowResolved] = useState(false);
  const panel = useRef<HTMLElement | null>(null);
  // The open thread (chosen in the text, or from a mention) is brought into view.
  useEffect(() => {
    if (!activeThreadId) return;
    panel.current?.querySelector(`[data-thread-id="${CSS.escape(activeThreadId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeThreadId, threads]);
  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);

  const card = (thread: CommentThread) => {
    const active = thread.id === activeThreadId;
    return (
      <li key={thread.id}>
        <article
          className={active ? 'pm-thread pm-thread-active' : 'pm-thread'}
          aria-label={`Comment thread on “${thread.quote}”`}
          aria-current={active ? 'true' : undefined}
          data-thread-id={thread.id}
        >
          <button type="button" className="pm-thread-quote" onClick={() => onActivate(active ? null : thread.id)} aria-expanded={active}>
            “{thread.quote}”
          </button>
          <ol className="pm-thread-comments">
            {thread.comments.map((comment) => (
              <li key={comment.id} className="pm-comment">
                <span className="pm-comment-author">{comment.author}</span> <span className="muted pm-comment-time">{timeText(comment.at)}</span>
                <p className="pm-comment-text">{comment.text}</p>
              </li>
            ))}
          </ol>
          {thread.resolved ? (
            <p className="muted pm-thread-resolved">
              Resolved by {thread.resolved.by}{' '}
              <button type="button" className="link-button" onClick={() => onResolve(thread.id, false)}>
                Reopen
              </button>
            </p>
          ) : active ? (
            <>
              <CommentComposer label="Reply" submitLabel="Reply" people={people} onSubmit={(text, mentions) => onReply(thread.id, text, mentions)} />
              <button type="button" className="pm-thread-resolve" onClick={() => onResolve(thread.id, true)}>
                Resolve
              </button>
            </>
          ) : (
            <button type="button" className="link-button" onClick={() => onActivate(thread.id)}>
              Reply…
            </button>
          )}
        </article>
      </li>
    );
  };

  return (
    <aside className="pm-comments" aria-label="Comments" ref={panel}>
      <h2 className="pm-comments-title">Comments {open.length > 0 && <span className="muted">({open.length} open)</span>}</h2>
      {pending && (
        <div className="pm-thread pm-thread-new" role="group" aria-label="New comment">
          <p className="pm-thread-quote">“{pending.quote}”</p>
          <CommentComposer label="New comment" submitLabel="Comment" people={people} onSubmit={onCreate} onCancel={onCancelPending} autoFocus />
        </div>
      )}
      {open.length === 0 && !pending && <p className="muted pm-comments-empty">Select text in the document and press Comment to start a thread.</p>}
      <ul className="pm-thread-list">{open.map(card)}</ul>
      {resolved.length > 0 && (
        <>
          <button type="button" className="link-button" aria-expanded={showResolved} onClick={() => setShowResolved((shown) => !shown)}>
            {showResolved ? 'Hide' : 'Show'} {resolved.length} resolved
          </button>
          {showResolved && <ul className="pm-thread-list">{resolved.map(card)}</ul>}
        </>
      )}
    </aside>
  );
}
