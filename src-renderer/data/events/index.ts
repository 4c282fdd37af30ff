/**
 * Events, sources and imports of an incident: storage in blocks, the one visibility rule,
 * typed-in events, key moments and redactions, and the change signal views listen to.
 */
export { isVisibleSource, manualSourceId, visibleSources, bySourceOrder } from './visibility';
export { onEventChange, emitEventChange, type EventChange } from './event-changes';
export { loadVisibleEvents, readIncidentEvents, type LoadOptions } from './load-events';
export { writeImport, findEarlierImport, MAX_EVENTS_PER_IMPORT, type ImportRequest, type ImportOutcome, type WriteHooks, type WriteProgress } from './import-store';
export { discardSource, removeSource, cleanUpAbandonedImports } from './discard';
export { listSources } from './sources';
export {
  setPinned,
  setEventRedacted,
  addRedaction,
  setRedactions,
  addManualEvent,
  addCanReport,
  deleteManualEvent,
  restoreManualEvent,
  buildManualEvent,
  canReportText,
  structuredCanReport,
  type ManualEventDraft,
  type ManualEventInput,
} from './event-writes';
export { EventStoreError } from './event-store-error';
export { useAbandonedImportCleanup, CLEANUP_START_MARK, CLEANUP_END_MARK } from './background-cleanup';
export { holdLock, isLocked, undoDeleteLockName } from './locks';
export { useIncidentEvents } from './use-incident-events';
export { EVENTS_LOAD_MARK, EVENTS_APPEND_MARK, EVENTS_PATCH_MARK, LoadedSearchIndex, type LiveEventsState } from './live-events';
export { legacyEventsRestore, LEGACY_EVENTS_TABLE } from './legacy-backup';
