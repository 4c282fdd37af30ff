import { STANDARD_MILESTONE_KINDS, type Milestone, type MilestoneKind, type StandardMilestoneKind } from '@core/model/milestone';

/** The order an incident normally moves through; custom milestones have no place in it. */
export const MILESTONE_ORDER: readonly StandardMilestoneKind[] = STANDARD_MILESTONE_KINDS;

export function milestoneRank(kind: MilestoneKind): number | null {
  const rank = (MILESTONE_ORDER as readonly MilestoneKind[]).indexOf(kind);
  return rank === -1 ? null : rank;
}

export type OrderedMilestone = Pick<Milestone, 'id' | 'kind' | 'label' | 'at'>;

export interface MilestoneOrderWarning {
  /** Comes first in the canonical order but was recorded later. */
  expectedFirst: OrderedMilestone;
  expectedSecond: OrderedMilestone;
  message: string;
}

/**
 * Pairs of milestones recorded in the opposite of the canonical order. Real incidents do
 * this (a fix lands before anyone declares Verify), so it is only ever a warning for the
 * reviewer to look at, never a reason to refuse a milestone. Equal instants are fine.
 */
export function checkMilestoneOrder(milestones: readonly OrderedMilestone[]): MilestoneOrderWarning[] {
  const ranked = milestones
    .map((milestone) => ({ milestone, rank: milestoneRank(milestone.kind) }))
    .filter((entry): entry is { milestone: OrderedMilestone; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.milestone.at - b.milestone.at);
  const warnings: MilestoneOrderWarning[] = [];
  for (let i = 0; i < ranked.length; i++) {
    for (let j = i + 1; j < ranked.length; j++) {
      const first = ranked[i];
      const second = ranked[j];
      if (first.rank === second.rank || first.milestone.at <= second.milestone.at) continue;
      warnings.push({
        expectedFirst: first.milestone,
        expectedSecond: second.milestone,
        message: `"${first.milestone.label}" is recorded after "${second.milestone.label}", but ${first.milestone.kind} usually comes before ${second.milestone.kind}.`,
      });
    }
  }
  return warnings;
}
