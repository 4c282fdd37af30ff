import { bindHeadlessCopy, isSharedDocumentEmpty, markSeeded, type HeadlessCollabCopy } from '@editor/collab-binding';
import { observeThreads, readThreads } from '@editor/comment-threads';
import { loadCurrentDocument, observeCurrentDocument, saveBody } from '@data/documents';
import type { IncidentCompanion, IncidentCompanionFactory, SyncDocHandle } from '@data/sync';
import { mentionsOf, noticeMentions, postmortemMentionsOf } from './mention-inbox';

/** How long the stored body may trail the shared document while people type. */
export const BODY_SAVE_DELAY_MS = 400;

interface OpenDocument {
  documentId: string;
  handle: SyncDocHandle;
  copy: HeadlessCollabCopy | null;
  stopMentions: (() => void) | null;
  timer: ReturnType<typeof setTimeout> | null;
  closed: boolean;
  lastSaved: string;
}

/**
 * For each shared incident: notices comments that @mention this person (mention-inbox.ts), and keeps the working postmortem's stored `body` (what exports, versions,
 * search and the solo editor read) current from its co-edited document, whether or not anyone
 * has the Postmortem tab open. The machine holding the document's text when the shared document
 * is still empty (whoever created the draft, or shared the incident) seeds it, once; everyone
 * else only ever receives.
 */
export const postmortemCompanion: IncidentCompanionFactory = ({ incidentId, client, onError }): IncidentCompanion => {
  let open: OpenDocument | null = null;
  let stopped = false;

  const close = () => {
    if (!open) return;
    const closing = open;
    open = null;
    closing.closed = true;
    if (closing.timer) {
      clearTimeout(closing.timer);
      closing.timer = null;
      // What arrived last is still written.
      if (closing.copy) void save(closing, closing.copy.state());
    }
    closing.stopMentions?.();
    closing.copy?.destroy();
    closing.handle.release();
  };

  const save = async (entry: OpenDocument, state: string) => {
    if (state === entry.lastSaved) return;
    entry.lastSaved = state;
    try {
      await saveBody(entry.documentId, state);
    } catch (error) {
      onError(error);
    }
  };

  const schedule = (entry: OpenDocument, state: string) => {
    if (entry.closed) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void save(entry, state);
    }, BODY_SAVE_DELAY_MS);
  };

  const openDocument = (documentId: string) => {
    const handle = client.open({ kind: 'document', team: client.team, incidentId, documentId });
    const entry: OpenDocument = { documentId, handle, copy: null, stopMentions: null, timer: null, closed: false, lastSaved: '' };
    open = entry;
    void handle.whenLocalLoaded
      .then(async () => {
        const stored = await loadCurrentDocument(incidentId);
        if (entry.closed) return;
        entry.lastSaved = stored?.id === documentId ? stored.body : '';
        const copy = bindHeadlessCopy(handle.doc, handle.name, (state) => {
          schedule(entry, state);
          // A teammate's edit that @mentions this person in the text notifies them.
          noticeMentions(postmortemMentionsOf(state, client.user.name, incidentId, documentId, Date.now()), onError);
        });
        entry.copy = copy;
        // Comments that mention this person notify them, whether or not the tab is open.
        const mentions = () => noticeMentions(mentionsOf(readThreads(handle.doc), client.user.name, incidentId), onError);
        entry.stopMentions = observeThreads(handle.doc, mentions);
        mentions();
        if (isSharedDocumentEmpty(handle.doc)) {
          if (stored?.id === documentId && stored.body !== '') {
            copy.replace(stored.body);
            markSeeded(handle.doc, client.user.name);
          }
        } else {
          // Changes that arrived while this machine was not listening.
          schedule(entry, copy.state());
        }
      })
      .catch(onError);
  };

  const unsubscribe = observeCurrentDocument(
    incidentId,
    (doc) => {
      if (stopped || open?.documentId === doc?.id) return;
      close();
      if (doc) openDocument(doc.id);
    },
    onError,
  );

  return {
    stop: () => {
      stopped = true;
      unsubscribe();
      close();
    },
  };
};
