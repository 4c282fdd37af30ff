import './team-sync.css';
import { describeStatus, type SyncStatus } from '@data/sync';

/** Offline / Connecting / Synced / N changes waiting, as a small coloured pill. */
export function SyncStatusChip({ status, label }: { status: SyncStatus; label?: string }) {
  const text = describeStatus(status);
  return (
    <span className={`sync-chip sync-${status.state}`} role="status" aria-label={label ? `${label}: ${text}` : text} data-sync-state={status.state}>
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
