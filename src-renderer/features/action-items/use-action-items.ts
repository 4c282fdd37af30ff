import { useCallback, useEffect, useState } from 'react';
import { deleteActionItem, restoreActionItem } from '@data/action-items';
import type { ActionItem } from '@core/model/action-item';
import { useToast } from '@ui/toast-context';

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
