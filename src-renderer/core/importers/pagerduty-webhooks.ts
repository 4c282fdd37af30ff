import { z } from 'zod';
import type { EventKind } from '../model/event';
import { links, webLink, type EventDraft } from './event-builder';
import type { ImportErrorLocation } from './import-error';
import { isJsonObject, validateShape } from './json-input';
import { parseTimestamp, type TimestampOptions } from './timestamps';

/**
 * PagerDuty webhook payloads, as saved by a request bin or a receiver's log:
 * - v1 and v2: `{ "messages": [ { "type" (v1) | "event" (v2): "incident.trigger", … } ] }`;
 *   a v2 message also carries the `log_entries` it reports, which are imported as log entries so
 *   that a webhook and an API log of the same incident collapse onto the same events.
 * - v3: `{ "event": { "id", "event_type": "incident.triggered", "occurred_at", "agent", "data" } }`.
 * A file may hold one payload, a JSON list of payloads, or one payload per line.
 */

const text = z.string().nullish();
const reference = z.looseObject({ id: text, summary: text, name: text, type: text, html_url: text, email: text });
const incident = z.looseObject({
  id: text,
  incident_number: z.number().nullish(),
  number: z.number().nullish(),
  title: text,
  summary: text,
  html_url: text,
  trigger_summary_data: z.looseObject({ subject: text, description: text }).nullish(),
  last_status_change_by: reference.nullish(),
  priority: reference.nullish(),
});
type WebhookIncident = z.infer<typeof incident>;

const legacyMessage = z.looseObject({
  id: text,
  type: text,
  event: text,
  created_on: z.union([z.string(), z.number()]),
  data: z.looseObject({ incident: incident.nullish() }).nullish(),
  incident: incident.nullish(),
});

const v3Event = z.looseObject({
  id: z.string().min(1),
  event_type: z.string().min(1),
  occurred_at: z.union([z.string(), z.number()]),
  agent: reference.nullish(),
  // `data` is the incident itself, or for notes, responders and status updates a record naming it.
  data: incident.extend({ incident: incident.nullish(), content: text, message: text }).nullish(),
});

/** A webhook record: a v1/v2 message or a v3 event, with where it sits. */
export interface WebhookRecord {
  value: Record<string, unknown>;
  field: string;
}

/** The webhook records of a parsed document, or null when it is not a webhook payload at all. */
export function webhookRecords(value: unknown): WebhookRecord[] | null {
  const payloads = Array.isArray(value) ? value : [value];
  const out: WebhookRecord[] = [];
  for (const [index, payload] of payloads.entries()) {
    const base = Array.isArray(value) ? `[${index}]` : '';
    if (!isJsonObject(payload)) return null;
    if (isJsonObject(payload.event) && typeof payload.event.event_type === 'string') {
      out.push({ value: payload.event, field: `${base}${base ? '.' : ''}event` });
    } else if (Array.isArray(payload.messages) && payload.messages.every(isLegacyMessage)) {
      payload.messages.forEach((message, i) => out.push({ value: message as Record<string, unknown>, field: `${base}${base ? '.' : ''}messages[${i}]` }));
    } else return null;
  }
  return out.length > 0 ? out : null;
}

function isLegacyMessage(message: unknown): boolean {
  if (!isJsonObject(message)) return false;
  const type = typeof message.type === 'string' ? message.type : message.event;
  return typeof type === 'string' && type.includes('.');
}

/** The log entries a v2 message carries (empty for v1 and v3). */
export function webhookLogEntries(record: WebhookRecord): unknown[] {
  return Array.isArray(record.value.log_entries) ? record.value.log_entries : [];
}

