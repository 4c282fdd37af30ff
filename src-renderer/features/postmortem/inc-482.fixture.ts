import type { ActionItem } from '@core/model/action-item';
import { buildActionItem } from '@core/action-items/item-builder';
import type { Annotation, AnnotationTag } from '@core/model/annotation';
import type { TimelineEvent } from '@core/model/event';
import { newTimelineEvent } from '@core/model/new-event';
import type { Incident } from '@core/model/incident';
import type { Milestone, MilestoneKind } from '@core/model/milestone';
import { shippedTemplates } from '@core/postmortem/shipped-templates';
import type { PostmortemTemplate } from '@core/postmortem/template-parser';
import type { PostmortemRecords } from './context-input';

/**
 * INC-482: checkout returned 5xx after a config deploy, from 23:52 PDT to 01:10 PDT the next
 * day, so dates cross midnight in the incident's zone (UTC−7). Times below are UTC.
 */
const at = (iso: string) => Date.parse(`${iso}Z`);
const INCIDENT_ID = 'inc-482';

export const inc482Incident: Incident = {
  id: INCIDENT_ID,
  title: 'INC-482: Checkout returns 5xx after config deploy',
  severity: 'SEV2',
  status: 'in-review',
  startedAt: at('2024-06-13T06:52:00'),
  detectedAt: at('2024-06-13T06:58:00'),
  resolvedAt: at('2024-06-13T08:10:00'),
  reviewAt: at('2024-06-17T17:00:00'),
  timeZone: 'America/Los_Angeles',
  services: ['checkout', 'payments-api'],
  commander: 'Priya Raman',
  roles: [
    { role: 'Scribe', name: 'Tom Okafor' },
    { role: 'Customer experience', name: 'Lena Fischer' },
    { role: 'Subject-matter expert', name: 'Marco Silva' },
  ],
  summary: 'A config change cut the payments connection pool from 50 to 5.\nCheckout returned 5xx for about a third of requests.',
  createdAt: at('2024-06-13T09:00:00'),
  updatedAt: at('2024-06-13T09:00:00'),
  deletedAt: null,
};

function event(id: string, iso: string, actorName: string, text: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return newTimelineEvent({
    id,
    incidentId: INCIDENT_ID,
    sourceId: 'src-slack',
    sourceFormat: 'slack-export',
    dedupeKey: `slack-export:${id}`,
    at: at(iso),
    originalTime: iso,
    actorName,
    channel: '#inc-482',
    text,
    ...extra,
  });
}

export const inc482Events: TimelineEvent[] = [
  event('ev-deploy', '2024-06-13T06:52:00', 'deploy-bot', 'Deployed payments-config v118 to prod', { kind: 'deploy' }),
  event('ev-alert', '2024-06-13T06:58:00', 'PagerDuty', 'Checkout 5xx rate > 2% [triggered]', { kind: 'alert', pinned: true }),
  event('ev-ack', '2024-06-13T07:01:00', 'Priya Raman', 'Ack. I am IC. Marco, can you look at payments-api?'),
  event('ev-can', '2024-06-13T07:10:00', 'Priya Raman', 'Conditions: 5xx on ~30% of checkouts\nActions: Marco comparing config v117 and v118\nNeeds: someone from payments with deploy rights'),
  event('ev-secret', '2024-06-13T07:12:00', 'Marco Silva', 'db password is swordfish', { redacted: true }),
  event('ev-found', '2024-06-13T07:20:00', 'Marco Silva', 'pool_size went from 50 to 5 in v118 | reverting', { pinned: true }),
  event('ev-rollback', '2024-06-13T07:24:00', 'deploy-bot', 'Rolled back payments-config to v117', { kind: 'deploy' }),
  event('ev-clear', '2024-06-13T08:10:00', 'Priya Raman', 'All clear: error rate at baseline for 30 min'),
];

function milestone(id: string, kind: MilestoneKind, iso: string, eventId: string | null, note = ''): Milestone {
  return { id, incidentId: INCIDENT_ID, kind, label: kind, at: at(iso), eventId, note, createdAt: 0, updatedAt: 0 };
}

export const inc482Milestones: Milestone[] = [
  milestone('m-detect', 'Detect', '2024-06-13T06:58:00', 'ev-alert'),
  milestone('m-assemble', 'Assemble', '2024-06-13T07:01:00', 'ev-ack'),
  milestone('m-mitigate', 'Mitigate', '2024-06-13T07:24:00', 'ev-rollback', 'Config rolled back'),
  milestone('m-under-control', 'Under Control', '2024-06-13T07:35:00', null),
  milestone('m-all-clear', 'All Clear', '2024-06-13T08:10:00', 'ev-clear'),
];

function annotation(id: string, tags: AnnotationTag[], plainText: string, eventId: string | null, createdAt: string): Annotation {
  return {
    id,
    incidentId: INCIDENT_ID,
    target: eventId ? { type: 'event', eventId } : { type: 'incident' },
    eventId,
    tags,
    body: '{}',
    plainText,
    author: 'Tom Okafor',
    dismissedFindings: [],
    createdAt: at(createdAt),
    updatedAt: at(createdAt),
  };
}

export const inc482Annotations: Annotation[] = [
  annotation('a-factor', ['contributing factor'], 'Config deploys skip the canary stage', 'ev-deploy', '2024-06-14T10:00:00'),
  annotation('a-well', ['went well'], 'The 5xx alert fired within 6 minutes', 'ev-alert', '2024-06-14T10:01:00'),
  annotation('a-poorly', ['went poorly'], 'Nobody on call had payments deploy rights', null, '2024-06-14T10:02:00'),
];

export function inc482ActionItem(id: string, title: string, extra: Partial<ActionItem> = {}): ActionItem {
  return buildActionItem({ id, incidentId: INCIDENT_ID, title, createdAt: 0, updatedAt: 0, ...extra });
}

export const inc482ActionItems: ActionItem[] = [
  inc482ActionItem('ai-canary', 'Send config deploys through canary', {
    priority: 'P1',
    ownerName: 'Marco Silva',
    dueAt: at('2024-06-24T19:00:00'),
    trackerUrl: 'https://tracker.example.com/PAY-311',
  }),
  inc482ActionItem('ai-rights', 'Give the on-call rotation payments deploy rights', { priority: 'P2', ownerName: 'Priya Raman', kind: 'process' }),
];

export function inc482Records(): PostmortemRecords {
  return {
    incident: inc482Incident,
    events: inc482Events,
    milestones: inc482Milestones,
    annotations: inc482Annotations,
    actionItems: inc482ActionItems,
    people: [],
  };
}

/** The draft's date: the morning after, in PDT. */
export const INC_482_GENERATED_AT = at('2024-06-14T16:00:00');

/** The shipped template the golden file and the regeneration tests use. */
export function incidentReviewTemplate(): PostmortemTemplate {
  const template = shippedTemplates().find((t) => t.id === 'incident-review');
  if (!template) throw new Error('The incident-review template does not ship any more.');
  return template;
}
