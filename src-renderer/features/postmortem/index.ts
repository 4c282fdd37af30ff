export { PostmortemTab } from './PostmortemTab';
export { requestPostmortemExport } from './export-request';
export { postmortemCompanion } from './postmortem-companion';
export { MentionsInbox } from './MentionsInbox';
