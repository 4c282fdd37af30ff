import type { Incident } from '../model/incident';
import type { Milestone, Phase } from '../model/milestone';
import { durationBetween } from './elapsed';
import { DEFAULT_METRIC_OPTIONS, type MetricOptions } from './metric-options';

/**
 * The one definition of every incident metric. The Metrics panel, the postmortem (its tables,
 * sentences and Markdown front matter) and cross-incident analytics all read these numbers and
 * these names; nothing else computes a "time to X".
 *
 * Each metric runs between two anchors:
 * - start          the incident's “Started” time
 * - detect         the Detect milestone, else the incident's “Detected” time
 * - assemble       the Assemble milestone (a responder acknowledged and people gathered)
 * - mitigate       the Mitigate milestone
 * - underControl   the Under Control milestone
 * - allClear       the All Clear milestone, else the incident's “Resolved” time
 * - impactStart    the Impact start milestone (or a custom milestone marked as impact start),
 *                  else the incident's start: customers may be hit 20 minutes into an incident
 * - impactEnd      the Impact end milestone (or a custom one marked as impact end), else Under
 *                  Control, or Mitigate when the team chose that in the settings
 *
 * When several milestones give the same anchor, the earliest counts.
 */

export const METRIC_KEYS = ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToUnderControl', 'timeToAllClear', 'customerImpact'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const ANCHORS = ['start', 'detect', 'assemble', 'mitigate', 'underControl', 'allClear', 'impactStart', 'impactEnd'] as const;
export type Anchor = (typeof ANCHORS)[number];

export interface MetricDefinition {
  key: MetricKey;
  /** The name shown everywhere: panel, postmortem, exports. */
  label: string;
  /** The usual abbreviation, for tables and front matter readers. */
  abbreviation: string;
  from: Anchor;
  to: Anchor;
}

export const METRICS: Record<MetricKey, MetricDefinition> = {
  timeToDetect: { key: 'timeToDetect', label: 'Time to detect', abbreviation: 'TTD', from: 'start', to: 'detect' },
  timeToAcknowledge: { key: 'timeToAcknowledge', label: 'Time to acknowledge', abbreviation: 'TTA', from: 'detect', to: 'assemble' },
  timeToMitigate: { key: 'timeToMitigate', label: 'Time to mitigate', abbreviation: 'TTM', from: 'start', to: 'mitigate' },
  timeToUnderControl: { key: 'timeToUnderControl', label: 'Time to Under Control', abbreviation: 'TTUC', from: 'start', to: 'underControl' },
  timeToAllClear: { key: 'timeToAllClear', label: 'Time to All Clear', abbreviation: 'TTR', from: 'start', to: 'allClear' },
  customerImpact: { key: 'customerImpact', label: 'Customer-impact duration', abbreviation: 'Impact', from: 'impactStart', to: 'impactEnd' },
};

export type MetricIncident = Pick<Incident, 'startedAt' | 'detectedAt' | 'resolvedAt' | 'reviewAt'>;
export type MetricMilestone = Pick<Milestone, 'kind' | 'at'> & Partial<Pick<Milestone, 'impact' | 'label'>>;

export interface AnchorTime {
  at: number | null;
  /** Where the instant came from, e.g. "Under Control milestone (default impact end)". */
  source: string;
  /** What the user can record to set it, when it is missing. */
  needs: string;
}

export interface PhaseSpan {
  phase: Phase;
  from: number | null;
  to: number | null;
  /** Milliseconds; null when either end is unknown. */
  duration: number | null;
}

export interface MetricValue {
  key: MetricKey;
  label: string;
  /** Milliseconds; null when an end is missing, negative when the ends are out of order. */
  ms: number | null;
  /** What to record to get the value ("the incident’s Started time", "an Assemble milestone"). */
  needs: string[];
  /** How the value was measured, e.g. "Impact start milestone → Under Control milestone". */
  explanation: string;
}

export interface IncidentMetrics {
  anchors: Record<Anchor, AnchorTime>;
  metrics: Record<MetricKey, MetricValue>;
  /** Customer Impact, Operations Impact, Learning & Prevention, consecutive. */
  phases: PhaseSpan[];
}

const STARTED = 'the incident’s Started time';

function earliestOf(milestones: readonly MetricMilestone[], match: (m: MetricMilestone) => boolean): MetricMilestone | null {
  let best: MetricMilestone | null = null;
  for (const m of milestones) {
    if (!Number.isFinite(m.at) || !match(m)) continue;
    if (best === null || m.at < best.at) best = m;
  }
  return best;
}

