import { chatTextToPlain } from '../chat-text/chat-text';
import type { TimelineEvent } from '../model/event';
import type { Milestone, MilestoneKind, StandardMilestoneKind } from '../model/milestone';
import { recogniseCanReport } from '../timeline/can-report';
import { runSteps } from '../steps';
import { severityChangeIn } from './severity-in-text';
import { pagerDutyType, sourceCandidates } from './source-rules';
import { ROLLBACK_DEPLOY, TEXT_RULES } from './text-rules';

/**
 * Milestones suggested from what the sources say, for the reviewer to confirm. Every piece of
 * evidence becomes a candidate (kind, event, confidence, reason); per kind the suggestion is the
 * EARLIEST candidate among the most confident ones (within CONFIDENCE_BAND of the best), because
 * the declaration comes first and recaps ("Mitigated by the rollback", the status page) later.
 * Candidates more than a minute away from it are offered as alternatives, so a reviewer sees
 * when the sources disagree. Severity changes written in text become custom milestones
 * ("Severity changed to SEV2"), one per change even when a bot echoes the human.
 */

export interface SuggestionCandidate {
  kind: MilestoneKind;
  at: number;
  eventId: string;
  /** 0..1: how strongly the evidence says this. */
  confidence: number;
  reason: string;
  /** The start of the event's text, to show as evidence. */
  evidence: string;
  actorName: string;
}

export interface MilestoneSuggestion extends SuggestionCandidate {
  label: string;
  /** Other candidates for the same kind at different times, most confident first. */
  alternatives: SuggestionCandidate[];
}

export type SuggestionEvent = Pick<TimelineEvent, 'id' | 'at' | 'sourceFormat' | 'kind' | 'text' | 'channel' | 'raw' | 'actorName'>;

export interface SuggestionOptions {
  /** Channel whose first message is a first responder's; inferred when absent. */
  incidentChannel?: string;
}

export const SEVERITY_CHANGED_LABEL = 'Severity changed';
export const severityLabel = (level: string) => `${SEVERITY_CHANGED_LABEL} to ${level}`;

const CONFIDENCE_BAND = 0.15;
const SAME_MOMENT_MS = 60_000;
/** A bot echoing a human's severity change within this window is the same change. */
const ECHO_MS = 2 * 60_000;
const MAX_ALTERNATIVES = 3;

const TEXT_KINDS: ReadonlySet<string> = new Set(['message', 'note']);

/** The message as a reader sees it (emoji, no formatting markers), on one line. */
function excerpt(text: string): string {
  const line = chatTextToPlain(text).replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
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
    if (count > bestCount) [best, bestCount] = [channel, count];
  }
  return best;
}

/** Every piece of evidence for a standard milestone, in event order. */
export function milestoneCandidates(events: readonly SuggestionEvent[], options: SuggestionOptions = {}): SuggestionCandidate[] {
  return runSteps(milestoneCandidateSteps([...events].sort(byTimeThenId), options));
}

/**
 * Events read between two points where a caller running this in the background may pause: each
 * event meets a dozen patterns, so a step stays about a millisecond on a slow machine (a stretch
 * given the idle time before the next frame overruns it by at most one step).
 */
const STEP = 256;

/** Time, then id: the one order every pass reads the events in. */
const byTimeThenId = (a: Pick<SuggestionEvent, 'at' | 'id'>, b: Pick<SuggestionEvent, 'at' | 'id'>) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);


/**
 * `events` in time-then-id order, pausing every few thousand events. The Timeline's list is
 * already in time order, so only the events of one millisecond are put in id order (imports at
 * second precision put hundreds there); sorting a million events at once had held the page for
 * half a second in one stretch, whatever the reader was doing. Other lists get one sort.
 */
export function* timeThenIdSteps<T extends Pick<SuggestionEvent, 'at' | 'id'>>(events: readonly T[]): Generator<void, readonly T[], void> {
  for (let i = 1; i < events.length; i++) {
    if (events[i].at < events[i - 1].at) return [...events].sort(byTimeThenId);
    if (i % STEP === 0) yield;
  }
  yield;
  let reordered: T[] | null = null;
  for (let start = 0; start < events.length; ) {
    const at = events[start].at;
    let end = start + 1;
    let inOrder = true;
    for (; end < events.length && events[end].at === at; end++) if (events[end].id < events[end - 1].id) inOrder = false;
    if (!inOrder) {
      reordered ??= events.slice();
      const group = events.slice(start, end).sort(byTimeThenId);
      for (let k = 0; k < group.length; k++) reordered[start + k] = group[k];
    }
    if (Math.floor(end / STEP) !== Math.floor(start / STEP)) yield;
    start = end;
  }
  return reordered ?? events;
}

