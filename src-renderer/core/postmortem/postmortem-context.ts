import type { ActionKind, ActionStatus, Priority } from '../model/action-item';
import type { AnnotationTag } from '../model/annotation';
import type { IncidentCatalog } from '../model/catalog';
import type { EventKind } from '../model/event';
import type { IncidentStatus, RoleAssignment } from '../model/incident';
import type { MilestoneKind, Stage } from '../model/milestone';
import type { Severity } from '../model/severity';

export const METRIC_KEYS = ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve', 'customerImpact'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const METRIC_LABELS: Record<MetricKey, string> = {
  timeToDetect: 'Time to detect (MTTD)',
  timeToAcknowledge: 'Time to acknowledge (MTTA)',
  timeToMitigate: 'Time to mitigate (MTTM)',
  timeToResolve: 'Time to resolve (MTTR)',
  customerImpact: 'Customer impact duration',
};

export interface PostmortemMetric {
  key: MetricKey;
  label: string;
  /** null when the milestones needed for the metric are missing. */
  seconds: number | null;
  /** e.g. "1h 05m", or "Not recorded"; what the metrics table shows. */
  text: string;
  /**
   * What a `{{metrics.…}}` placeholder in a sentence becomes: the duration, or when it is missing
   * a note saying what to record, e.g. "not recorded yet — set the Mitigate milestone on the Timeline".
   */
  inlineText: string;
}

/**
 * Everything a template can show, as plain data: times are UTC ms with a ready-formatted text in
 * the incident's time zone, so rendering needs no clock and no time-zone database. Redacted
 * events and redacted spans are already removed. Lists are in display order.
 */
export interface PostmortemContext {
  incident: {
    id: string;
    title: string;
    severity: Severity;
    severityMeaning: string;
    status: IncidentStatus;
    statusLabel: string;
    timeZone: string;
    services: string[];
    commander: string;
    summary: string;
    startedAt: number | null;
    startedAtText: string;
    detectedAt: number | null;
    detectedAtText: string;
    resolvedAt: number | null;
    resolvedAtText: string;
    reviewAt: number | null;
    reviewAtText: string;
    /** The learning fields from the review (empty when never filled in). */
    catalog: IncidentCatalog;
  };
  document: {
    authors: string[];
    /** Passed in by the caller; never read from the clock, so output is reproducible. */
    generatedAt: number | null;
    generatedAtText: string;
  };
  milestones: PostmortemMilestone[];
  /** One entry per METRIC_KEYS, in that order. */
  metrics: PostmortemMetric[];
  timeline: PostmortemEvent[];
  /** Pinned events. */
  keyMoments: PostmortemEvent[];
  annotations: Record<AnnotationTag, PostmortemAnnotation[]>;
  canReports: PostmortemCanReport[];
  /** Everyone who took part, sorted. */
  people: string[];
  roles: RoleAssignment[];
  actionItems: PostmortemActionItem[];
}

export interface PostmortemEvent {
  id: string;
  at: number;
  atText: string;
  /** The stage the event falls in, from the stage milestones; null before the first one. */
  stage: Stage | null;
  kind: EventKind;
  actor: string;
  channel: string;
  text: string;
}

export interface PostmortemMilestone {
  id: string;
  kind: MilestoneKind;
  label: string;
  at: number;
  atText: string;
  eventId: string | null;
  note: string;
}

export interface PostmortemAnnotation {
  id: string;
  text: string;
  author: string;
  /** Set when the annotation is about one (exported) event. */
  eventId: string | null;
  eventAtText: string | null;
}

/** A Conditions / Actions / Needs status report given during the incident. */
export interface PostmortemCanReport {
  id: string;
  at: number;
  atText: string;
  author: string;
  conditions: string;
  actions: string;
  needs: string;
  eventId: string | null;
}

export interface PostmortemActionItem {
  id: string;
  title: string;
  ownerName: string;
  priority: Priority;
  status: ActionStatus;
  kind: ActionKind;
  dueAt: number | null;
  dueText: string;
  trackerUrl: string;
}
