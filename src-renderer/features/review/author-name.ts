import { useCallback } from 'react';
import { z } from 'zod';
import { readSetting, useSettingValue, writeSetting } from '@data/settings';

/** "Your name": remembered once, stamped on every annotation this person writes. */
export const AUTHOR_NAME_KEY = 'review:author-name';
const authorSchema = z.string().max(200);

export function readAuthorName(): Promise<string> {
  return readSetting(AUTHOR_NAME_KEY, authorSchema, '');
}

export function useAuthorName(): { name: string; setName: (name: string) => void } {
  const name = useSettingValue(AUTHOR_NAME_KEY, authorSchema, '');
  const setName = useCallback((next: string) => void writeSetting(AUTHOR_NAME_KEY, next.slice(0, 200)), []);
  return { name, setName };
}
