
export { TeamSyncDialog } from './TeamSyncDialog';
export { ShareIncidentControls } from './ShareIncidentControls';
export { JoinIncidentDialog } from './JoinIncidentDialog';
export { SyncStatusChip } from './SyncStatusChip';
export { useSyncStatus, useIsShared, useTeamSyncService } from './use-team-sync';
