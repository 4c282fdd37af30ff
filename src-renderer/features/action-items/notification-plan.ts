import { z } from 'zod';
import type { ItemRow } from './item-filters';

export type AttentionState = 'due-soon' | 'overdue';

/** When each item was last notified of each state (UTC ms). */
export const notifyLogSchema = z.record(z.string(), z.object({ 'due-soon': z.number().optional(), overdue: z.number().optional() }));
export type NotifyLog = z.infer<typeof notifyLogSchema>;

/** Item id → the instant its snooze ends. */
export const snoozesSchema = z.record(z.string(), z.number());
export type Snoozes = z.infer<typeof snoozesSchema>;

export const NOTIFY_EVERY_MS = 24 * 60 * 60 * 1000;
export const CHECK_EVERY_MS = 60 * 60 * 1000;
/** Above this many notices at once, one summary is sent instead of a flood. */
export const MAX_SEPARATE_NOTICES = 3;

export interface Notice {
  title: string;
  body: string;
}

export interface NotificationPlan {
  notices: Notice[];
  /** The log to store: what was notified now plus earlier entries for items still listed. */
  log: NotifyLog;
}

function isAttention(row: ItemRow): row is ItemRow & { state: AttentionState } {
  return row.state === 'due-soon' || row.state === 'overdue';
}

export function isSnoozed(itemId: string, snoozes: Snoozes, now: number): boolean {
  return (snoozes[itemId] ?? 0) > now;
}

/** Due-soon and overdue items that are not snoozed, overdue first then by due date. */
export function attentionRows(rows: readonly ItemRow[], snoozes: Snoozes, now: number): ItemRow[] {
  return rows
    .filter((r) => isAttention(r) && !isSnoozed(r.item.id, snoozes, now))
    .sort((a, b) => (a.state === b.state ? (a.item.dueAt ?? 0) - (b.item.dueAt ?? 0) : a.state === 'overdue' ? -1 : 1));
}

/**
 * Which desktop notifications to send now. An item is told about each state at most once a
 * day, and not at all while snoozed; when several are due at once (first start after a holiday)
 * one summary replaces the flood.
 */
export function planNotifications(
  rows: readonly ItemRow[],
  log: NotifyLog,
  snoozes: Snoozes,
  now: number,
  describeDue: (dueAt: number) => string,
): NotificationPlan {
  const nextLog: NotifyLog = {};
  const present = new Set(rows.map((r) => r.item.id));
  for (const [id, entry] of Object.entries(log)) if (present.has(id)) nextLog[id] = { ...entry };
  const due = attentionRows(rows, snoozes, now).filter((r) => {
    const last = log[r.item.id]?.[r.state as AttentionState];
    return last === undefined || now - last >= NOTIFY_EVERY_MS;
  });
  for (const r of due) nextLog[r.item.id] = { ...nextLog[r.item.id], [r.state]: now };
  if (due.length === 0) return { notices: [], log: nextLog };
  if (due.length > MAX_SEPARATE_NOTICES) {
    const overdue = due.filter((r) => r.state === 'overdue').length;
    return {
      notices: [
        {
          title: `${due.length} action items need attention`,
          body: `${overdue} overdue, ${due.length - overdue} due soon. Open Debrief → Action items to see them.`,
        },
      ],
      log: nextLog,
    };
  }
  const notices = due.map((r) => ({
    title: r.state === 'overdue' ? `Overdue: ${r.item.title}` : `Due soon: ${r.item.title}`,
    body: [`${r.item.priority}, due ${describeDue(r.item.dueAt ?? now)}`, r.item.ownerName && `owner ${r.item.ownerName}`, r.incident?.title && `from “${r.incident.title}”`]
      .filter(Boolean)
      .join(' · '),
  }));
  return { notices, log: nextLog };
}

export type SnoozeLength = 'day' | 'week';

export function snoozeUntil(now: number, length: SnoozeLength): number {
  return now + (length === 'day' ? 1 : 7) * NOTIFY_EVERY_MS;
}

/** Snoozes that have not ended; ended ones are dropped so settings do not grow forever. */
export function liveSnoozes(snoozes: Snoozes, now: number): Snoozes {
  return Object.fromEntries(Object.entries(snoozes).filter(([, until]) => until > now));
}
