export { PostmortemTab } from './PostmortemTab';
