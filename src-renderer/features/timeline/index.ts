export { TimelineTab, type TimelineFocus } from './TimelineTab';
