import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import { readSetting, writeSetting } from '@db/settings-store';
import { liveSnoozes, notifyLogSchema, snoozesSchema, snoozeUntil, type NotifyLog, type SnoozeLength, type Snoozes } from './notification-plan';

export const NOTIFIED_KEY = 'action-items.notified';
export const SNOOZED_KEY = 'action-items.snoozed';

export function readNotifyLog(): Promise<NotifyLog> {
  return readSetting(db, NOTIFIED_KEY, notifyLogSchema, {});
}

export function writeNotifyLog(log: NotifyLog): Promise<void> {
  return writeSetting(db, NOTIFIED_KEY, log);
}

export function readSnoozes(): Promise<Snoozes> {
  return readSetting(db, SNOOZED_KEY, snoozesSchema, {});
}

export function useSnoozes(): Snoozes {
  return useLiveQuery(readSnoozes, []) ?? {};
}

export async function snoozeItem(itemId: string, length: SnoozeLength, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const snoozes = liveSnoozes(await readSnoozes(), now);
    await writeSetting(db, SNOOZED_KEY, { ...snoozes, [itemId]: snoozeUntil(now, length) });
  });
}

export async function unsnoozeItem(itemId: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const { [itemId]: _gone, ...rest } = await readSnoozes();
    await writeSetting(db, SNOOZED_KEY, rest);
  });
}
