export const STAGES = ['Detect', 'Assemble', 'Verify', 'Dispatch', 'Mitigate', 'Repair', 'Review', 'Action Items'] as const;
export type Stage = (typeof STAGES)[number];

export const MILESTONE_KINDS = [
  'Detect',
  'Assemble',
  'Verify',
  'Dispatch',
  'Mitigate',
  'Repair',
  'Under Control',
  'All Clear',
  'Custom',
] as const;
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
