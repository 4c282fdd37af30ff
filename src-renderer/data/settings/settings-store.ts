import type { z } from 'zod';
import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { deleteRecord, putRecord } from '../write-log';

/**
 * Settings: small values under a key (preferences, per-incident view state, policies). The
 * feature that owns a key owns its schema; a value is parsed with it each time it is read back,
 * so a missing or invalid value gives the fallback rather than a broken screen.
 */
export async function readSetting<T>(key: string, schema: z.ZodType<T>, fallback: T, database: DebriefDatabase = db): Promise<T> {
  const record = await database.settings.get(key);
  if (!record) return fallback;
  const parsed = schema.safeParse(record.value);
  return parsed.success ? parsed.data : fallback;
}

/** The raw stored value (undefined when never set), for settings with their own error reporting. */
export async function readSettingValue(key: string, database: DebriefDatabase = db): Promise<unknown> {
  return (await database.settings.get(key))?.value;
}

export async function writeSetting(key: string, value: unknown, database: DebriefDatabase = db, now = Date.now()): Promise<void> {
  await putRecord(database, 'settings', { key, value, updatedAt: now });
}

/** Read, change and write back in one transaction, so two quick changes both count. */
export async function updateSetting<T>(key: string, schema: z.ZodType<T>, fallback: T, change: (current: T) => T, database: DebriefDatabase = db): Promise<T> {
  return database.transaction('rw', database.settings, async () => {
    const next = change(await readSetting(key, schema, fallback, database));
    await writeSetting(key, next, database);
    return next;
  });
}

export async function deleteSetting(key: string, database: DebriefDatabase = db): Promise<void> {
  await deleteRecord(database, 'settings', key);
}
