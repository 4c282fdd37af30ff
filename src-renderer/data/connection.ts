import { DebriefDatabase } from '@db/schema';

/**
 * The app's connection to the local library, for the data layer's functions that take it as a
 * parameter (tests pass their own). Features and app pass it along; they never read or write a
 * table themselves (lint refuses `db.<table>` outside data/ and db/).
 */
export { db } from '@db/database';
export type { DebriefDatabase } from '@db/schema';

/**
 * A connection of its own to the same library, for a worker (which cannot share the window's).
 * `durability` is per connection in IndexedDB: 'relaxed' for bulk writes made atomic otherwise
 * (the import's staging marker), 'strict' for what must be on disk when the user is told so.
 */
export function openConnection(durability: 'strict' | 'relaxed'): DebriefDatabase {
  return new DebriefDatabase({ durability });
}
