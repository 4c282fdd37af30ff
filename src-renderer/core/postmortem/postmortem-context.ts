import type { ActionKind, ActionStatus, Priority } from '../model/action-item';
import type { AnnotationTag } from '../model/annotation';
import type { IncidentCatalog } from '../model/catalog';
import type { EventKind, EventLink } from '../model/event';
import type { IncidentStatus, RoleAssignment } from '../model/incident';
import type { MilestoneKind, Stage } from '../model/milestone';
import type { Severity } from '../model/severity';

import type { MetricKey } from '../metrics/incident-metrics';

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
    /** The Detect milestone, else the incident's Detected time: what "time to detect" measures to. */
    detectedAt: number | null;
    detectedAtText: string;
    /** The All Clear milestone, else the incident's Resolved time. */
    resolvedAt: number | null;
    resolvedAtText: string;
    /** When customer impact started and ended, as the customer-impact duration measures it. */
    impactStartedAt: number | null;
    impactStartedAtText: string;
    impactEndedAt: number | null;
    impactEndedAtText: string;
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
  /** Stages without a milestone of their own, begun at another one (Repair at Under Control, Review at All Clear). */
  inferredStages: { stage: Stage; from: string; atText: string }[];
  /** One entry per METRIC_KEYS (core/metrics), in that order. */
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
  /** Chat text (Slack mrkdwn) with redactions applied; rendered through core/chat-text. */
  text: string;
  /** The event's links whose label the (redacted) text still shows. */
  links: EventLink[];
  /** Names mentioned in the text. */
  mentions: string[];
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
