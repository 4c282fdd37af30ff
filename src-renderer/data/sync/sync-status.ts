/** What the status chip shows for one shared document, one incident, or the whole app. */
export type SyncState = 'off' | 'offline' | 'connecting' | 'synced' | 'waiting' | 'refused' | 'read-only';

export interface SyncStatus {
  state: SyncState;
  /** Local changes the server has not acknowledged yet (the provider's unsynced count). */
  waiting: number;
  /** Why the server refused (SYNC_REFUSALS) or why sync is off; empty otherwise. */
  reason: string;
}

export const SYNC_OFF: SyncStatus = { state: 'off', waiting: 0, reason: '' };

/** Worst first: one refused document makes the incident (and the app) show "refused". */
const SEVERITY: Record<SyncState, number> = { refused: 6, offline: 5, 'read-only': 4, connecting: 3, waiting: 2, synced: 1, off: 0 };

/** Folds several documents' statuses into one: the worst state, changes waiting added up. */
export function combineStatuses(statuses: readonly SyncStatus[]): SyncStatus {
  if (statuses.length === 0) return SYNC_OFF;
  let worst = statuses[0] ?? SYNC_OFF;
  let waiting = 0;
  for (const status of statuses) {
    waiting += status.waiting;
    if (SEVERITY[status.state] > SEVERITY[worst.state]) worst = status;
  }
  const state = worst.state === 'synced' && waiting > 0 ? 'waiting' : worst.state;
  return { state, waiting, reason: worst.reason };
}

/** The chip's words: "Offline · 3 changes waiting", "Synced"… */
export function describeStatus(status: SyncStatus): string {
  const waiting = status.waiting === 1 ? '1 change waiting' : `${status.waiting} changes waiting`;
  switch (status.state) {
    case 'off':
      return 'Not shared';
    case 'offline':
      return status.waiting > 0 ? `Offline · ${waiting}` : 'Offline';
    case 'connecting':
      return 'Connecting…';
    case 'synced':
      return 'Synced';
    case 'waiting':
      return waiting;
    case 'refused':
      return `Refused: ${REFUSAL_TEXT[status.reason] ?? status.reason}`;
    case 'read-only':
      return status.waiting > 0 ? `Read-only · ${status.waiting} not shared` : 'Read-only';
  }
}

const REFUSAL_TEXT: Record<string, string> = {
  'invalid-token': 'the access token is not valid',
  'wrong-team': 'the token is for another team',
  'invalid-document-name': 'the server does not know this document',
  'token-revoked': 'the access token was revoked',
  'malformed-update': 'the server could not read a change',
  'csp-blocked': 'restart Debrief to connect to the new server',
};
