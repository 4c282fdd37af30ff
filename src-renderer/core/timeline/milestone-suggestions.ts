import type { TimelineEvent } from '@core/model/event';
import type { Milestone, MilestoneKind } from '@core/model/milestone';

/**
 * Milestones guessed from imported events. They are only suggestions: the reviewer confirms
 * each one, so the rules favour recall and say why they fired (`reason`).
 *
 * Rules (the earliest matching event wins for each standard kind):
 * - PagerDuty log entry `trigger` → Detect; `acknowledge` → Assemble; `resolve` → All Clear.
 *   A PagerDuty resolve means responders closed the page, i.e. the all-clear; it says nothing
 *   about whether the underlying fix shipped, so it is never suggested as Repair.
 *   `urgency_change` (and `priority_change`) → custom "Severity changed".
 * - Statuspage update `investigating` → Detect and Assemble (the public admits the problem and
 *   someone is on it); `identified` → Verify and Dispatch (cause confirmed, fix being sent);
 *   `monitoring` → Mitigate and Under Control (fix out, watching); `resolved` → All Clear.
 * - Alertmanager `firing` alert → Detect.
 * - First message in the incident channel → Assemble. The incident channel is the one passed
 *   in, else the Slack channel with the most messages (the war room usually dominates).
 * - Any message saying the severity/priority moved ("upgrading to SEV1", "priority changed to
 *   P2", "bumping this to sev-2") → custom "Severity changed", one per event.
 *
 * Standard kinds already present in `existing` are skipped; a severity change already pinned
 * to the same event is skipped. `raw` is the untrusted original record and is read defensively.
 */

export interface MilestoneSuggestion {
  kind: MilestoneKind;
  label: string;
  at: number;
  eventId: string;
  reason: string;
}

export type SuggestionEvent = Pick<TimelineEvent, 'id' | 'at' | 'sourceFormat' | 'kind' | 'text' | 'channel' | 'raw'>;

export interface SuggestionOptions {
  /** Channel whose first message marks Assemble; inferred when absent. */
  incidentChannel?: string;
}

export const SEVERITY_CHANGED_LABEL = 'Severity changed';

interface Candidate {
  kind: MilestoneKind;
  reason: string;
}

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
function pagerDutyType(raw: unknown): string | null {
  const type = rawField(raw, 'type');
  return type === null ? null : type.toLowerCase().replace(/_log_entry$/, '');
}

function pagerDutyCandidates(event: SuggestionEvent): Candidate[] {
  switch (pagerDutyType(event.raw)) {
    case 'trigger':
      return [{ kind: 'Detect', reason: 'PagerDuty triggered the incident' }];
    case 'acknowledge':
      return [{ kind: 'Assemble', reason: 'PagerDuty incident acknowledged by a responder' }];
    case 'resolve':
      return [{ kind: 'All Clear', reason: 'PagerDuty incident resolved' }];
    default:
      return [];
  }
}

const STATUSPAGE_RULES: Record<string, Candidate[]> = {
  investigating: [
    { kind: 'Detect', reason: 'Statuspage update: investigating' },
    { kind: 'Assemble', reason: 'Statuspage update: investigating' },
  ],
  identified: [
    { kind: 'Verify', reason: 'Statuspage update: identified' },
    { kind: 'Dispatch', reason: 'Statuspage update: identified' },
  ],
  monitoring: [
    { kind: 'Mitigate', reason: 'Statuspage update: monitoring' },
    { kind: 'Under Control', reason: 'Statuspage update: monitoring' },
  ],
  resolved: [{ kind: 'All Clear', reason: 'Statuspage update: resolved' }],
};

function statuspageCandidates(event: SuggestionEvent): Candidate[] {
  const status = rawField(event.raw, 'status')?.toLowerCase();
  return status === undefined ? [] : (STATUSPAGE_RULES[status] ?? []);
}

function alertmanagerCandidates(event: SuggestionEvent): Candidate[] {
  return rawField(event.raw, 'status')?.toLowerCase() === 'firing' ? [{ kind: 'Detect', reason: 'Alertmanager alert started firing' }] : [];
}

