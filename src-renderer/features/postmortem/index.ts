export { PostmortemTab } from './PostmortemTab';
export { postmortemCompanion } from './postmortem-companion';
export { MentionsInbox } from './MentionsInbox';
