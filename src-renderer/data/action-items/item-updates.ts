import type { ActionItem, ActionStatus } from '@core/model/action-item';
import { isClosed } from '@core/action-items/sla-state';

/**
 * The fields a status change touches: closing stamps completedAt (the SLA is judged by it),
 * reopening clears it, and leaving won't do keeps the reason in case it is chosen again.
 */
export function statusPatch(item: Pick<ActionItem, 'status' | 'completedAt'>, status: ActionStatus, now: number): Pick<ActionItem, 'status' | 'completedAt'> {
  if (status === item.status) return { status, completedAt: item.completedAt };
  if (isClosed(status)) return { status, completedAt: isClosed(item.status) ? (item.completedAt ?? now) : now };
  return { status, completedAt: null };
}

/** Finds the person an owner name means: same display name or email, ignoring case. */
export function matchPerson<P extends { id: string; displayName: string; email: string | null }>(people: readonly P[], text: string): P | null {
  const key = text.trim().toLowerCase();
  if (key === '') return null;
  return people.find((p) => p.displayName.trim().toLowerCase() === key || p.email?.toLowerCase() === key) ?? null;
}
