import type { z } from 'zod';
import type { DebriefDatabase } from './schema';

/** Reads a setting through its schema: a missing or invalid value gives the fallback. */
export async function readSetting<T>(database: DebriefDatabase, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const record = await database.settings.get(key);
  if (!record) return fallback;
  const parsed = schema.safeParse(record.value);
  return parsed.success ? parsed.data : fallback;
}

export async function writeSetting(database: DebriefDatabase, key: string, value: unknown): Promise<void> {
  await database.settings.put({ key, value, updatedAt: Date.now() });
}
