import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { SyncDocHandle, SyncUser } from './sync-client';
import type { TeamSync } from './team-sync';

/** A shared document of an incident that this component keeps open. */
export interface OpenIncidentDoc {
  handle: SyncDocHandle;
  awareness: Awareness;
  user: SyncUser;
}

/** The incident's documents a screen co-edits (the team comes from the connection). */
export type IncidentDocTarget = { kind: 'annotations' } | { kind: 'document'; documentId: string };

/**
 * Keeps one of a shared incident's documents open while the component is mounted: null for a
 * solo incident, undefined while the document's local copy loads. `clearPresenceOnClose` takes
 * this person's cursor off the document when it closes (not for a document other views of the
 * same window still edit, such as the annotations every card shares).
 */
export function useIncidentSyncDocOf(
  teamSync: TeamSync,
  incidentId: string,
  target: IncidentDocTarget,
  { clearPresenceOnClose = false }: { clearPresenceOnClose?: boolean } = {},
): OpenIncidentDoc | null | undefined {
  useSyncExternalStore(teamSync.subscribe, teamSync.getVersion);
  const client = teamSync.isShared(incidentId) ? teamSync.connection() : null;
  const documentId = target.kind === 'document' ? target.documentId : '';
  const key = client ? `${client.team}/${incidentId}/${target.kind}/${documentId}` : '';
  const [opened, setOpened] = useState<{ key: string; value: OpenIncidentDoc } | null>(null);

  useEffect(() => {
    if (!client) return;
    const handle =
      target.kind === 'document'
        ? client.open({ kind: 'document', team: client.team, incidentId, documentId })
        : client.open({ kind: 'annotations', team: client.team, incidentId });
    let cancelled = false;
    void handle.whenLocalLoaded.then(() => {
      const awareness = handle.provider()?.awareness;
      if (cancelled || !awareness) return;
      setOpened({ key, value: { handle, awareness, user: client.user } });
    });
    return () => {
      cancelled = true;
      // Off the document: teammates stop seeing this person's cursor and "here" avatar.
      if (clearPresenceOnClose) handle.provider()?.awareness?.setLocalState({ user: client.user });
      handle.release();
    };
  }, [client, key, incidentId, target.kind, documentId, clearPresenceOnClose]);

  if (!client) return null;
  return opened?.key === key ? opened.value : undefined;
}
