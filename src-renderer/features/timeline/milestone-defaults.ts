import type { Milestone, MilestoneKind } from '@core/model/milestone';
import { MILESTONE_ORDER } from '@core/timeline/milestone-order';

/** The picker starts on the first standard milestone not yet set, as reviews walk the incident in order. */
export function defaultMilestoneKind(existing: readonly Pick<Milestone, 'kind'>[]): MilestoneKind {
  const taken = new Set(existing.map((m) => m.kind));
  return MILESTONE_ORDER.find((kind) => !taken.has(kind)) ?? 'Custom';
}
