import { useCallback, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import type { Person } from '@core/model/person';
import { useToast } from '@ui/toast-context';
import { deleteActionItem, restoreActionItem } from './item-writes';

export function useIncidentActionItems(incidentId: string): ActionItem[] | undefined {
  return useLiveQuery(() => db.actionItems.where('incidentId').equals(incidentId).toArray(), [incidentId]);
}

/** Every item whose incident is live (not deleted or waiting for its undo to expire). */
export function useAllActionItems(): { items: ActionItem[]; incidents: Map<string, Incident> } | undefined {
  return useLiveQuery(async () => {
    const incidents = new Map((await db.incidents.toArray()).filter((i) => !i.deletedAt).map((i) => [i.id, i]));
    const items = (await db.actionItems.toArray()).filter((i) => incidents.has(i.incidentId));
    return { items, incidents };
  }, []);
}

export function usePeople(): Person[] {
  return useLiveQuery(() => db.people.orderBy('displayName').toArray(), []) ?? [];
}

/** A clock that ticks every `everyMs`, so SLA states change on screen without a reload. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const UNDO_WINDOW_MS = 10_000;

/** Delete at once; the toast's Undo puts the item back exactly as it was. */
export function useDeleteActionItem(): (item: ActionItem) => Promise<void> {
  const toast = useToast();
  return useCallback(
    async (item: ActionItem) => {
      const removed = await deleteActionItem(item.id);
      if (!removed) return;
      toast.show({
        message: `Deleted action item “${item.title}”.`,
        actionLabel: 'Undo',
        timeoutMs: UNDO_WINDOW_MS,
        onAction: () => void restoreActionItem(removed),
      });
    },
    [toast],
  );
}
