import { useMemo } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { collabProvider } from '@editor/collab-binding';
import type { EditorCollaboration } from '@editor/RichTextEditor';
import { useIncidentSyncDoc, type SyncDocHandle, type SyncUser } from '@data/sync';

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
  const target = useMemo(() => ({ kind: 'document' as const, documentId }), [documentId]);
  const open = useIncidentSyncDoc(incidentId, target, { clearPresenceOnClose: true });
  return useMemo(() => {
    if (!open) return open;
    const { handle, awareness, user } = open;
    return { handle, awareness, user, collaboration: { id: handle.name, provider: collabProvider(handle.doc, awareness), user } };
  }, [open]);
}
