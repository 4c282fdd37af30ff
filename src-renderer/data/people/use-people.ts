import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import { listPeopleWithCounts, type PersonWithCount } from '@db/people-store';
import type { Person } from '@core/model/person';

/** Everyone in the library, by name (empty while loading). */
export function usePeopleByName(): Person[] {
  return useLiveQuery(() => db.people.orderBy('displayName').toArray(), []) ?? [];
}

/** Everyone with their event counts, by name; undefined while loading. */
export function usePeopleWithCounts(): PersonWithCount[] | undefined {
  return useLiveQuery(() => listPeopleWithCounts(db), []);
}
