import { useState } from 'react';
import { Dialog } from '@ui/Dialog';
import type { Incident, IncidentDraft } from '@core/model/incident';
import { emptyDraft } from '@core/incident/incident-draft';
import { IncidentForm } from './IncidentForm';
import { createIncident, updateIncident } from '@data/incidents';

interface IncidentFormDialogProps {
  open: boolean;
  /** Edit this incident; create a new one when absent. */
  incident?: Incident;
  onClose: () => void;
  onSaved?: (incident: Incident) => void;
}

function draftOf(incident: Incident): IncidentDraft {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...draft } = incident;
  return draft;
}

export function IncidentFormDialog({ open, incident, onClose, onSaved }: IncidentFormDialogProps) {
  // A new incident starts now, in this computer's zone; fixed once so re-renders keep the form stable.
  const [initial] = useState(() => (incident ? draftOf(incident) : emptyDraft(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', Date.now())));
  return (
    <Dialog open={open} title={incident ? 'Edit incident' : 'New incident'} onClose={onClose} wide>
      <IncidentForm
        initial={initial}
        submitLabel={incident ? 'Save changes' : 'Create incident'}
        onCancel={onClose}
        onSubmit={async (draft) => {
          if (incident) {
            await updateIncident(incident.id, draft);
            onSaved?.({ ...incident, ...draft });
          } else {
            onSaved?.(await createIncident(draft));
          }
          onClose();
        }}
      />
    </Dialog>
  );
}
