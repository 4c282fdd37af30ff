export { PostmortemTab } from './PostmortemTab';
export { postmortemCompanion } from './postmortem-companion';
