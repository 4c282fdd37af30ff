import { useLiveQuery } from 'dexie-react-hooks';
import type { z } from 'zod';
import { readSetting } from './settings-store';

/** A setting read live: re-read whenever it is written (here, in another window, or by sync). */
export function useSettingValue<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
  return useLiveQuery(() => readSetting(key, schema, fallback), [key, schema], fallback) as T;
}

/** Like useSettingValue, but undefined until the stored value was read (no flash of the fallback). */
export function useLoadedSettingValue<T>(key: string, schema: z.ZodType<T>, fallback: T): T | undefined {
  return useLiveQuery(() => readSetting(key, schema, fallback), [key, schema]);
}
