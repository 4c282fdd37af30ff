import type { TimelineEvent } from '@core/model/event';
import { newTimelineEvent } from '@core/model/new-event';
import type { CanReport } from '@core/timeline/can-report';

/**
 * Events typed in by hand: what no source recorded (a phone call, a decision in a hallway)
 * and structured CAN reports. They live in the incident's manual pseudo-source so they are
 * always visible and never collide with imports.
 */
export interface ManualEventInput {
  incidentId: string;
  sourceId: string;
  at: number;
  /** The time as the user typed it, with its zone, kept as the "original time". */
  typed: string;
  actorName: string;
  text: string;
  kind?: TimelineEvent['kind'];
  raw?: unknown;
  pinned?: boolean;
}

export function buildManualEvent(input: ManualEventInput, id: string): TimelineEvent {
  return newTimelineEvent({
    id,
    incidentId: input.incidentId,
    sourceId: input.sourceId,
    sourceFormat: 'manual',
    dedupeKey: `manual:${id}`,
    kind: input.kind ?? 'note',
    at: input.at,
    originalTime: input.typed,
    actorName: input.actorName.trim(),
    text: input.text.trim(),
    pinned: input.pinned ?? false,
    raw: input.raw ?? { manual: true },
  });
}

/** The text of an authored CAN report: the three headings `recogniseCanReport` reads back. */
export function canReportText(report: CanReport): string {
  return `Conditions:\n${report.conditions.trim()}\n\nActions:\n${report.actions.trim()}\n\nNeeds:\n${report.needs.trim()}`;
}

/** The structured CAN report an authored note carries in `raw`, if any. */
export function structuredCanReport(raw: unknown): CanReport | null {
  if (typeof raw !== 'object' || raw === null || !('can' in raw)) return null;
  const can = (raw as { can: unknown }).can;
  if (typeof can !== 'object' || can === null) return null;
  const { conditions, actions, needs } = can as Record<string, unknown>;
  if (typeof conditions !== 'string' || typeof actions !== 'string' || typeof needs !== 'string') return null;
  return { conditions, actions, needs };
}
