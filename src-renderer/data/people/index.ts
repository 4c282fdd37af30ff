/** People: everyone who appears in the library's events, with their aliases. */
export { usePeopleByName } from './use-people';
