import { z } from 'zod';
import { mentionsPerson } from '@editor/comment-mentions';
import type { CommentThread } from '@editor/comment-threads';
import { readSetting, updateSetting, useLoadedSettingValue } from '@data/settings';
import { db, type DebriefDatabase } from '@data/connection';
import { platform } from '@platform/index';

/**
 * Mentions of this machine's person (their Team sync name) that teammates wrote in comments.
 * Kept in a local setting (never synced): each comment is noticed once, even after it is read,
 * so a comment that arrives again (a restart, a rejoin) never notifies twice.
 */
export const MENTIONS_KEY = 'mentions.inbox';

/** How many mentions are kept (read ones go first). */
const KEEP = 300;

const mentionSchema = z.object({
  /** The comment's id. */
  id: z.string(),
  incidentId: z.string(),
  threadId: z.string(),
  author: z.string(),
  quote: z.string(),
  text: z.string(),
  at: z.number(),
  read: z.boolean(),
});

export type Mention = z.infer<typeof mentionSchema>;

const inboxSchema = z.array(mentionSchema);
const EMPTY: Mention[] = [];

/** The comments of `threads` that mention `person`, written by someone else. */
export function mentionsOf(threads: readonly CommentThread[], person: string, incidentId: string): Mention[] {
  const me = person.trim().toLocaleLowerCase();
  return threads.flatMap((thread) =>
    thread.comments
      .filter((comment) => comment.author.trim().toLocaleLowerCase() !== me && mentionsPerson(comment.mentions, person))
      .map((comment) => ({ id: comment.id, incidentId, threadId: thread.id, author: comment.author, quote: thread.quote, text: comment.text, at: comment.at, read: false })),
  );
}

/** Adds the mentions not noticed before; returns them (the ones to notify about). */
export async function addMentions(found: readonly Mention[], database: DebriefDatabase = db): Promise<Mention[]> {
  if (found.length === 0) return [];
  let added: Mention[] = [];
  await updateSetting(MENTIONS_KEY, inboxSchema, EMPTY, (inbox) => {
    const known = new Set(inbox.map((mention) => mention.id));
    added = found.filter((mention) => !known.has(mention.id));
    if (added.length === 0) return inbox;
    const all = [...inbox, ...added];
    // Over the limit, the oldest read mentions go first.
    const dropping = Math.max(0, all.length - KEEP);
    const readOldest = all.filter((m) => m.read).sort((a, b) => a.at - b.at).slice(0, dropping);
    const drop = new Set(readOldest.map((m) => m.id));
    return all.filter((m) => !drop.has(m.id)).slice(-KEEP);
  }, database);
  return added;
}

export async function markMentionsRead(ids: readonly string[] | 'all', database: DebriefDatabase = db): Promise<void> {
  await updateSetting(MENTIONS_KEY, inboxSchema, EMPTY, (inbox) => inbox.map((m) => (ids === 'all' || ids.includes(m.id) ? { ...m, read: true } : m)), database);
}

export function readMentions(database: DebriefDatabase = db): Promise<Mention[]> {
  return readSetting(MENTIONS_KEY, inboxSchema, EMPTY, database);
}

/** The mentions, live; undefined until the stored list is read. */
export function useMentions(): Mention[] | undefined {
  return useLoadedSettingValue(MENTIONS_KEY, inboxSchema, EMPTY);
}

interface StateNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

const childrenOf = (node: StateNode): StateNode[] => (Array.isArray(node.children) ? (node.children as StateNode[]).filter((c) => typeof c === 'object' && c !== null) : []);
const textOf = (node: StateNode): string => (typeof node.text === 'string' ? node.text : childrenOf(node).map(textOf).join(''));

/**
 * The @mentions of `person` in a postmortem's serialized state, as mentions to notify: the n-th
 * one is `pm:<document>:<n>`, so each new one notifies once (the document does not say who
 * wrote it). The text is the block it sits in.
 */
export function postmortemMentionsOf(state: string, person: string, incidentId: string, documentId: string, at: number): Mention[] {
  let root: StateNode;
  try {
    root = (JSON.parse(state) as { root?: StateNode }).root ?? {};
  } catch {
    return [];
  }
  const wanted = person.trim().toLocaleLowerCase();
  const found: Mention[] = [];
  const visit = (node: StateNode, block: StateNode) => {
    if (node.type === 'mention' && typeof node.text === 'string' && node.text.replace(/^@/, '').trim().toLocaleLowerCase() === wanted && wanted !== '') {
      const text = textOf(block).trim();
      found.push({ id: `pm:${documentId}:${found.length + 1}`, incidentId, threadId: '', author: 'A teammate', quote: 'the postmortem', text: text.length > 300 ? `${text.slice(0, 299)}…` : text, at, read: false });
    }
    for (const child of childrenOf(node)) visit(child, block);
  };
  for (const block of childrenOf(root)) visit(block, block);
  return found;
}

let queue: Promise<void> = Promise.resolve();

/**
 * Records the mentions in `threads` and tells the person about the new ones on their desktop
 * (where the OS permits; the in-app list and toast do not depend on it). One at a time, so two
 * documents reporting at once never notify twice.
 */
export function noticeMentions(found: readonly Mention[], onError: (error: unknown) => void): void {
  if (found.length === 0) return;
  queue = queue
    .then(async () => {
      const added = await addMentions(found);
      for (const mention of added) await platform.notify(`${mention.author} mentioned you`, `On “${mention.quote}”: ${mention.text}`);
    })
    .catch(onError);
}
