import { newId } from '@core/ids';
import { newTimelineEvent } from '@core/model/new-event';
import type { EventState, EventStateFields, ManualEventRecord, Redaction, TimelineEvent } from '@core/model/event';
import type { CanReport } from '@core/timeline/can-report';
import { normaliseRedactions, validateRedaction } from '@core/timeline/redaction';
import type { DebriefDatabase } from '@db/schema';
import { writeRecords, type RecordChange } from '../write-log';
import { emitEventChange } from './event-changes';
import { EventStoreError } from './event-store-error';
import { isVisibleSource, manualSourceId } from './visibility';

/**
 * Writes to single events: key moments (pins), redactions, and events typed in by hand. Imported
 * events are never rewritten: their pin and redactions are an EventState record beside them.
 */

const DEFAULT_STATE: EventStateFields = { pinned: false, redacted: false, redactions: [] };

const notFound = () => new EventStoreError('EVENT_NOT_FOUND', 'This event no longer exists; its import may have been removed.');

type EventRef = Pick<TimelineEvent, 'id' | 'incidentId' | 'sourceId' | 'text'>;

/** The event is still there: typed in and not deleted, or of an import that is still visible. */
async function exists(database: DebriefDatabase, event: EventRef): Promise<boolean> {
  if (event.sourceId === manualSourceId(event.incidentId)) return (await database.manualEvents.where('id').equals(event.id).count()) > 0;
  const source = await database.sources.get(event.sourceId);
  return source !== undefined && isVisibleSource(source);
}

/** An event's state record, or its removal when nothing is pinned or redacted (the default). */
function stateChange(state: EventState): RecordChange {
  if (!state.pinned && !state.redacted && state.redactions.length === 0) return { table: 'eventState', op: 'delete', key: state.id };
  return { table: 'eventState', op: 'put', value: state };
}

/** Changes an event's state; `change` sees the event's current state and text (for redactions). */
async function changeState(database: DebriefDatabase, event: EventRef, change: (current: EventStateFields & { text: string }) => Partial<EventStateFields>): Promise<void> {
  await database.transaction('rw', [database.eventState, database.manualEvents, database.sources], async () => {
    if (!(await exists(database, event))) throw notFound();
    const stored = (await database.eventState.get(event.id)) ?? { id: event.id, incidentId: event.incidentId, ...DEFAULT_STATE };
    const next: EventState = { ...stored, ...change({ ...stored, text: event.text }) };
    await writeRecords(database, [stateChange(next)]);
  });
  emitEventChange({ database: database.name, incidentId: event.incidentId, type: 'events', ids: [event.id] });
}

/** Makes the event a key moment of the review, or not. */
export function setPinned(database: DebriefDatabase, event: EventRef, pinned: boolean): Promise<void> {
  return changeState(database, event, () => ({ pinned }));
}

export function setEventRedacted(database: DebriefDatabase, event: EventRef, redacted: boolean): Promise<void> {
  return changeState(database, event, () => ({ redacted }));
}

export function addRedaction(database: DebriefDatabase, event: EventRef, span: Redaction): Promise<void> {
  return changeState(database, event, (current) => ({ redactions: normaliseRedactions([...current.redactions, validateRedaction(span, current.text)], current.text) }));
}

export function setRedactions(database: DebriefDatabase, event: EventRef, redactions: Redaction[]): Promise<void> {
  return changeState(database, event, (current) => ({ redactions: normaliseRedactions(redactions, current.text) }));
}

export interface ManualEventDraft {
  at: number | null;
  typed: string;
  actorName: string;
  text: string;
}

export interface ManualEventInput {
  incidentId: string;
  at: number;
  /** The time as the user typed it, with its zone, kept as the "original time". */
  typed: string;
  actorName: string;
  text: string;
  kind?: TimelineEvent['kind'];
  raw?: unknown;
  pinned?: boolean;
}

/**
 * Events typed in by hand: what no source recorded (a phone call, a decision in a hallway) and
 * structured CAN reports. They live in the incident's manual pseudo-source so they are always
 * visible and never collide with imports.
 */
