import { z } from 'zod';

/** Settings keys this feature owns; each value is parsed with its schema when read back. */
export const filterKey = (incidentId: string) => `timeline-filter:${incidentId}`;
export const viewKey = (incidentId: string) => `timeline-view:${incidentId}`;
export const dismissedKey = (incidentId: string) => `timeline-dismissed:${incidentId}`;

export const timelineViewSchema = z.object({
  zone: z.enum(['incident', 'utc', 'viewer']).default('incident'),
  burstK: z.number().min(1).max(10).default(3),
});
export type TimelineView = z.infer<typeof timelineViewSchema>;
export const DEFAULT_VIEW: TimelineView = { zone: 'incident', burstK: 3 };

/** Burst peaks (minute start) and milestone suggestions ("kind|eventId") the user turned down. */
export const dismissedSchema = z.object({
  bursts: z.array(z.number()).default([]),
  suggestions: z.array(z.string()).default([]),
});
export type Dismissed = z.infer<typeof dismissedSchema>;
export const NOTHING_DISMISSED: Dismissed = { bursts: [], suggestions: [] };

export { sameEventSplitsKey, sameEventSplitsSchema } from '@core/timeline/same-event';
export const NO_SPLITS: string[] = [];
