import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { Person } from '@core/model/person';

/** Everyone in the library, by name (empty while loading). */
export function usePeopleByName(): Person[] {
  return useLiveQuery(() => db.people.orderBy('displayName').toArray(), []) ?? [];
}
