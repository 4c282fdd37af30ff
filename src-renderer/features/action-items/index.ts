export { ActionItemsTab, ActionItemsOverview } from './ActionItemsTab';
