import { timelineOrder } from '../events/event-order';
import { TZDate } from '@date-fns/tz';
import type { ActionItem, Priority } from '../model/action-item';
import { ANNOTATION_TAGS, type Annotation, type AnnotationTag } from '../model/annotation';
import type { TimelineEvent } from '../model/event';
import { catalogOf } from '../catalog/catalog-schema';
import { INCIDENT_STATUS_LABEL, ROLE_NAMES, type Incident, type RoleAssignment } from '../model/incident';
import type { Milestone } from '../model/milestone';
import { SEVERITY_MEANING } from '../model/severity';
import { formatInZone, formatWithZoneName } from '../time/format-in-zone';
import { computeIncidentMetrics, METRIC_KEYS, metricSeconds, type IncidentMetrics, type MetricKey } from '../metrics/incident-metrics';
import { DEFAULT_METRIC_OPTIONS, type MetricOptions } from '../metrics/metric-options';
import { formatDuration } from './format-duration';
import { stageAt, stageStarts } from './stage-spans';
import {
  type PostmortemActionItem,
  type PostmortemAnnotation,
  type PostmortemCanReport,
  type PostmortemContext,
  type PostmortemEvent,
} from './postmortem-context';

/** A CAN report as the caller has it; times are UTC ms. */
export type CanReportInput = Omit<PostmortemCanReport, 'atText'>;

export interface PostmortemContextInput {
  incident: Incident;
  events: readonly TimelineEvent[];
  milestones: readonly Milestone[];
  annotations: readonly Annotation[];
  actionItems: readonly ActionItem[];
  canReports: readonly CanReportInput[];
  /** The team's metric settings (what ends customer impact); defaults when absent. */
  metricOptions?: MetricOptions;
  authors: readonly string[];
  /** The caller's clock, or null to leave the date out. */
  generatedAt: number | null;
  /**
   * Visible source ids, oldest import first: events of the same millisecond are told in the
   * timeline's order (see `timelineOrder`). Without it, same-millisecond events of different
   * sources go by source id (still each source's own order within one source).
   */
  sourceOrder?: readonly string[];
}

export const REDACTED_TEXT = '[redacted]';
export const NOT_RECORDED = 'Not recorded';

const compareText = (a: string, b: string) => {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};
const byTimeThenId = <T extends { at: number; id: string }>(a: T, b: T) => a.at - b.at || compareText(a.id, b.id);

/**
 * `withZone` appends the zone's short name the way the app header shows it ("PDT", "CEST"),
 * not date-fns's `zzz`, which gives "GMT-7" for most zones.
 */
function timeFormatter(timeZone: string): (ms: number | null, pattern: string, withZone?: boolean) => string {
  // An unknown zone would make every date "Invalid Date"; UTC keeps the report readable.
  const zone = Number.isNaN(new TZDate(0, timeZone).getTime()) ? 'UTC' : timeZone;
  return (ms, pattern, withZone = false) => (ms === null ? NOT_RECORDED : withZone ? formatWithZoneName(ms, zone, pattern) : formatInZone(ms, zone, pattern));
}
const LONG = 'yyyy-MM-dd HH:mm';
const SHORT = 'MMM d, HH:mm:ss';
const DATE = 'yyyy-MM-dd';

/** Event text with its redacted spans replaced, so hidden words never reach an export. */
export function redactedText(event: Pick<TimelineEvent, 'text' | 'redactions'>): string {
  const spans = [...event.redactions].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  let marked = false;
  for (const span of spans) {
    if (marked && span.end <= cursor) continue;
    // A span touching or overlapping the previous one extends it rather than adding a second marker.
    if (!marked || span.start > cursor) out += event.text.slice(cursor, span.start) + REDACTED_TEXT;
    cursor = Math.max(cursor, span.end);
    marked = true;
  }
  return out + event.text.slice(cursor);
}

const PRIORITY_ORDER: Record<Priority, number> = { P1: 0, P2: 1, P3: 2, P4: 3 };

function sortedRoles(incident: Incident): RoleAssignment[] {
  const roles = incident.roles.filter((r) => r.name.trim() !== '');
  const commander = incident.commander.trim();
  if (commander && !roles.some((r) => r.role === 'Incident Commander' && r.name.trim() === commander)) {
    roles.push({ role: 'Incident Commander', name: commander });
  }
  return roles.sort((a, b) => ROLE_NAMES.indexOf(a.role) - ROLE_NAMES.indexOf(b.role) || compareText(a.name, b.name));
}

/**
 * A missing metric in a sentence says what to record instead of "Customers were affected for
 * Not recorded": the reader of a draft is usually the person who can fill the gap.
 */
function missingMetricText(key: MetricKey, metrics: IncidentMetrics): string {
  const needs = metrics.metrics[key].needs;
  return needs.length ? `not recorded yet — record ${needs.join(' and ')}` : 'not recorded yet';
}