/** milestoneCandidates, pausing (yield) every few thousand events. */
function* milestoneCandidateSteps(ordered: readonly SuggestionEvent[], options: SuggestionOptions): Generator<void, SuggestionCandidate[], void> {
  const incidentChannel = options.incidentChannel ?? inferIncidentChannel(ordered);
  yield;
  const out: SuggestionCandidate[] = [];
  const add = (event: SuggestionEvent, kind: StandardMilestoneKind, confidence: number, reason: string) =>
    out.push({ kind, at: event.at, eventId: event.id, confidence, reason, evidence: excerpt(event.text), actorName: event.actorName });

  let firstResponder = false;
  let read = 0;
  for (const event of ordered) {
    if (++read % STEP === 0) yield;
    for (const c of sourceCandidates(event)) add(event, c.kind, c.confidence, c.reason);
    if (event.kind === 'deploy' && ROLLBACK_DEPLOY.test(event.text)) add(event, 'Mitigate', 0.7, 'A deploy rolled the change back');
    if (!TEXT_KINDS.has(event.kind)) continue;
    for (const rule of TEXT_RULES) if (rule.pattern.test(event.text)) add(event, rule.kind, rule.confidence, rule.reason);
    if (!firstResponder && incidentChannel !== null && event.kind === 'message' && event.channel === incidentChannel) {
      firstResponder = true;
      add(event, 'Assemble', 0.3, `First message in ${incidentChannel}`);
    }
  }
  // CAN reports after every other candidate, in event order.
  for (const event of ordered) {
    if (++read % STEP === 0) yield;
    if (TEXT_KINDS.has(event.kind) && recogniseCanReport(event.text)) add(event, 'Verify', 0.6, 'A CAN report described the conditions');
  }
  return out;
}

/** Picks the suggestion for one kind from its candidates (see the module comment). */
function choose(candidates: SuggestionCandidate[]): MilestoneSuggestion {
  // A loop, not Math.max(...): spreading a hundred thousand candidates overflows the stack.
  const best = candidates.reduce((max, c) => Math.max(max, c.confidence), -Infinity);
  const eligible = candidates.filter((c) => c.confidence >= best - CONFIDENCE_BAND - 1e-9);
  const chosen = eligible.reduce((a, b) => (b.at < a.at ? b : a));
  const seen: number[] = [chosen.at];
  const alternatives: SuggestionCandidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.confidence - a.confidence || a.at - b.at)) {
    if (alternatives.length >= MAX_ALTERNATIVES) break;
    if (seen.some((at) => Math.abs(at - c.at) <= SAME_MOMENT_MS)) continue;
    seen.push(c.at);
    alternatives.push(c);
  }
  return { ...chosen, label: chosen.kind, alternatives };
}

function severityLevel(event: SuggestionEvent): { level: string; reason: string } | null {
  if (event.sourceFormat === 'pagerduty') {
    const type = pagerDutyType(event.raw);
    if (type === 'urgency_change' || type === 'priority_change') {
      const level = severityChangeIn(event.text);
      return { level: level ?? 'changed', reason: `PagerDuty ${type.replace('_', ' ')}${level ? ` to ${level}` : ''}` };
    }
  }
  if (!TEXT_KINDS.has(event.kind)) return null;
  const level = severityChangeIn(event.text);
  return level ? { level, reason: `Message says severity moved to ${level}` } : null;
}

/** Severity changes found in the text, one per change (a bot's echo of a human's change is merged). */
export function severityChanges(events: readonly SuggestionEvent[]): MilestoneSuggestion[] {
  return runSteps(severityChangeSteps([...events].sort(byTimeThenId)));
}

function* severityChangeSteps(ordered: readonly SuggestionEvent[]): Generator<void, MilestoneSuggestion[], void> {
  const changes: MilestoneSuggestion[] = [];
  let read = 0;
  for (const event of ordered) {
    if (++read % STEP === 0) yield;
    const found = severityLevel(event);
    if (!found) continue;
    const echo = changes.find((c) => c.label === severityLabel(found.level) && event.at - c.at <= ECHO_MS);
    const candidate: SuggestionCandidate = { kind: 'Custom', at: event.at, eventId: event.id, confidence: 0.9, reason: found.reason, evidence: excerpt(event.text), actorName: event.actorName };
    if (echo) echo.alternatives.push(candidate);
    else changes.push({ ...candidate, label: severityLabel(found.level), alternatives: [] });
  }
  return changes;
}

export function suggestMilestones(
  events: readonly SuggestionEvent[],
  existing: readonly Pick<Milestone, 'kind' | 'eventId'>[],
  options: SuggestionOptions = {},
): MilestoneSuggestion[] {
  return runSteps(suggestMilestonesSteps(events, existing, options));
}

/** suggestMilestones, pausing (yield) every few thousand events, for a view that computes it in slices. */
export function* suggestMilestonesSteps(
  events: readonly SuggestionEvent[],
  existing: readonly Pick<Milestone, 'kind' | 'eventId'>[],
  options: SuggestionOptions = {},
): Generator<void, MilestoneSuggestion[], void> {
  const taken = new Set<MilestoneKind>(existing.filter((m) => m.kind !== 'Custom').map((m) => m.kind));
  const customEventIds = new Set(existing.filter((m) => m.kind === 'Custom' && m.eventId !== null).map((m) => m.eventId));
  const byKind = new Map<MilestoneKind, SuggestionCandidate[]>();
  const ordered = yield* timeThenIdSteps(events);
  yield;
  const candidates = yield* milestoneCandidateSteps(ordered, options);
  yield;
  for (const c of candidates) {
    if (taken.has(c.kind)) continue;
    const list = byKind.get(c.kind);
    if (list) list.push(c);
    else byKind.set(c.kind, [c]);
  }
  const standard = [...byKind.values()].map(choose);
  yield;
  const severity = (yield* severityChangeSteps(ordered)).filter((s) => !customEventIds.has(s.eventId) && !s.alternatives.some((a) => customEventIds.has(a.eventId)));
  return [...standard, ...severity].sort((a, b) => a.at - b.at);
}

/** "High", "Medium" or "Low", as the panel shows a confidence. */
export function confidenceLabel(confidence: number): 'High' | 'Medium' | 'Low' {
  return confidence >= 0.8 ? 'High' : confidence >= 0.5 ? 'Medium' : 'Low';
}
