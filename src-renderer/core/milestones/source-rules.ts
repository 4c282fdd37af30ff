import type { TimelineEvent } from '../model/event';
import type { StandardMilestoneKind } from '../model/milestone';

/**
 * State changes the tools record. They are weaker evidence than what responders wrote: a
 * PagerDuty acknowledgement is one person picking up a page, a Statuspage update is what the
 * public was told, often many minutes after the team knew. `raw` is the untrusted original
 * record and is read defensively.
 */
export interface SourceCandidate {
  kind: StandardMilestoneKind;
  confidence: number;
  reason: string;
}

export type SourceEvent = Pick<TimelineEvent, 'sourceFormat' | 'kind' | 'text' | 'raw'>;

/**
 * The formats whose original records (`raw`) the suggestions read. The timeline loads `raw` for
 * these sources only: a million chat messages' originals would cost hundreds of MB for nothing.
 */
export const SUGGESTION_RAW_FORMATS: ReadonlySet<string> = new Set(['pagerduty', 'statuspage', 'alertmanager']);

function rawField(raw: unknown, field: string): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}

/** PagerDuty writes both `trigger` and `trigger_log_entry`; compare on the bare verb. */
export function pagerDutyType(raw: unknown): string | null {
  const type = rawField(raw, 'type');
  return type === null ? null : type.toLowerCase().replace(/_log_entry$/, '');
}

const PAGERDUTY: Record<string, SourceCandidate[]> = {
  trigger: [{ kind: 'Detect', confidence: 0.9, reason: 'PagerDuty triggered the incident' }],
  acknowledge: [{ kind: 'Assemble', confidence: 0.6, reason: 'PagerDuty page acknowledged by a responder' }],
  // A PagerDuty resolve means responders closed the page, i.e. the all-clear; it says nothing
  // about whether the underlying fix shipped, so it is never suggested as Repair.
  resolve: [{ kind: 'All Clear', confidence: 0.6, reason: 'PagerDuty incident resolved' }],
};

const STATUSPAGE: Record<string, SourceCandidate[]> = {
  investigating: [
    { kind: 'Detect', confidence: 0.3, reason: 'Statuspage update: investigating' },
    { kind: 'Assemble', confidence: 0.2, reason: 'Statuspage update: investigating' },
  ],
  identified: [
    { kind: 'Verify', confidence: 0.3, reason: 'Statuspage update: identified' },
    { kind: 'Dispatch', confidence: 0.2, reason: 'Statuspage update: identified' },
  ],
  monitoring: [
    { kind: 'Mitigate', confidence: 0.3, reason: 'Statuspage update: monitoring' },
    { kind: 'Under Control', confidence: 0.3, reason: 'Statuspage update: monitoring' },
  ],
  resolved: [{ kind: 'All Clear', confidence: 0.3, reason: 'Statuspage update: resolved' }],
};

export function sourceCandidates(event: SourceEvent): SourceCandidate[] {
  switch (event.sourceFormat) {
    case 'pagerduty':
      return PAGERDUTY[pagerDutyType(event.raw) ?? ''] ?? [];
    case 'statuspage':
      return STATUSPAGE[rawField(event.raw, 'status')?.toLowerCase() ?? ''] ?? [];
    case 'alertmanager':
      return rawField(event.raw, 'status')?.toLowerCase() === 'firing' ? [{ kind: 'Detect', confidence: 0.85, reason: 'Alertmanager alert started firing' }] : [];
    default:
      return [];
  }
}
