export const STAGES = ['Detect', 'Assemble', 'Verify', 'Dispatch', 'Mitigate', 'Repair', 'Review', 'Action Items'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The standard milestones in the order an incident normally moves through them. Under Control
 * (customer impact contained) comes before Repair (the lasting fix), as the stage spans, the
 * impact phases and the fixture incidents have it: the other way round, the order check warned
 * on every ordinary incident.
 */
export const STANDARD_MILESTONE_KINDS = ['Detect', 'Assemble', 'Verify', 'Dispatch', 'Mitigate', 'Under Control', 'Repair', 'All Clear'] as const;
export type StandardMilestoneKind = (typeof STANDARD_MILESTONE_KINDS)[number];
/**
 * When customers were affected, which need not be when the incident started (an outage can
 * begin 20 minutes into an incident). Not stages, so they have no place in the stage order.
 */
export const IMPACT_MILESTONE_KINDS = ['Impact start', 'Impact end'] as const;
/** Custom stays ninth so the picker's digit keys 1–9 keep their meaning. */
export const MILESTONE_KINDS = [...STANDARD_MILESTONE_KINDS, 'Custom', ...IMPACT_MILESTONE_KINDS] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const PHASES = ['Customer Impact', 'Operations Impact', 'Learning & Prevention'] as const;
export type Phase = (typeof PHASES)[number];

/** A custom milestone can stand for the start or end of customer impact. */
export const IMPACT_MARKS = ['start', 'end'] as const;
export type ImpactMark = (typeof IMPACT_MARKS)[number];

export interface Milestone {
  id: string;
  incidentId: string;
  kind: MilestoneKind;
  /** Shown name; equals kind except for custom milestones. */
  label: string;
  at: number;
  eventId: string | null;
  note: string;
  /** Only on custom milestones: this one marks when customer impact started or ended. */
  impact?: ImpactMark | null;
  createdAt: number;
  updatedAt: number;
}
