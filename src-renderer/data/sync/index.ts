/**
 * Team sync, the client half (issue 10): settings, the connection to the team's Hocuspocus
 * server, and replication of shared incidents between Dexie and Yjs documents.
 *
 * For features that open their own shared documents (co-editing, the meeting):
 *   const client = teamSync.connection();           // null while team sync is off
 *   const handle = client.open({ kind: 'document', team: client.team, incidentId, documentId });
 *   await handle.whenLocalLoaded;                     // local copy first (y-indexeddb)
 *   handle.doc / handle.provider()?.awareness         // Y.Doc; presence with user { name, color }
 *   handle.status();                                  // for a status chip
 *   handle.release();                                 // when the view closes
 */
import { db } from '@db/database';
import { TeamSync } from './team-sync';
import { useFieldHistory as useFieldHistoryOf } from './use-field-history';
import { useIncidentSyncDocOf, type IncidentDocTarget, type OpenIncidentDoc } from './use-incident-sync-doc';
import type { FieldHistoryEntry } from './field-history';

export { TeamSync, type TeamSyncOptions, type IncidentCompanion, type IncidentCompanionFactory } from './team-sync';
export { SyncClient, colorFor, type SyncDocHandle, type SyncUser, type SyncClientOptions } from './sync-client';
export { SyncError } from './sync-error';
export { checkTeamSyncInput, syncOriginAllowedAtBoot, type TeamSyncInput, type TeamSyncSettings, type TokenKeeping, type TokenVault } from './sync-settings';
export { parseServerAddress, isLocalHost, type ServerAddress } from './server-address';
export { describeStatus, combineStatuses, SYNC_OFF, type SyncState, type SyncStatus } from './sync-status';
export { decodeInvite, encodeInvite, type Invite } from './invite-code';
export type { SharedIncident } from './shared-incidents';
export type { SyncDocRef } from '@protocol/doc-names';

/** The app's team sync (one per window), on the UI's database connection. */
export const teamSync = new TeamSync(db, { checkCsp: true, onCspLost: restartOnce });

/**
 * Starts the page again, once per session, when its CSP was built without the configured server
 * (the remembered origin was lost in a crash; team sync wrote it again): the second start allows
 * it. Never twice, so a CSP that still refuses shows its message instead of a reload loop.
 */
function restartOnce(): void {
  const key = 'debrief.syncCspRestart';
  try {
    if (sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, '1');
  } catch {
    return;
  }
  location.reload();
}

export type { FieldHistoryEntry, FieldWriteShown } from './field-history';

/** History of a shared record's fields in this window (see useFieldHistory in use-field-history.ts). */
export function useFieldHistory(incidentId: string, table: string, recordId: string, only?: readonly string[]): FieldHistoryEntry[] {
  return useFieldHistoryOf(teamSync, incidentId, table, recordId, only);
}

export type { IncidentDocTarget, OpenIncidentDoc } from './use-incident-sync-doc';

/** One of a shared incident's documents, open while the component is mounted (use-incident-sync-doc.ts). */
export function useIncidentSyncDoc(
  incidentId: string,
  target: IncidentDocTarget,
  options?: { clearPresenceOnClose?: boolean },
): OpenIncidentDoc | null | undefined {
  return useIncidentSyncDocOf(teamSync, incidentId, target, options);
}
