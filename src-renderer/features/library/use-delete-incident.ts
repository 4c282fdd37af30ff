import { useCallback } from 'react';
import { useToast } from '@ui/toast-context';
import { holdLock, undoDeleteLockName } from '@data/events';
import type { Incident } from '@core/model/incident';
import { purgeIncident, softDeleteIncident, undoDeleteIncident } from '@data/incidents';

const UNDO_WINDOW_MS = 10_000;

/** Delete with undo: hidden at once, removed for good when the toast expires. */
export function useDeleteIncident(): (incident: Incident) => Promise<void> {
  const toast = useToast();
  return useCallback(
    async (incident: Incident) => {
      // Other windows starting meanwhile leave the incident alone while this Undo is on screen.
      const release = await holdLock(undoDeleteLockName(incident.id));
      await softDeleteIncident(incident.id);
      toast.show({
        message: `Deleted “${incident.title}”.`,
        actionLabel: 'Undo',
        timeoutMs: UNDO_WINDOW_MS,
        onAction: () => {
          release();
          void undoDeleteIncident(incident.id);
        },
        onExpire: () => {
          release();
          void purgeIncident(incident.id);
        },
      });
    },
    [toast],
  );
}