export function buildManualEvent(input: ManualEventInput, id: string): TimelineEvent {
  return newTimelineEvent({
    id,
    incidentId: input.incidentId,
    sourceId: manualSourceId(input.incidentId),
    sourceFormat: 'manual',
    dedupeKey: `manual:${id}`,
    kind: input.kind ?? 'note',
    at: input.at,
    originalTime: input.typed,
    actorName: input.actorName.trim(),
    text: input.text.trim(),
    pinned: input.pinned ?? false,
    raw: input.raw ?? { manual: true },
  });
}

/** The text of an authored CAN report: the three headings `recogniseCanReport` reads back. */
export function canReportText(report: CanReport): string {
  return `Conditions:\n${report.conditions.trim()}\n\nActions:\n${report.actions.trim()}\n\nNeeds:\n${report.needs.trim()}`;
}

/** The structured CAN report an authored note carries in `raw`, if any. */
export function structuredCanReport(raw: unknown): CanReport | null {
  if (typeof raw !== 'object' || raw === null || !('can' in raw)) return null;
  const can = (raw as { can: unknown }).can;
  if (typeof can !== 'object' || can === null) return null;
  const { conditions, actions, needs } = can as Record<string, unknown>;
  if (typeof conditions !== 'string' || typeof actions !== 'string' || typeof needs !== 'string') return null;
  return { conditions, actions, needs };
}

function checkTime(draft: Pick<ManualEventDraft, 'at'>): number {
  if (draft.at === null || !Number.isFinite(draft.at)) throw new EventStoreError('INVALID_TIME', 'Time: enter a date and time, e.g. 2024-06-12 23:58.');
  return draft.at;
}

/** Stores a typed-in event (a small record) and its state, in one transaction. */
export async function putManualEvent(database: DebriefDatabase, event: TimelineEvent): Promise<void> {
  const { pinned, redacted, redactions, ...content } = event;
  const record: ManualEventRecord = content;
  await writeRecords(database, [{ table: 'manualEvents', op: 'put', value: record }, stateChange({ id: event.id, incidentId: event.incidentId, pinned, redacted, redactions })]);
  emitEventChange({ database: database.name, incidentId: event.incidentId, type: 'events', ids: [event.id] });
}

export async function addManualEvent(database: DebriefDatabase, incidentId: string, draft: ManualEventDraft, pinned = false): Promise<TimelineEvent> {
  const at = checkTime(draft);
  if (draft.text.trim() === '') throw new EventStoreError('EMPTY_TEXT', 'What happened: describe the event.');
  const event = buildManualEvent({ incidentId, at, typed: draft.typed, actorName: draft.actorName, text: draft.text, pinned }, newId());
  await putManualEvent(database, event);
  return event;
}

export async function addCanReport(database: DebriefDatabase, incidentId: string, draft: Omit<ManualEventDraft, 'text'>, report: CanReport): Promise<TimelineEvent> {
  const at = checkTime(draft);
  if (report.conditions.trim() === '' && report.actions.trim() === '' && report.needs.trim() === '') {
    throw new EventStoreError('EMPTY_TEXT', 'Fill in at least one of Conditions, Actions or Needs.');
  }
  const can = { conditions: report.conditions.trim(), actions: report.actions.trim(), needs: report.needs.trim() };
  const event = buildManualEvent({ incidentId, at, typed: draft.typed, actorName: draft.actorName, text: canReportText(can), raw: { can } }, newId());
  await putManualEvent(database, event);
  return event;
}

/** Only hand-written events can be deleted; imported ones are the record. */
export async function deleteManualEvent(database: DebriefDatabase, event: TimelineEvent): Promise<void> {
  if (event.sourceFormat !== 'manual') return;
  await writeRecords(database, [
    { table: 'manualEvents', op: 'delete', key: event.id },
    { table: 'eventState', op: 'delete', key: event.id },
  ]);
  emitEventChange({ database: database.name, incidentId: event.incidentId, type: 'events', ids: [event.id] });
}

/** Undo of a deletion: the typed-in event comes back exactly as it was. */
export function restoreManualEvent(database: DebriefDatabase, event: TimelineEvent): Promise<void> {
  return putManualEvent(database, event);
}
