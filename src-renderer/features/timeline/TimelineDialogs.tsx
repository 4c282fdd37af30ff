import type { TimelineEvent } from '@core/model/event';
import { normaliseRedactions } from '@core/timeline/redaction';
import { ManualEventDialog } from './ManualEventDialog';
import { MilestoneDialog, type MilestoneDialogState } from './MilestoneDialog';
import { RedactDialog } from './RedactDialog';
import { addCanReport, addManualEvent, addRedaction, setEventRedacted, setRedactions } from '@data/events';
import { db } from '@data/connection';
import { addMilestone, updateMilestone } from '@data/milestones';

export type DialogState =
  | null
  | { type: 'milestone'; state: MilestoneDialogState }
  | { type: 'manual'; mode: 'event' | 'can'; time: string }
  | { type: 'redact'; eventId: string };

interface TimelineDialogsProps {
  dialog: DialogState;
  incidentId: string;
  zone: string;
  byId: Pick<ReadonlyMap<string, TimelineEvent>, 'get'>;
  onClose: () => void;
}

export function TimelineDialogs({ dialog, incidentId, zone, byId, onClose }: TimelineDialogsProps) {
  if (dialog === null) return null;
  if (dialog.type === 'milestone') {
    return (
      <MilestoneDialog
        state={dialog.state}
        zone={zone}
        onClose={onClose}
        onSave={async (draft, id) => {
          if (id) await updateMilestone(id, draft);
          else await addMilestone(incidentId, draft);
        }}
      />
    );
  }
  if (dialog.type === 'manual') {
    return (
      <ManualEventDialog
        zone={zone}
        mode={dialog.mode}
        initialTime={dialog.time}
        onClose={onClose}
        onSave={async (draft, can) => {
          if (can) await addCanReport(db, incidentId, draft, can);
          else await addManualEvent(db, incidentId, draft);
        }}
      />
    );
  }
  // The dialog reads the live event so each change shows at once.
  const event = byId.get(dialog.eventId);
  if (!event) return null;
  return (
    <RedactDialog
      event={event}
      onClose={onClose}
      onHideEvent={(redacted) => setEventRedacted(db, event, redacted)}
      onAddSpan={(start, end) => addRedaction(db, event, { start, end })}
      onRemoveSpan={(index) => setRedactions(db, event, normaliseRedactions(event.redactions, event.text).filter((_, i) => i !== index))}
    />
  );
}
