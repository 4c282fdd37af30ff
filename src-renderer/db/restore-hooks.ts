import type { DebriefDatabase } from './schema';
import {
  restoreActionItem,
  restoreAnnotation,
  restoreDocument,
  restoreEventState,
  restoreIncident,
  restoreManualEvent,
  restoreMilestone,
  restorePerson,
  restoreSource,
} from './restore';

/** Wires the restore step into every read, so no caller can forget it. */
export function installRestoreHooks(db: DebriefDatabase): void {
  db.incidents.hook('reading', restoreIncident);
  db.sources.hook('reading', restoreSource);
  db.manualEvents.hook('reading', restoreManualEvent);
  db.eventState.hook('reading', restoreEventState);
  db.people.hook('reading', restorePerson);
  db.milestones.hook('reading', restoreMilestone);
  db.annotations.hook('reading', restoreAnnotation);
  db.documents.hook('reading', restoreDocument);
  db.actionItems.hook('reading', restoreActionItem);
}
