export { PostmortemTab } from './PostmortemTab';
export { FOCUS_EVENT_KEY, jumpToTimelineEvent, requestTimelineFocus, takeTimelineFocus } from './timeline-focus';