const ACTION: Record<string, { kind: EventKind; verb: string }> = {
  trigger: { kind: 'page', verb: 'Triggered' },
  triggered: { kind: 'page', verb: 'Triggered' },
  acknowledge: { kind: 'page', verb: 'Acknowledged' },
  acknowledged: { kind: 'page', verb: 'Acknowledged' },
  unacknowledge: { kind: 'page', verb: 'Unacknowledged' },
  unacknowledged: { kind: 'page', verb: 'Unacknowledged' },
  resolve: { kind: 'page', verb: 'Resolved' },
  resolved: { kind: 'page', verb: 'Resolved' },
  assign: { kind: 'page', verb: 'Assigned' },
  reassigned: { kind: 'page', verb: 'Reassigned' },
  escalate: { kind: 'page', verb: 'Escalated' },
  escalated: { kind: 'page', verb: 'Escalated' },
  delegate: { kind: 'page', verb: 'Delegated' },
  delegated: { kind: 'page', verb: 'Delegated' },
  reopened: { kind: 'page', verb: 'Reopened' },
  annotate: { kind: 'note', verb: 'Note added' },
  annotated: { kind: 'note', verb: 'Note added' },
  'responder.added': { kind: 'page', verb: 'Responder requested' },
  'responder.replied': { kind: 'page', verb: 'Responder replied' },
  status_update_published: { kind: 'status-update', verb: 'Status update published' },
  priority_updated: { kind: 'system', verb: 'Priority changed' },
};

function incidentTitle(value: WebhookIncident | null | undefined): string {
  if (!value) return '';
  const title = value.title ?? value.trigger_summary_data?.subject ?? value.summary ?? '';
  const number = value.incident_number ?? value.number;
  return number != null && title && !title.startsWith('[#') ? `#${number} ${title}` : title;
}

/**
 * One webhook record as an event, or null when it is not about an incident (service.* events)
 * or is a v2 message whose log entries are imported instead.
 */
export function webhookEvent(record: WebhookRecord, where: ImportErrorLocation, timeOptions: TimestampOptions): EventDraft | null {
  if ('event_type' in record.value) return v3Draft(record, where, timeOptions);
  if (webhookLogEntries(record).length > 0) return null;
  const message = validateShape(legacyMessage, record.value, where, record.field);
  const type = message.type ?? message.event ?? '';
  if (!type.startsWith('incident.')) return null;
  const subject = message.data?.incident ?? message.incident ?? null;
  const action = ACTION[type.slice('incident.'.length)] ?? { kind: 'system' as const, verb: type };
  const time = parseTimestamp(message.created_on, { ...where, field: `${record.field}.created_on` }, timeOptions);
  const agent = subject?.last_status_change_by ?? null;
  const title = incidentTitle(subject);
  return {
    kind: action.kind,
    originalId: `webhook:${message.id ?? `${subject?.id ?? ''}:${type}:${time.original}`}`,
    at: time.at,
    originalTime: time.original,
    text: title ? `${action.verb}: ${title}` : action.verb,
    actorExternalId: agent?.id ?? null,
    actorName: agent?.summary ?? agent?.name ?? '',
    links: links(webLink(subject?.html_url, 'PagerDuty')),
    raw: record.value,
  };
}

function v3Draft(record: WebhookRecord, where: ImportErrorLocation, timeOptions: TimestampOptions): EventDraft | null {
  const event = validateShape(v3Event, record.value, where, record.field);
  if (!event.event_type.startsWith('incident.')) return null;
  const name = event.event_type.slice('incident.'.length);
  const action = ACTION[name] ?? { kind: 'system' as const, verb: event.event_type };
  const time = parseTimestamp(event.occurred_at, { ...where, field: `${record.field}.occurred_at` }, timeOptions);
  const data = event.data ?? null;
  const subject = data?.incident ?? data;
  const title = incidentTitle(subject);
  let detail = title;
  if (action.kind === 'note' && data?.content) detail = data.content;
  else if (action.kind === 'status-update' && data?.message) detail = data.message;
  else if (name === 'priority_updated' && data?.priority?.summary) detail = `${data.priority.summary}${title ? ` (${title})` : ''}`;
  return {
    kind: action.kind,
    originalId: `webhook:${event.id}`,
    at: time.at,
    originalTime: time.original,
    text: action.kind === 'note' && data?.content ? data.content : detail ? `${action.verb}: ${detail}` : action.verb,
    actorExternalId: event.agent?.id ?? null,
    actorName: event.agent?.summary ?? event.agent?.name ?? '',
    links: links(webLink(subject?.html_url, 'PagerDuty')),
    raw: record.value,
  };
}
