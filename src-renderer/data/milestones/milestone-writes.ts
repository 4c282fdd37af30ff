import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { newId } from '@core/ids';
import type { ImpactMark, Milestone, MilestoneKind } from '@core/model/milestone';
import { deleteRecord, putRecord } from '../write-log';
import { MilestoneError } from './milestone-error';

export interface MilestoneDraft {
  kind: MilestoneKind;
  label: string;
  at: number | null;
  eventId: string | null;
  note: string;
  /** Custom milestones only: marks the start or end of customer impact. */
  impact?: ImpactMark | null;
}

const impactOf = (draft: MilestoneDraft): ImpactMark | null => (draft.kind === 'Custom' ? (draft.impact ?? null) : null);

/** Invariants: a real time, and a name for a custom milestone. */
function validate(draft: MilestoneDraft): { at: number; label: string } {
  if (draft.at === null || !Number.isFinite(draft.at)) {
    throw new MilestoneError('INVALID_TIME', 'Time: enter a date and time in the incident’s zone.', { location: { field: 'at' } });
  }
  const label = draft.kind === 'Custom' ? draft.label.trim() : draft.kind;
  if (label === '') throw new MilestoneError('EMPTY_TEXT', 'Name: a custom milestone needs a name.', { location: { field: 'label' } });
  return { at: draft.at, label };
}

/** Out-of-order milestones are saved as typed; the panel warns about them instead. */
export async function addMilestone(incidentId: string, draft: MilestoneDraft, database: DebriefDatabase = db): Promise<Milestone> {
  const { at, label } = validate(draft);
  const now = Date.now();
  const milestone: Milestone = { id: newId(), incidentId, kind: draft.kind, label, at, eventId: draft.eventId, note: draft.note.trim(), impact: impactOf(draft), createdAt: now, updatedAt: now };
  return putRecord(database, 'milestones', milestone);
}

export async function updateMilestone(id: string, draft: MilestoneDraft, database: DebriefDatabase = db): Promise<Milestone> {
  const { at, label } = validate(draft);
  return database.transaction('rw', database.milestones, async () => {
    const milestone = await database.milestones.get(id);
    if (!milestone) throw new MilestoneError('MILESTONE_NOT_FOUND', 'This milestone was deleted in another window.');
    return putRecord(database, 'milestones', { ...milestone, kind: draft.kind, label, at, eventId: draft.eventId, note: draft.note.trim(), impact: impactOf(draft), updatedAt: Date.now() });
  });
}

export async function deleteMilestone(id: string, database: DebriefDatabase = db): Promise<void> {
  await deleteRecord(database, 'milestones', id);
}

export async function restoreMilestone(milestone: Milestone, database: DebriefDatabase = db): Promise<void> {
  await putRecord(database, 'milestones', milestone);
}
