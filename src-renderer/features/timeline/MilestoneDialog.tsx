import { FormFooter } from '@ui/FormFooter';
import { useState, type FormEvent } from 'react';
import { MILESTONE_KINDS, type ImpactMark, type MilestoneKind } from '@core/model/milestone';
import { fromLocalInputValue } from '@core/time/zoned-input';
import { Dialog } from '@ui/Dialog';
import type { MilestoneDraft } from '@data/milestones';

export interface MilestoneDialogState {
  /** Present when editing an existing milestone. */
  id?: string;
  kind: MilestoneKind;
  label: string;
  /** datetime-local text in the incident's zone. */
  time: string;
  eventId: string | null;
  eventSummary?: string;
  note: string;
  impact?: ImpactMark | null;
}

interface MilestoneDialogProps {
  state: MilestoneDialogState;
  zone: string;
  onSave: (draft: MilestoneDraft, id?: string) => Promise<void>;
  onClose: () => void;
}

/** The small picker behind "m": which milestone, and when (typed in the incident's zone). */
export function MilestoneDialog({ state, zone, onSave, onClose }: MilestoneDialogProps) {
  const [form, setForm] = useState(state);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const at = fromLocalInputValue(form.time, zone);
    if (at === null || Number.isNaN(at)) {
      setError(`Time: enter a date and time in ${zone}.`);
      return;
    }
    try {
      await onSave({ kind: form.kind, label: form.label, at, eventId: form.eventId, note: form.note, impact: form.impact ?? null }, form.id);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Dialog open title={form.id ? 'Edit milestone' : 'Set a milestone'} onClose={onClose}>
      <form
        className="tl-form"
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          // Digits pick a milestone while focus is on the radio group (not in a text field).
          const kind = MILESTONE_KINDS[Number(e.key) - 1];
          if (kind && (e.target as HTMLElement).getAttribute('type') === 'radio') {
            e.preventDefault();
            setForm({ ...form, kind });
          }
        }}
      >
        {form.eventSummary && <p className="muted tl-form-context">At: {form.eventSummary}</p>}
        <fieldset className="tl-kind-picker">
          <legend>Milestone</legend>
          {MILESTONE_KINDS.map((kind, i) => (
            <label key={kind}>
              <input type="radio" name="kind" value={kind} checked={form.kind === kind} data-autofocus={form.kind === kind ? true : undefined} onChange={() => setForm({ ...form, kind })} />
              {kind}
              {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
            </label>
          ))}
        </fieldset>
        {form.kind === 'Custom' && (
          <label>
            Name
            <input value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} placeholder="e.g. Severity raised to SEV1" />
          </label>
        )}
        {form.kind === 'Custom' && (
          <label>
            Counts as
            <select value={form.impact ?? ''} onChange={(e) => setForm({ ...form, impact: e.target.value === '' ? null : (e.target.value as ImpactMark) })}>
              <option value="">Nothing special</option>
              <option value="start">Customer impact start</option>
              <option value="end">Customer impact end</option>
            </select>
          </label>
        )}
        <label>
          Time ({zone})
          <input type="datetime-local" step={1} value={form.time} onChange={(e) => setForm({ ...form, time: e.target.value })} />
        </label>
        <label>
          Note
          <input value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} placeholder="Optional" />
        </label>
        <FormFooter error={error} onCancel={onClose} submitLabel={'Save milestone'} />
      </form>
    </Dialog>
  );
}
