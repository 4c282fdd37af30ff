import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { z } from 'zod';
import { db } from '@db/database';
import { readSetting, writeSetting } from '@db/settings-store';

/** "Your name": remembered once, stamped on every annotation this person writes. */
export const AUTHOR_NAME_KEY = 'review:author-name';
const authorSchema = z.string().max(200);

export function readAuthorName(): Promise<string> {
  return readSetting(db, AUTHOR_NAME_KEY, authorSchema, '');
}

export function useAuthorName(): { name: string; setName: (name: string) => void } {
  const name = useLiveQuery(readAuthorName, [], '');
  const setName = useCallback((next: string) => void writeSetting(db, AUTHOR_NAME_KEY, next.slice(0, 200)), []);
  return { name, setName };
}
