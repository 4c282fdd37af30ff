import { db } from '@db/database';
import { newId } from '@core/ids';
import type { ImpactMark, Milestone, MilestoneKind } from '@core/model/milestone';
import { TimelineWriteError } from './timeline-write-error';

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

function validate(draft: MilestoneDraft): { at: number; label: string } {
  if (draft.at === null || !Number.isFinite(draft.at)) throw new TimelineWriteError('INVALID_TIME', 'Time: enter a date and time in the incident’s zone.');
  const label = draft.kind === 'Custom' ? draft.label.trim() : draft.kind;
  if (label === '') throw new TimelineWriteError('EMPTY_TEXT', 'Name: a custom milestone needs a name.');
  return { at: draft.at, label };
}

/** Out-of-order milestones are saved as typed; the panel warns about them instead. */
export async function addMilestone(incidentId: string, draft: MilestoneDraft): Promise<Milestone> {
  const { at, label } = validate(draft);
  const now = Date.now();
  const milestone: Milestone = { id: newId(), incidentId, kind: draft.kind, label, at, eventId: draft.eventId, note: draft.note.trim(), impact: impactOf(draft), createdAt: now, updatedAt: now };
  await db.milestones.add(milestone);
  return milestone;
}

export async function updateMilestone(id: string, draft: MilestoneDraft): Promise<void> {
  const { at, label } = validate(draft);
  const changed = await db.milestones.update(id, { kind: draft.kind, label, at, eventId: draft.eventId, note: draft.note.trim(), impact: impactOf(draft), updatedAt: Date.now() });
  if (changed === 0 && !(await db.milestones.get(id))) throw new TimelineWriteError('MILESTONE_NOT_FOUND', 'This milestone was deleted in another window.');
}

export async function deleteMilestone(id: string): Promise<void> {
  await db.milestones.delete(id);
}

export async function restoreMilestone(milestone: Milestone): Promise<void> {
  await db.milestones.put(milestone);
}
