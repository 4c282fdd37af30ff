import { useLiveQuery } from 'dexie-react-hooks';
import { listVersions, loadCurrentDocument, type PostmortemRecord } from './document-store';
import { loadIncidentRecords, type IncidentRecords } from './incident-records';

/** The incident's working postmortem: null when there is none yet, undefined while loading. */
export function useCurrentDocument(incidentId: string): PostmortemRecord | null | undefined {
  return useLiveQuery(() => loadCurrentDocument(incidentId), [incidentId]);
}

/** Saved versions, newest first; undefined while loading. */
export function useVersions(incidentId: string): PostmortemRecord[] | undefined {
  return useLiveQuery(() => listVersions(incidentId), [incidentId]);
}

/** The incident's records kept current; null when the incident is gone, undefined while loading. */
export function useIncidentRecords(incidentId: string): IncidentRecords | null | undefined {
  return useLiveQuery(() => loadIncidentRecords(incidentId).catch(() => null), [incidentId]);
}
