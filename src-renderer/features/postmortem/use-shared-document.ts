import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { collabProvider } from '@editor/collab-binding';
import type { EditorCollaboration } from '@editor/RichTextEditor';
import { teamSync, type SyncDocHandle, type SyncUser } from '@data/sync';

export interface SharedDocument {
  handle: SyncDocHandle;
  collaboration: EditorCollaboration;
  awareness: Awareness;
  user: SyncUser;
}

/**
 * The co-edited document behind a shared incident's working postmortem: null for a solo
 * incident (today's editor, unchanged), undefined while its local copy loads.
 */
export function useSharedDocument(incidentId: string, documentId: string): SharedDocument | null | undefined {
  useSyncExternalStore(teamSync.subscribe, teamSync.getVersion);
  const client = teamSync.isShared(incidentId) ? teamSync.connection() : null;
  const key = client ? `${client.team}/${incidentId}/${documentId}` : '';
  const [opened, setOpened] = useState<{ key: string; value: SharedDocument } | null>(null);

  useEffect(() => {
    if (!client) return;
    const handle = client.open({ kind: 'document', team: client.team, incidentId, documentId });
    let cancelled = false;
    void handle.whenLocalLoaded.then(() => {
      const awareness = handle.provider()?.awareness;
      if (cancelled || !awareness) return;
      setOpened({
        key,
        value: {
          handle,
          awareness,
          user: client.user,
          collaboration: { id: handle.name, provider: collabProvider(handle.doc, awareness), user: client.user },
        },
      });
    });
    return () => {
      cancelled = true;
      // Off the document: teammates stop seeing this person's cursor and "here" avatar.
      handle.provider()?.awareness?.setLocalState({ user: client.user });
      handle.release();
    };
  }, [client, key, incidentId, documentId]);

  if (!client) return null;
  return opened?.key === key ? opened.value : undefined;
}
