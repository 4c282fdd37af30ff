import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Dialog } from '@ui/Dialog';
import { MAIN_CONTENT_ID } from '@ui/focus-return';
import type { Incident, IncidentDraft } from '@core/model/incident';
import { emptyDraft } from '@core/incident/incident-draft';
import { IncidentForm } from './IncidentForm';
import { createIncident, updateIncident } from '@data/incidents';

/**
 * What an edit changes elsewhere (e.g. due dates that follow the incident's dates), saved with
 * the edit. `confirm` is shown first when the user should see it; null saves at once.
 */
export interface EditConsequence {
  confirm: { title: string; body: ReactNode; confirmLabel: string } | null;
  save(): Promise<void>;
}

/** Looks at an edit before it is saved; app/ composes the features that care (null: nothing else changes). */
export type ReviewIncidentEdit = (incident: Incident, draft: IncidentDraft) => Promise<EditConsequence | null>;

interface IncidentFormDialogProps {
  open: boolean;
  /** Edit this incident; create a new one when absent. */
  incident?: Incident;
  onClose: () => void;
  onSaved?: (incident: Incident) => void;
  reviewEdit?: ReviewIncidentEdit;
}

function draftOf(incident: Incident): IncidentDraft {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...draft } = incident;
  return draft;
}

export function IncidentFormDialog({ open, incident, onClose, onSaved, reviewEdit }: IncidentFormDialogProps) {
  // A new incident starts now, in this computer's zone; fixed once so re-renders keep the form stable.
  const [initial, setInitial] = useState(() => (incident ? draftOf(incident) : emptyDraft(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', Date.now())));
  const [pending, setPending] = useState<{ draft: IncidentDraft; consequence: EditConsequence & { confirm: NonNullable<EditConsequence['confirm']> } } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A created incident opens in place of the screen that had New incident: focus goes to its
  // content, not back to the app bar. Cancelling still returns to the opener.
  const created = useRef(false);
  useEffect(() => {
    if (open) created.current = false;
  }, [open]);

  const saved = (draft: IncidentDraft) => {
    if (incident) onSaved?.({ ...incident, ...draft });
    onClose();
  };

  if (incident && pending) {
    const { draft, consequence } = pending;
    return (
      <Dialog open={open} title={consequence.confirm.title} onClose={onClose} wide>
        <div className="ai-confirm">
          {consequence.confirm.body}
          {error && (
            <p className="error-panel" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button
              type="button"
              onClick={() => {
                // Back to the form with what the user typed.
                setInitial(draft);
                setPending(null);
              }}
            >
              Back
            </button>
            <button
              type="button"
              className="primary"
              data-autofocus
              disabled={saving}
              onClick={() => {
                setSaving(true);
                setError(null);
                consequence.save().then(
                  () => saved(draft),
                  (failure: unknown) => {
                    setSaving(false);
                    setError(`Nothing was saved: ${failure instanceof Error ? failure.message : String(failure)}`);
                  },
                );
              }}
            >
              {consequence.confirm.confirmLabel}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open={open} title={incident ? 'Edit incident' : 'New incident'} onClose={onClose} wide returnFocus={() => (created.current ? `#${MAIN_CONTENT_ID}` : null)}>
      <IncidentForm
        initial={initial}
        submitLabel={incident ? 'Save changes' : 'Create incident'}
        onCancel={onClose}
        onSubmit={async (draft) => {
          if (!incident) {
            const made = await createIncident(draft);
            created.current = true;
            onSaved?.(made);
            onClose();
            return;
          }
          const consequence = await reviewEdit?.(incident, draft);
          if (consequence?.confirm) {
            setPending({ draft, consequence: { ...consequence, confirm: consequence.confirm } });
            return;
          }
          if (consequence) await consequence.save();
          else await updateIncident(incident.id, draft);
          saved(draft);
        }}
      />
    </Dialog>
  );
}
