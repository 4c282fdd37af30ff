export { ActionItemsTab } from './ActionItemsTab';
export { ActionItemsOverview } from './ActionItemsOverview';
export { ActionItemQuickAdd } from './ActionItemQuickAdd';
export { ActionItemNotifier, checkActionItemNotifications } from './ActionItemNotifier';
export { createActionItem, updateActionItem } from './item-writes';
export { ActionItemError, type ActionItemInput } from './item-draft';
export { useIncidentActionItems } from './use-action-items';
export { useSlaPolicy } from './sla-settings';