/** Builds the plain-data context templates render from; pure, so the same records give the same document. */
export function buildPostmortemContext(input: PostmortemContextInput): PostmortemContext {
  const { incident } = input;
  const when = timeFormatter(incident.timeZone);
  const milestones = [...input.milestones].sort(byTimeThenId);
  const metrics = computeIncidentMetrics(incident, milestones, input.metricOptions ?? DEFAULT_METRIC_OPTIONS);
  const seconds = metricSeconds(metrics);
  const { anchors } = metrics;

  const starts = stageStarts(milestones);
  const exported = input.events.filter((e) => !e.redacted).sort(timelineOrder(input.sourceOrder ?? []));
  const timeline: PostmortemEvent[] = exported.map((e) => {
    const text = redactedText(e);
    return {
      id: e.id,
      at: e.at,
      atText: when(e.at, SHORT),
      stage: stageAt(starts, e.at),
      kind: e.kind,
      actor: e.actorName,
      channel: e.channel,
      text,
      // Only what the redacted text still shows: a hidden label takes its link with it.
      links: e.links.filter((link) => link.label !== '' && text.includes(link.label)),
      mentions: (e.mentions ?? []).filter((name) => text.includes(`@${name}`)),
    };
  });
  const eventById = new Map(timeline.map((e) => [e.id, e]));
  const pinned = new Set(exported.filter((e) => e.pinned).map((e) => e.id));

  const annotations = Object.fromEntries(ANNOTATION_TAGS.map((tag) => [tag, [] as PostmortemAnnotation[]])) as Record<
    AnnotationTag,
    PostmortemAnnotation[]
  >;
  const sortedAnnotations = [...input.annotations].sort((a, b) => {
    const at = (x: Annotation) => (x.eventId ? (eventById.get(x.eventId)?.at ?? x.createdAt) : x.createdAt);
    return at(a) - at(b) || a.createdAt - b.createdAt || compareText(a.id, b.id);
  });
  for (const annotation of sortedAnnotations) {
    const event = annotation.eventId ? eventById.get(annotation.eventId) : undefined;
    for (const tag of new Set(annotation.tags)) {
      annotations[tag].push({
        id: annotation.id,
        text: annotation.plainText.trim(),
        author: annotation.author,
        eventId: event?.id ?? null,
        eventAtText: event?.atText ?? null,
      });
    }
  }

  const actionItems: PostmortemActionItem[] = [...input.actionItems]
    .sort(
      (a, b) =>
        PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
        (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
        compareText(a.title, b.title) ||
        compareText(a.id, b.id),
    )
    .map((a) => ({
      id: a.id,
      title: a.title,
      ownerName: a.ownerName,
      priority: a.priority,
      status: a.status,
      kind: a.kind,
      dueAt: a.dueAt,
      dueText: when(a.dueAt, DATE),
      trackerUrl: a.trackerUrl,
    }));

  const roles = sortedRoles(incident);
  const people = [
    ...new Set(
      [...timeline.map((e) => e.actor), ...roles.map((r) => r.name), ...actionItems.map((a) => a.ownerName)]
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ].sort(compareText);

  return {
    incident: {
      id: incident.id,
      title: incident.title,
      severity: incident.severity,
      severityMeaning: SEVERITY_MEANING[incident.severity],
      status: incident.status,
      statusLabel: INCIDENT_STATUS_LABEL[incident.status],
      timeZone: incident.timeZone,
      services: [...incident.services],
      commander: incident.commander,
      summary: incident.summary,
      startedAt: incident.startedAt,
      startedAtText: when(incident.startedAt, LONG, true),
      detectedAt: anchors.detect.at,
      detectedAtText: when(anchors.detect.at, LONG, true),
      resolvedAt: anchors.allClear.at,
      resolvedAtText: when(anchors.allClear.at, LONG, true),
      impactStartedAt: anchors.impactStart.at,
      impactStartedAtText: when(anchors.impactStart.at, LONG, true),
      impactEndedAt: anchors.impactEnd.at,
      impactEndedAtText: when(anchors.impactEnd.at, LONG, true),
      reviewAt: incident.reviewAt,
      reviewAtText: when(incident.reviewAt, LONG, true),
      catalog: catalogOf(incident),
    },
    document: {
      authors: [...input.authors],
      generatedAt: input.generatedAt,
      generatedAtText: when(input.generatedAt, DATE),
    },
    inferredStages: starts.flatMap((s) => (s.inferredFrom ? [{ stage: s.stage, from: s.inferredFrom, atText: when(s.at, SHORT) }] : [])),
    milestones: milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      label: m.label,
      at: m.at,
      atText: when(m.at, SHORT),
      eventId: m.eventId && eventById.has(m.eventId) ? m.eventId : null,
      note: m.note,
    })),
    metrics: METRIC_KEYS.map((key) => {
      const label = metrics.metrics[key].label;
      const value = seconds[key];
      if (value !== null) {
        const text = formatDuration(value);
        return { key, label, seconds: value, text, inlineText: text };
      }
      return { key, label, seconds: value, text: NOT_RECORDED, inlineText: missingMetricText(key, metrics) };
    }),
    timeline,
    keyMoments: timeline.filter((e) => pinned.has(e.id)),
    annotations,
    canReports: [...input.canReports]
      .sort(byTimeThenId)
      .map((r) => ({ ...r, atText: when(r.at, SHORT), eventId: r.eventId && eventById.has(r.eventId) ? r.eventId : null })),
    people,
    roles,
    actionItems,
  };
}
