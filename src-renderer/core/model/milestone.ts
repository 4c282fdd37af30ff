export const STAGES = ['Detect', 'Assemble', 'Verify', 'Dispatch', 'Mitigate', 'Repair', 'Review', 'Action Items'] as const;
export type Stage = (typeof STAGES)[number];

/** The standard milestones in the order an incident normally moves through them. */
export const STANDARD_MILESTONE_KINDS = ['Detect', 'Assemble', 'Verify', 'Dispatch', 'Mitigate', 'Repair', 'Under Control', 'All Clear'] as const;
export const MILESTONE_KINDS = [...STANDARD_MILESTONE_KINDS, 'Custom'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const PHASES = ['Customer Impact', 'Operations Impact', 'Learning & Prevention'] as const;
export type Phase = (typeof PHASES)[number];

export interface Milestone {
  id: string;
  incidentId: string;
  kind: MilestoneKind;
  /** Shown name; equals kind except for custom milestones. */
  label: string;
  at: number;
  eventId: string | null;
  note: string;
  createdAt: number;
  updatedAt: number;
}
