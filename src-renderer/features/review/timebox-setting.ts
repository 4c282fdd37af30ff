import { useCallback } from 'react';
import { z } from 'zod';
import { useSettingValue, writeSetting } from '@data/settings';

export const TIMEBOX_KEY = 'review:timebox-minutes';
export const DEFAULT_TIMEBOX_MINUTES = 5;
export const MAX_TIMEBOX_MINUTES = 120;
const timeboxSchema = z.number().int().min(1).max(MAX_TIMEBOX_MINUTES);

/** Suggested minutes per agenda item in the review meeting. */
export function useTimeboxMinutes(): { minutes: number; setMinutes: (minutes: number) => void } {
  const minutes = useSettingValue(TIMEBOX_KEY, timeboxSchema, DEFAULT_TIMEBOX_MINUTES);
  const setMinutes = useCallback((next: number) => {
    const parsed = timeboxSchema.safeParse(next);
    if (parsed.success) void writeSetting(TIMEBOX_KEY, parsed.data);
  }, []);
  return { minutes, setMinutes };
}
