/**
 * The app's connection to the local library, for the data layer's functions that take it as a
 * parameter (tests pass their own). Features and app pass it along; they never read or write a
 * table themselves (lint refuses `db.<table>` outside data/ and db/).
 */
export { db } from '@db/database';
export type { DebriefDatabase } from '@db/schema';
