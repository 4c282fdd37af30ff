/**
 * Sources (one per import) as screens read them. Their storage, visibility rule and removal live
 * with the events they carry, in data/events.
 */
export { useSources } from './use-sources';