function fromMilestone(milestones: readonly MetricMilestone[], kind: Milestone['kind'], needs: string): AnchorTime {
  const m = earliestOf(milestones, (x) => x.kind === kind);
  return m ? { at: m.at, source: `${kind} milestone`, needs } : { at: null, source: '', needs };
}

function orIncidentTime(anchor: AnchorTime, at: number | null, field: string): AnchorTime {
  return anchor.at !== null || at === null ? anchor : { at, source: `the incident’s ${field} time`, needs: anchor.needs };
}

function impactAnchor(milestones: readonly MetricMilestone[], mark: 'start' | 'end'): AnchorTime | null {
  const kind = mark === 'start' ? 'Impact start' : 'Impact end';
  const m = earliestOf(milestones, (x) => x.kind === kind || (x.kind === 'Custom' && x.impact === mark));
  if (!m) return null;
  return { at: m.at, source: m.kind === 'Custom' ? `“${m.label ?? 'Custom'}” (marked as ${kind.toLowerCase()})` : `${kind} milestone`, needs: '' };
}

export function resolveAnchors(incident: MetricIncident, milestones: readonly MetricMilestone[], options: MetricOptions = DEFAULT_METRIC_OPTIONS): Record<Anchor, AnchorTime> {
  const start: AnchorTime = { at: incident.startedAt, source: incident.startedAt === null ? '' : 'the incident’s Started time', needs: STARTED };
  const mitigate = fromMilestone(milestones, 'Mitigate', 'a Mitigate milestone');
  const underControl = fromMilestone(milestones, 'Under Control', 'an Under Control milestone');
  const defaultEnd = options.impactEndDefault === 'Mitigate' ? mitigate : underControl;
  return {
    start,
    detect: orIncidentTime(fromMilestone(milestones, 'Detect', 'a Detect milestone'), incident.detectedAt, 'Detected'),
    assemble: fromMilestone(milestones, 'Assemble', 'an Assemble milestone'),
    mitigate,
    underControl,
    allClear: orIncidentTime(fromMilestone(milestones, 'All Clear', 'an All Clear milestone'), incident.resolvedAt, 'Resolved'),
    impactStart: impactAnchor(milestones, 'start') ?? { ...start, source: start.at === null ? '' : 'the incident’s Started time (no Impact start milestone)', needs: `an Impact start milestone or ${STARTED}` },
    impactEnd: impactAnchor(milestones, 'end') ?? {
      at: defaultEnd.at,
      source: defaultEnd.at === null ? '' : `${options.impactEndDefault} milestone (no Impact end milestone)`,
      needs: `an Impact end or ${options.impactEndDefault} milestone`,
    },
  };
}

export function computeIncidentMetrics(incident: MetricIncident, milestones: readonly MetricMilestone[], options: MetricOptions = DEFAULT_METRIC_OPTIONS): IncidentMetrics {
  const anchors = resolveAnchors(incident, milestones, options);
  const metrics = Object.fromEntries(
    METRIC_KEYS.map((key) => {
      const def = METRICS[key];
      const from = anchors[def.from];
      const to = anchors[def.to];
      const needs = [from, to].filter((a) => a.at === null).map((a) => a.needs);
      const explanation = needs.length === 0 ? `${from.source} → ${to.source}` : '';
      return [key, { key, label: def.label, ms: durationBetween(from.at, to.at), needs, explanation }];
    }),
  ) as Record<MetricKey, MetricValue>;
  const { impactStart, impactEnd, allClear } = anchors;
  return {
    anchors,
    metrics,
    phases: [
      { phase: 'Customer Impact', from: impactStart.at, to: impactEnd.at, duration: durationBetween(impactStart.at, impactEnd.at) },
      { phase: 'Operations Impact', from: impactEnd.at, to: allClear.at, duration: durationBetween(impactEnd.at, allClear.at) },
      { phase: 'Learning & Prevention', from: allClear.at, to: incident.reviewAt, duration: durationBetween(allClear.at, incident.reviewAt) },
    ],
  };
}

/** Whole seconds per metric, as the postmortem and the front matter write them. */
export function metricSeconds(metrics: IncidentMetrics): Record<MetricKey, number | null> {
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
  return Object.fromEntries(METRIC_KEYS.map((key) => [key, seconds(metrics.metrics[key].ms)])) as Record<MetricKey, number | null>;
}
