import type { ActionItem } from '../model/action-item';
import { buildActionItem } from '../action-items/item-builder';
import type { Annotation, AnnotationTag } from '../model/annotation';
import type { TimelineEvent } from '../model/event';
import { newTimelineEvent } from '../model/new-event';
import type { Incident } from '../model/incident';
import type { Milestone, MilestoneKind } from '../model/milestone';
import type { PostmortemContextInput } from './build-postmortem-context';

/** A realistic SEV2 used by the postmortem tests; times are 2024-06-12 UTC, shown in Berlin (UTC+2). */
const t = (hhmm: string) => Date.parse(`2024-06-12T${hhmm}:00Z`);

export const checkoutIncident: Incident = {
  id: 'inc-checkout',
  title: 'Checkout API errors | EU',
  severity: 'SEV2',
  status: 'in-review',
  startedAt: t('13:58'),
  detectedAt: t('14:02'),
  resolvedAt: t('15:10'),
  reviewAt: Date.parse('2024-06-14T09:00:00Z'),
  timeZone: 'Europe/Berlin',
  services: ['checkout-api', 'payments'],
  commander: 'Alice Smith',
  roles: [
    { role: 'Scribe', name: 'Dana' },
    { role: 'Subject-matter expert', name: 'Bob Jones' },
  ],
  summary: 'A config change lowered the DB pool size.\nCheckout returned 5xx for *some* EU users.',
  createdAt: t('14:30'),
  updatedAt: t('16:00'),
  deletedAt: null,
};

function event(id: string, hhmm: string, actorName: string, text: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return newTimelineEvent({
    id,
    incidentId: checkoutIncident.id,
    sourceId: 'src-1',
    sourceFormat: 'slack-export',
    dedupeKey: `slack-export:${id}`,
    at: t(hhmm),
    originalTime: hhmm,
    actorName,
    channel: '#inc-checkout',
    text,
    ...extra,
  });
}

export const checkoutEvents: TimelineEvent[] = [
  event('ev-deploy', '13:58', 'deploy-bot', 'Deployed config v42 to eu-west', { kind: 'deploy' }),
  event('ev-alert', '14:02', 'Alertmanager', 'CheckoutErrorRate > 5% [firing]', { kind: 'alert', pinned: true }),
  event('ev-ack', '14:04', 'Alice Smith', 'ack, looking. Dashboard: <script>alert(1)</script>'),
  event('ev-secret', '14:06', 'Bob Jones', 'token is hunter2 do not share', { redacted: true }),
  event('ev-verify', '14:09', 'Bob Jones', 'Confirmed: pool size is 5 | should be 50. Password abc123 here', {
    redactions: [{ start: 51, end: 57 }],
  }),
  event('ev-rollback', '14:20', 'Bob Jones', 'Rolling back config v42 -> v41', { pinned: true }),
  event('ev-clear', '15:10', 'Alice Smith', 'All clear, error rate back to baseline'),
];

function milestone(id: string, kind: MilestoneKind, hhmm: string, eventId: string | null, note = ''): Milestone {
  return { id, incidentId: checkoutIncident.id, kind, label: kind, at: t(hhmm), eventId, note, createdAt: 0, updatedAt: 0 };
}

export const checkoutMilestones: Milestone[] = [
  milestone('m-detect', 'Detect', '14:02', 'ev-alert'),
  milestone('m-assemble', 'Assemble', '14:04', 'ev-ack'),
  milestone('m-verify', 'Verify', '14:09', 'ev-verify'),
  milestone('m-mitigate', 'Mitigate', '14:20', 'ev-rollback', 'Rollback started'),
  milestone('m-under-control', 'Under Control', '14:35', null),
  milestone('m-all-clear', 'All Clear', '15:10', 'ev-clear'),
];

function annotation(id: string, tags: AnnotationTag[], plainText: string, eventId: string | null, createdAt: number): Annotation {
  return {
    id,
    incidentId: checkoutIncident.id,
    target: eventId ? { type: 'event', eventId } : { type: 'incident' },
    eventId,
    tags,
    body: '{}',
    plainText,
    author: 'Dana',
    dismissedFindings: [],
    createdAt,
    updatedAt: createdAt,
  };
}

export const checkoutAnnotations: Annotation[] = [
  annotation('a-factor', ['contributing factor'], 'Config changes skip the canary stage', 'ev-deploy', t('16:00')),
  annotation('a-well', ['went well'], 'Alert fired within 4 minutes', 'ev-alert', t('16:01')),
  annotation('a-poorly', ['went poorly'], 'Rollback runbook was out of date', null, t('16:02')),
  annotation('a-lucky', ['where we got lucky', 'went well'], 'Low traffic: it was a holiday in FR', null, t('16:03')),
  annotation('a-hidden', ['went poorly'], 'About the redacted message', 'ev-secret', t('16:04')),
];

function action(id: string, title: string, extra: Partial<ActionItem>): ActionItem {
  return buildActionItem({ id, incidentId: checkoutIncident.id, title, createdAt: 0, updatedAt: 0, ...extra });
}

export const checkoutActionItems: ActionItem[] = [
  action('ai-runbook', 'Update rollback runbook', { priority: 'P3', ownerName: 'Dana', kind: 'process', dueAt: Date.parse('2024-07-12T12:00:00Z') }),
  action('ai-canary', 'Send config changes through canary', {
    priority: 'P1',
    ownerName: 'Bob Jones',
    status: 'in-progress',
    dueAt: Date.parse('2024-06-19T12:00:00Z'),
    trackerUrl: 'https://tracker.example.com/OPS-12',
  }),
  action('ai-alert', 'Alert on pool saturation', { priority: 'P2', kind: 'detect', trackerUrl: 'javascript:alert(1)' }),
];

export function checkoutContextInput(): PostmortemContextInput {
  return {
    incident: checkoutIncident,
    events: checkoutEvents,
    milestones: checkoutMilestones,
    annotations: checkoutAnnotations,
    actionItems: checkoutActionItems,
    canReports: [
      {
        id: 'can-1',
        at: t('14:15'),
        author: 'Alice Smith',
        conditions: 'Checkout 5xx at 30% in EU',
        actions: 'Rolling back config v42',
        needs: 'Payments on-call to confirm\nno double charges',
        eventId: null,
      },
    ],
    authors: ['Dana', 'Alice Smith'],
    generatedAt: Date.parse('2024-06-14T10:00:00Z'),
  };
}
