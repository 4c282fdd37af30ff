import { useEffect, useSyncExternalStore } from 'react';
import { parseServerAddress, teamSync, type SyncStatus } from '@data/sync';
import { platform } from '@platform/index';

/** Re-renders when anything team sync shows changes; returns the status of one incident or of all. */
export function useSyncStatus(incidentId?: string): SyncStatus {
  useSyncExternalStore(teamSync.subscribe, teamSync.getVersion);
  return teamSync.status(incidentId);
}

export function useIsShared(incidentId: string): boolean {
  useSyncExternalStore(teamSync.subscribe, teamSync.getVersion);
  return teamSync.isShared(incidentId);
}

/**
 * Starts team sync once for the window (nothing connects unless it is set up) with the
 * platform's keeping of the token (encrypted on the desktop), and keeps the
 * desktop app's CSP in step with the configured server: the main process serves the next page
 * load with that server (and no other) in connect-src.
 */
export function useTeamSyncService(): void {
  useEffect(() => {
    teamSync.setTokenVault(platform.syncTokenVault);
    void teamSync.start();
    let told: string | null | undefined;
    const tell = () => {
      const settings = teamSync.settings();
      const origin = settings ? parseServerAddress(settings.serverUrl).origin : null;
      if (origin === told) return;
      told = origin;
      platform.rememberSyncOrigin(origin).catch((error: unknown) => console.error('Team sync: the desktop app could not keep the server for its CSP', error));
    };
    return teamSync.subscribe(tell);
  }, []);
}
