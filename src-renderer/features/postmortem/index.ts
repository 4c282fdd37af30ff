export { PostmortemTab } from './PostmortemTab';
export { requestPostmortemExport } from './export-request';
