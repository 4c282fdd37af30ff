import { useState, type FormEvent } from 'react';
import { Dialog } from '@ui/Dialog';
import { FormFooter } from '@ui/FormFooter';
import { SyncError, teamSync } from '@data/sync';

/** Join incident…: paste a teammate's invite; the incident and its timeline come from the server. */
export function JoinIncidentDialog({ onClose, onJoined }: { onClose: () => void; onJoined: (incidentId: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const configured = teamSync.settings() !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setJoining(true);
    try {
      const incidentId = await teamSync.join(text);
      onJoined(incidentId);
      onClose();
    } catch (caught) {
      setError(caught instanceof SyncError ? caught.message : `Could not join: ${String(caught)}`);
    } finally {
      setJoining(false);
    }
  };

  return (
    <Dialog open title="Join incident" onClose={onClose}>
      <form className="incident-form" onSubmit={(event) => void submit(event)}>
        {!configured && <p className="field-warning">Set up Team sync first (Team sync in the top bar) with the server and team of the invite.</p>}
        <label className="field">
          <span>Invite</span>
          <textarea
            data-autofocus
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="debrief-invite:…"
            spellCheck={false}
            required
          />
        </label>
        {joining && (
          <p className="muted" role="status">
            Getting the incident and its timeline…
          </p>
        )}
        <FormFooter error={error} submitLabel={joining ? 'Joining…' : 'Join'} onCancel={onClose} submitDisabled={joining || !configured} />
      </form>
    </Dialog>
  );
}
