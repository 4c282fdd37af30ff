import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import { listPeopleWithCounts, type PersonWithCount } from '@db/people-store';

/** Everyone with their event counts, by name; undefined while loading. */
export function usePeople(): PersonWithCount[] | undefined {
  return useLiveQuery(() => listPeopleWithCounts(db), []);
}
