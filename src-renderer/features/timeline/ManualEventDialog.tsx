import { FormFooter } from '@ui/FormFooter';
import { useState, type FormEvent } from 'react';
import { fromLocalInputValue } from '@core/time/zoned-input';
import { Dialog } from '@ui/Dialog';
import type { ManualEventDraft } from '@data/events';

interface ManualEventDialogProps {
  zone: string;
  initialTime: string;
  /** 'event' asks for one text; 'can' for Conditions, Actions and Needs. */
  mode: 'event' | 'can';
  onSave: (draft: ManualEventDraft, can: { conditions: string; actions: string; needs: string } | null) => Promise<void>;
  onClose: () => void;
}

/** Adds what no source recorded, or a structured CAN report, at a time typed in the incident's zone. */
export function ManualEventDialog({ zone, initialTime, mode, onSave, onClose }: ManualEventDialogProps) {
  const [time, setTime] = useState(initialTime);
  const [actorName, setActor] = useState('');
  const [text, setText] = useState('');
  const [can, setCan] = useState({ conditions: '', actions: '', needs: '' });
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const at = fromLocalInputValue(time, zone);
    if (at === null || Number.isNaN(at)) {
      setError(`Time: enter a date and time in ${zone}.`);
      return;
    }
    try {
      await onSave({ at, typed: `${time} ${zone}`, actorName, text }, mode === 'can' ? can : null);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Dialog open title={mode === 'can' ? 'New CAN report' : 'Add a manual event'} onClose={onClose}>
      <form className="tl-form" onSubmit={(e) => void submit(e)}>
        <label>
          Time ({zone})
          <input type="datetime-local" step={1} value={time} data-autofocus onChange={(e) => setTime(e.target.value)} required />
        </label>
        <label>
          Who
          <input value={actorName} onChange={(e) => setActor(e.target.value)} placeholder="e.g. Priya Raman (Incident Commander)" />
        </label>
        {mode === 'event' ? (
          <label>
            What happened
            <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. Bridge call opened; on-call DBA joined" />
          </label>
        ) : (
          (['conditions', 'actions', 'needs'] as const).map((field) => (
            <label key={field}>
              {field[0].toUpperCase() + field.slice(1)}
              <textarea rows={3} value={can[field]} onChange={(e) => setCan({ ...can, [field]: e.target.value })} placeholder={CAN_HINT[field]} />
            </label>
          ))
        )}
        <FormFooter error={error} onCancel={onClose} submitLabel={mode === 'can' ? 'Add CAN report' : 'Add event'} />
      </form>
    </Dialog>
  );
}

const CAN_HINT = {
  conditions: 'What is the situation now? e.g. checkout 5xx at 30%, payments healthy',
  actions: 'What is being done? e.g. rolling back config 4512',
  needs: 'What do you need? e.g. a DBA on the bridge',
};
