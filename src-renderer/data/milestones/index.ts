/** Milestones of an incident (Under Control, All Clear, custom ones); key moments are pinned events in data/events. */
export { addMilestone, updateMilestone, deleteMilestone, restoreMilestone, type MilestoneDraft } from './milestone-writes';
export { useMilestones } from './use-milestones';
export { MilestoneError, type MilestoneErrorCode } from './milestone-error';
