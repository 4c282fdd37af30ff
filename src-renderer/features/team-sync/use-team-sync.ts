import { useEffect, useSyncExternalStore } from 'react';
import { teamSync, type SyncStatus } from '@data/sync';

/** Re-renders when anything team sync shows changes; returns the status of one incident or of all. */
export function useSyncStatus(incidentId?: string): SyncStatus {
  useSyncExternalStore(teamSync.subscribe, teamSync.getVersion);
  return teamSync.status(incidentId);
}

export function useIsShared(incidentId: string): boolean {
  useSyncExternalStore(teamSync.subscribe, teamSync.getVersion);
  return teamSync.isShared(incidentId);
}

/** Starts team sync once for the window (nothing connects unless it is set up). */
export function useTeamSyncService(): void {
  useEffect(() => {
    void teamSync.start();
  }, []);
}
