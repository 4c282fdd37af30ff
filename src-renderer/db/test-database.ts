import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { openDatabase } from './database';
import { DebriefDatabase } from './schema';

/**
 * For tests: returns a function that opens a fresh, empty database (in fake-indexeddb) the way
 * the app does, and deletes every database it opened after each test.
 */
export function createTestDatabases(prefix: string): () => Promise<DebriefDatabase> {
  let counter = 0;
  const opened: DebriefDatabase[] = [];
  afterEach(async () => {
    for (const database of opened.splice(0)) {
      database.close();
      await database.delete();
    }
  });
  return async () => {
    const database = new DebriefDatabase({ name: `${prefix}-${++counter}` });
    opened.push(database);
    await openDatabase(database);
    return database;
  };
}
