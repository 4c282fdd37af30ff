import { readSetting, updateSetting, useSettingValue, writeSetting } from '@data/settings';
import { liveSnoozes, notifyLogSchema, snoozesSchema, snoozeUntil, type NotifyLog, type SnoozeLength, type Snoozes } from './notification-plan';

export const NOTIFIED_KEY = 'action-items.notified';
export const SNOOZED_KEY = 'action-items.snoozed';

export function readNotifyLog(): Promise<NotifyLog> {
  return readSetting(NOTIFIED_KEY, notifyLogSchema, {});
}

export function writeNotifyLog(log: NotifyLog): Promise<void> {
  return writeSetting(NOTIFIED_KEY, log);
}

export function readSnoozes(): Promise<Snoozes> {
  return readSetting(SNOOZED_KEY, snoozesSchema, {});
}

const NO_SNOOZES: Snoozes = {};

export function useSnoozes(): Snoozes {
  return useSettingValue(SNOOZED_KEY, snoozesSchema, NO_SNOOZES);
}

export async function snoozeItem(itemId: string, length: SnoozeLength, now = Date.now()): Promise<void> {
  await updateSetting(SNOOZED_KEY, snoozesSchema, NO_SNOOZES, (current) => ({ ...liveSnoozes(current, now), [itemId]: snoozeUntil(now, length) }));
}

export async function unsnoozeItem(itemId: string): Promise<void> {
  await updateSetting(SNOOZED_KEY, snoozesSchema, NO_SNOOZES, ({ [itemId]: _gone, ...rest }) => rest);
}
