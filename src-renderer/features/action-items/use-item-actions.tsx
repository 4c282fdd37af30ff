import { FormFooter } from '@ui/FormFooter';
import { useState, type ReactNode } from 'react';
import type { ActionItem, ActionStatus, Priority } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import type { Person } from '@core/model/person';
import { endOfLocalDate } from '@core/action-items/due-date';
import { planPriorityChange, type DueDateChange } from '@core/action-items/recompute';
import type { SlaPolicy } from '@core/action-items/sla-policy';
import { isClosed } from '@core/action-items/sla-state';
import { Dialog } from '@ui/Dialog';
import { useToast } from '@ui/toast-context';
import { formatDay, formatDayOrNone } from './format-due';
import { ActionItemError, matchPerson, resetDueToSla, updateActionItem, type ItemPatch } from '@data/action-items';
import { nextPriority, STATUS_LABEL } from './status-keys';
import { useDeleteActionItem } from './use-action-items';

export interface ItemActions {
  setStatus(item: ActionItem, status: ActionStatus): void;
  cyclePriority(item: ActionItem): void;
  setOwner(item: ActionItem, text: string): void;
  setDueDay(item: ActionItem, dateKey: string): void;
  resetDue(item: ActionItem): void;
  remove(item: ActionItem): void;
}

type Pending =
  | { kind: 'priority'; item: ActionItem; priority: Priority; change: DueDateChange }
  | { kind: 'wont-do'; item: ActionItem; reason: string; problem: string | null };

/**
 * Inline edits from the lists. A priority change that moves the due date is shown and
 * confirmed first; won't do asks for its reason.
 */
export function useItemActions(options: {
  policy: SlaPolicy;
  timeZone: string;
  incidents: ReadonlyMap<string, Pick<Incident, 'id' | 'reviewAt' | 'resolvedAt'>>;
  people: readonly Person[];
  onSettled?: (itemId: string) => void;
}): { actions: ItemActions; dialogs: ReactNode } {
  const { policy, timeZone, incidents, people, onSettled } = options;
  const toast = useToast();
  const removeItem = useDeleteActionItem();
  const [pending, setPending] = useState<Pending | null>(null);

  // Inline edits show in the row at once; the short toast is there for screen readers.
  const save = (item: ActionItem, patch: ItemPatch, message?: string) => {
    updateActionItem(item.id, patch)
      .then(() => message && toast.show({ message, tone: 'success', timeoutMs: 3000 }))
      .catch((error: unknown) => {
        if (!(error instanceof ActionItemError)) throw error;
        toast.show({ message: `Could not save “${item.title}”: ${error.message}`, tone: 'error' });
      });
  };
  const close = () => {
    const id = pending?.item.id;
    setPending(null);
    if (id) onSettled?.(id);
  };

  const actions: ItemActions = {
    setStatus(item, status) {
      if (status === item.status) return;
      if (status === 'wont-do' && item.wontDoReason.trim() === '') {
        setPending({ kind: 'wont-do', item, reason: '', problem: null });
        return;
      }
      save(item, { status }, `“${item.title}” is now ${STATUS_LABEL[status].toLowerCase()}.`);
    },
    cyclePriority(item) {
      const priority = nextPriority(item.priority);
      const change = planPriorityChange(item, priority, incidents.get(item.incidentId), policy, timeZone);
      if (change) {
        setPending({ kind: 'priority', item, priority, change });
        return;
      }
      const why = item.dueSetByHand ? ' The due date was set by hand and stays.' : isClosed(item.status) ? ' Closed items keep their due date.' : '';
      save(item, { priority }, `“${item.title}” is now ${priority} · ${policy.priorityLabels[priority]}.${why}`);
    },
    setOwner(item, text) {
      const person = matchPerson(people, text);
      const ownerName = person?.displayName ?? text.trim();
      if (ownerName === item.ownerName && (person?.id ?? null) === item.ownerId) return;
      save(item, { ownerId: person?.id ?? null, ownerName });
    },
    setDueDay(item, dateKey) {
      if (dateKey === '') return;
      let dueAt: number;
      try {
        dueAt = endOfLocalDate(dateKey, timeZone);
      } catch {
        toast.show({ message: `"${dateKey}" is not a date.`, tone: 'error' });
        return;
      }
      if (dueAt !== item.dueAt) save(item, { dueAt, dueSetByHand: true });
    },
    resetDue(item) {
      resetDueToSla(item, policy, timeZone).then(
        () => toast.show({ message: `“${item.title}” follows the SLA again.`, tone: 'success' }),
        (error: unknown) => {
          if (!(error instanceof ActionItemError)) throw error;
          toast.show({ message: error.message, tone: 'error' });
        },
      );
    },
    remove(item) {
      void removeItem(item);
    },
  };

  let dialogs: ReactNode = null;
  if (pending?.kind === 'priority') {
    const { item, priority, change } = pending;
    dialogs = (
      <Dialog open title="Change priority and due date?" onClose={close}>
        <div className="ai-confirm">
          <p>
            “{item.title}” goes from {item.priority} · {policy.priorityLabels[item.priority]} to {priority} · {policy.priorityLabels[priority]}.
          </p>
          <table className="ai-change-table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Old due</th>
                <th scope="col">New due</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{item.title}</td>
                <td>{formatDayOrNone(change.oldDueAt, timeZone)}</td>
                <td>{formatDay(change.newDueAt, timeZone)}</td>
              </tr>
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              data-autofocus
              onClick={() => {
                save(item, { priority, dueAt: change.newDueAt }, `“${item.title}” is now ${priority}, due ${formatDay(change.newDueAt, timeZone)}.`);
                close();
              }}
            >
              Change priority
            </button>
          </div>
        </div>
      </Dialog>
    );
  } else if (pending?.kind === 'wont-do') {
    const { item, reason, problem } = pending;
    const confirm = () => {
      if (reason.trim() === '') {
        setPending({ ...pending, problem: "Say why this won't be done; the review needs the reason." });
        return;
      }
      save(item, { status: 'wont-do', wontDoReason: reason.trim() }, `“${item.title}” is now won't do.`);
      close();
    };
    dialogs = (
      <Dialog open title="Won't do: why?" onClose={close}>
        <form
          className="ai-confirm"
          onSubmit={(e) => {
            e.preventDefault();
            confirm();
          }}
        >
          <label className="field">
            <span>Reason for not doing “{item.title}”</span>
            <input data-autofocus value={reason} onChange={(e) => setPending({ ...pending, reason: e.target.value })} aria-invalid={!!problem} />
          </label>
          <FormFooter error={problem} onCancel={close} submitLabel={'Mark won\'t do'} />
        </form>
      </Dialog>
    );
  }
  return { actions, dialogs };
}
