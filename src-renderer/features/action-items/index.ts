export { ActionItemsTab } from './ActionItemsTab';
export { ActionItemsOverview } from './ActionItemsOverview';
export { ActionItemQuickAdd } from './ActionItemQuickAdd';
export { ActionItemNotifier, checkActionItemNotifications } from './ActionItemNotifier';
export { useDueDatesFollowIncident } from './use-due-dates-follow-incident';
