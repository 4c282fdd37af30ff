import { useCallback, type ReactNode } from 'react';
import { dueMoves } from '@core/action-items/recompute';
import type { Incident, IncidentDraft } from '@core/model/incident';
import { viewerTimeZone } from '@core/time/zones';
import { planIncidentDates, saveIncidentWithDueDates, undoIncidentWithDueDates } from '@data/action-items';
import { useToast } from '@ui/toast-context';
import { DueMovesTable } from './DueMovesTable';

/** The same shape as the library's EditConsequence (app/ hands this to the incident form). */
interface DueDatesConsequence {
  confirm: { title: string; body: ReactNode; confirmLabel: string } | null;
  save(): Promise<void>;
}

const plural = (n: number) => `${n} due date${n === 1 ? '' : 's'}`;

/**
 * Due dates that follow the SLA count from the incident's review or resolution date, so editing
 * either moves them: the user sees which dates move (as a policy change shows them), confirms,
 * and can undo the edit and the moves together.
 */
export function useDueDatesFollowIncident(): (incident: Incident, draft: IncidentDraft) => Promise<DueDatesConsequence | null> {
  const toast = useToast();
  return useCallback(
    async (incident: Incident, draft: IncidentDraft) => {
      if (incident.reviewAt === draft.reviewAt && incident.resolvedAt === draft.resolvedAt) return null;
      const timeZone = viewerTimeZone();
      const { plan, items } = await planIncidentDates(incident.id, draft, timeZone);
      if (plan.changes.length === 0) return null;
      const moves = dueMoves(plan);
      const titles = new Map(items.map((i) => [i.id, i.title]));
      const save = async () => {
        const undo = await saveIncidentWithDueDates(incident.id, draft, plan.changes);
        if (undo.moved === 0) return;
        toast.show({
          message: `Saved “${draft.title}”; ${plural(undo.moved)} moved with its dates.`,
          tone: 'success',
          actionLabel: 'Undo',
          onAction: () => {
            undoIncidentWithDueDates(undo).then(
              () => toast.show({ message: `Put back “${incident.title}” and ${plural(undo.moved)}.`, tone: 'success' }),
              (error: unknown) => toast.show({ message: `Could not undo: ${error instanceof Error ? error.message : String(error)}`, tone: 'error' }),
            );
          },
        });
      };
      if (moves.length === 0) return { confirm: null, save };
      return {
        confirm: {
          title: `Move ${plural(moves.length)}?`,
          body: (
            <>
              <p>These action items follow the SLA, which counts from the incident's {draft.reviewAt !== incident.reviewAt ? 'review meeting' : 'resolution'}.</p>
              <DueMovesTable moves={moves} itemTitle={(id) => titles.get(id)} incidentTitle={() => draft.title} timeZone={timeZone} />
              {plan.skipped.some((s) => s.reason === 'set-by-hand') && <p className="muted">Items whose due date was set by hand keep it.</p>}
            </>
          ),
          confirmLabel: `Save and move ${plural(moves.length)}`,
        },
        save,
      };
    },
    [toast],
  );
}