// Bare "P1"/"high" only count next to the words severity/priority/urgency: "moved traffic to
// p1" names a cluster far more often than a priority.
const SEV_LEVEL = String.raw`(?:sev(?:erity)?[\s-]?[0-5])`;
const ANY_LEVEL = String.raw`(?:sev(?:erity)?[\s-]?[0-5]|p[0-5]|high|low|critical|major|minor)`;
const SEVERITY_PATTERNS = [
  // "upgrading to SEV1", "bumping this to sev-2", "downgraded to SEV3"
  new RegExp(String.raw`\b(?:upgrad|downgrad|escalat|bump|rais|lower|mov|chang|reclassif)\w*\b[^.!?\n]{0,40}?\bto\s+(?:an?\s+)?(${SEV_LEVEL})\b`, 'i'),
  // "severity changed to SEV2", "priority set to P1", "urgency changed from low to high"
  new RegExp(String.raw`\b(?:severity|priority|urgency)\b[^.!?\n]{0,40}?\bto\s+(${ANY_LEVEL})\b`, 'i'),
  // "now a SEV1", "this is now SEV2"
  new RegExp(String.raw`\bnow\s+(?:an?\s+)?(sev[\s-]?[0-5])\b`, 'i'),
];

/** The new level named by a severity-change message, or null when it is not one. */
export function severityChangeIn(text: string): string | null {
  for (const pattern of SEVERITY_PATTERNS) {
    const match = pattern.exec(text);
    const level = match?.[1];
    if (level === undefined) continue;
    const sev = /^sev(?:erity)?[\s-]?([0-5])$/i.exec(level);
    return sev ? `SEV${sev[1]}` : level.toUpperCase();
  }
  return null;
}

function severityChange(event: SuggestionEvent): string | null {
  if (event.sourceFormat === 'pagerduty') {
    const type = pagerDutyType(event.raw);
    if (type === 'urgency_change' || type === 'priority_change') {
      const level = severityChangeIn(event.text);
      return `PagerDuty ${type.replace('_', ' ')}${level ? ` to ${level}` : ''}`;
    }
  }
  const level = severityChangeIn(event.text);
  return level ? `Message says severity moved to ${level}` : null;
}

function inferIncidentChannel(events: readonly SuggestionEvent[]): string | null {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.sourceFormat !== 'slack-export' || event.kind !== 'message' || event.channel === '') continue;
    counts.set(event.channel, (counts.get(event.channel) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [channel, count] of counts) {
    if (count > bestCount) {
      best = channel;
      bestCount = count;
    }
  }
  return best;
}

export function suggestMilestones(
  events: readonly SuggestionEvent[],
  existing: readonly Pick<Milestone, 'kind' | 'eventId'>[],
  options: SuggestionOptions = {},
): MilestoneSuggestion[] {
  const taken = new Set(existing.filter((m) => m.kind !== 'Custom').map((m) => m.kind));
  const customEventIds = new Set(existing.filter((m) => m.kind === 'Custom' && m.eventId !== null).map((m) => m.eventId));
  const ordered = [...events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const incidentChannel = options.incidentChannel ?? inferIncidentChannel(ordered);

  const byKind = new Map<MilestoneKind, MilestoneSuggestion>();
  const severity: MilestoneSuggestion[] = [];
  let channelSeen = false;

  const offer = (event: SuggestionEvent, candidate: Candidate) => {
    if (taken.has(candidate.kind) || byKind.has(candidate.kind)) return;
    byKind.set(candidate.kind, { kind: candidate.kind, label: candidate.kind, at: event.at, eventId: event.id, reason: candidate.reason });
  };

  for (const event of ordered) {
    const candidates =
      event.sourceFormat === 'pagerduty'
        ? pagerDutyCandidates(event)
        : event.sourceFormat === 'statuspage'
          ? statuspageCandidates(event)
          : event.sourceFormat === 'alertmanager'
            ? alertmanagerCandidates(event)
            : [];
    for (const candidate of candidates) offer(event, candidate);

    if (!channelSeen && incidentChannel !== null && event.kind === 'message' && event.channel === incidentChannel) {
      channelSeen = true;
      offer(event, { kind: 'Assemble', reason: `First message in ${incidentChannel}` });
    }

    const change = severityChange(event);
    if (change !== null && !customEventIds.has(event.id)) {
      severity.push({ kind: 'Custom', label: SEVERITY_CHANGED_LABEL, at: event.at, eventId: event.id, reason: change });
    }
  }
  return [...byKind.values(), ...severity].sort((a, b) => a.at - b.at);
}
