/**
 * People: everyone who appears in the library's events, with their aliases. The matching and
 * merge rules still live in db/people-store.ts (shared with the import path); features reach
 * them only through here.
 */
export { usePeopleByName, usePeopleWithCounts } from './use-people';
export { aliasId, mergePeople, normaliseName, renamePerson, splitAlias, undoMerge, type PersonWithCount, type MergeUndo } from '@db/people-store';
