import * as Y from 'yjs';
import { z } from 'zod';

/**
 * Comment threads on a co-edited document, kept in the document's own Y.Doc (so they travel,
 * persist offline and merge like the text) beside the Lexical tree: the commented text carries a
 * MarkNode with the thread's id (comment-marks.ts), the thread itself lives here. Exported
 * Markdown never includes them (markdown-io.ts drops the marks).
 *
 * Layout: map `commentThreads`, thread id → Y.Map { quote, author, createdAt, resolvedBy,
 * resolvedAt, comments: Y.Array of plain comment objects }. A comment never changes once
 * written, so replies from two people at once both land, in a stable order.
 */
export const COMMENT_THREADS = 'commentThreads';

const MAX_TEXT = 4_000;

const commentSchema = z.object({
  id: z.string().min(1).max(80),
  author: z.string().max(120),
  text: z.string().max(MAX_TEXT),
  at: z.number().finite(),
  mentions: z.array(z.string().max(120)).max(50).catch([]),
});

export type ThreadComment = z.infer<typeof commentSchema>;

export interface CommentThread {
  id: string;
  /** The commented text when the thread was started (the document may have changed since). */
  quote: string;
  author: string;
  createdAt: number;
  resolved: { by: string; at: number } | null;
  comments: ThreadComment[];
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

function threadsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(COMMENT_THREADS);
}

function threadEntry(doc: Y.Doc, threadId: string): Y.Map<unknown> | null {
  const entry: unknown = threadsOf(doc).get(threadId);
  return entry instanceof Y.Map ? entry : null;
}

function readThread(id: string, entry: unknown): CommentThread | null {
  // A teammate's app could send anything: what does not parse is left out, never shown half-read.
  if (!(entry instanceof Y.Map)) return null;
  const comments = entry.get('comments');
  const parsed = comments instanceof Y.Array ? comments.toArray().flatMap((value) => {
    const comment = commentSchema.safeParse(value);
    return comment.success ? [comment.data] : [];
  }) : [];
  const resolvedBy = entry.get('resolvedBy');
  return {
    id,
    quote: str(entry.get('quote')),
    author: str(entry.get('author')),
    createdAt: num(entry.get('createdAt')),
    resolved: typeof resolvedBy === 'string' && resolvedBy !== '' ? { by: resolvedBy, at: num(entry.get('resolvedAt')) } : null,
    // Concurrent replies sit in Yjs order, which is the same everywhere; time first reads naturally.
    comments: parsed.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
  };
}

/** Every thread, oldest first (the same order on every machine). */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const threads: CommentThread[] = [];
  threadsOf(doc).forEach((entry, id) => {
    const thread = readThread(id, entry);
    if (thread && thread.comments.length > 0) threads.push(thread);
  });
  return threads.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export interface NewComment {
  id: string;
  author: string;
  text: string;
  at: number;
  mentions: string[];
}

function checked(comment: NewComment): ThreadComment {
  return commentSchema.parse({ ...comment, text: comment.text.trim().slice(0, MAX_TEXT) });
}

/** Starts a thread on `quote` with its first comment. */
export function addThread(doc: Y.Doc, thread: { id: string; quote: string }, first: NewComment): void {
  const comment = checked(first);
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    const comments = new Y.Array<unknown>();
    comments.push([comment]);
    entry.set('quote', thread.quote.slice(0, 500));
    entry.set('author', comment.author);
    entry.set('createdAt', comment.at);
    entry.set('comments', comments);
    threadsOf(doc).set(thread.id, entry);
  });
}

/** Adds a reply; false when the thread is gone. */
export function addReply(doc: Y.Doc, threadId: string, reply: NewComment): boolean {
  const comments = threadEntry(doc, threadId)?.get('comments');
  if (!(comments instanceof Y.Array)) return false;
  comments.push([checked(reply)]);
  return true;
}

/** Marks a thread resolved (`by` a person) or open again (`by` null). */
export function setThreadResolved(doc: Y.Doc, threadId: string, by: { name: string; at: number } | null): void {
  const entry = threadEntry(doc, threadId);
  if (!entry) return;
  doc.transact(() => {
    entry.set('resolvedBy', by?.name ?? '');
    entry.set('resolvedAt', by?.at ?? 0);
  });
}

/** Calls back after any change to the threads, local or remote. */
export function observeThreads(doc: Y.Doc, listener: (transaction: Y.Transaction) => void): () => void {
  const map = threadsOf(doc);
  const observer = (_events: unknown, transaction: Y.Transaction) => listener(transaction);
  map.observeDeep(observer);
  return () => map.unobserveDeep(observer);
}
