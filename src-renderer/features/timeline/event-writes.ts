import { db } from '@db/database';
import { manualSourceId } from '@db/visible-events';
import { newId } from '@core/ids';
import type { Redaction, TimelineEvent } from '@core/model/event';
import type { CanReport } from '@core/timeline/can-report';
import { normaliseRedactions, validateRedaction } from '@core/timeline/redaction';
import { buildManualEvent, canReportText } from './manual-event';
import { TimelineWriteError } from './timeline-write-error';

async function mustGet(id: string): Promise<TimelineEvent> {
  const event = await db.events.get(id);
  if (!event) throw new TimelineWriteError('EVENT_NOT_FOUND', 'This event no longer exists; its import may have been removed.');
  return event;
}

export async function setPinned(id: string, pinned: boolean): Promise<void> {
  await mustGet(id);
  await db.events.update(id, { pinned });
}

export interface ManualEventDraft {
  at: number | null;
  typed: string;
  actorName: string;
  text: string;
}

function checkDraft(draft: Pick<ManualEventDraft, 'at'>): number {
  if (draft.at === null || !Number.isFinite(draft.at)) throw new TimelineWriteError('INVALID_TIME', 'Time: enter a date and time, e.g. 2024-06-12 23:58.');
  return draft.at;
}

export async function addManualEvent(incidentId: string, draft: ManualEventDraft, pinned = false): Promise<TimelineEvent> {
  const at = checkDraft(draft);
  if (draft.text.trim() === '') throw new TimelineWriteError('EMPTY_TEXT', 'What happened: describe the event.');
  const event = buildManualEvent({ incidentId, sourceId: manualSourceId(incidentId), at, typed: draft.typed, actorName: draft.actorName, text: draft.text, pinned }, newId());
  await db.events.add(event);
  return event;
}

export async function addCanReport(incidentId: string, draft: Omit<ManualEventDraft, 'text'>, report: CanReport): Promise<TimelineEvent> {
  const at = checkDraft(draft);
  if (report.conditions.trim() === '' && report.actions.trim() === '' && report.needs.trim() === '') {
    throw new TimelineWriteError('EMPTY_TEXT', 'Fill in at least one of Conditions, Actions or Needs.');
  }
  const can = { conditions: report.conditions.trim(), actions: report.actions.trim(), needs: report.needs.trim() };
  const event = buildManualEvent(
    { incidentId, sourceId: manualSourceId(incidentId), at, typed: draft.typed, actorName: draft.actorName, text: canReportText(can), raw: { can } },
    newId(),
  );
  await db.events.add(event);
  return event;
}

/** Only hand-written events can be deleted; imported ones are the record. */
export async function deleteManualEvent(event: TimelineEvent): Promise<void> {
  if (event.sourceFormat !== 'manual') return;
  await db.events.delete(event.id);
}

export async function restoreEvent(event: TimelineEvent): Promise<void> {
  await db.events.put(event);
}

export async function setEventRedacted(id: string, redacted: boolean): Promise<void> {
  await mustGet(id);
  await db.events.update(id, { redacted });
}

export async function addRedaction(id: string, span: Redaction): Promise<void> {
  const event = await mustGet(id);
  const valid = validateRedaction(span, event.text);
  await db.events.update(id, { redactions: normaliseRedactions([...event.redactions, valid], event.text) });
}

export async function setRedactions(id: string, redactions: Redaction[]): Promise<void> {
  const event = await mustGet(id);
  await db.events.update(id, { redactions: normaliseRedactions(redactions, event.text) });
}
