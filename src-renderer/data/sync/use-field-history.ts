import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { fieldConflicts, type FieldHistoryEntry } from './field-history';
import type { TeamSync } from './team-sync';

/**
 * The fields of a shared record that two people set differently (see fieldConflicts), kept
 * current as writes arrive; empty for a record of an incident that is not shared.
 */
export function useFieldHistory(sync: TeamSync, incidentId: string, table: string, recordId: string, only?: readonly string[]): FieldHistoryEntry[] {
  const version = useSyncExternalStore(sync.subscribe, sync.getVersion);
  const [writes, setWrites] = useState(0);
  useEffect(() => sync.onRecordWrites(incidentId, table, recordId, () => setWrites((n) => n + 1)), [sync, incidentId, table, recordId, version]);
  const key = only?.join('|') ?? '';
  return useMemo(
    () => fieldConflicts(sync.fieldStates(incidentId, table, recordId), key ? key.split('|') : undefined),
    // `version` and `writes` say when to read the log again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sync, incidentId, table, recordId, key, version, writes],
  );
}
