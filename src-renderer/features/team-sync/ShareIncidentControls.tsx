import { useState } from 'react';
import { Dialog } from '@ui/Dialog';
import { SyncError, teamSync } from '@data/sync';
import { SyncStatusChip } from './SyncStatusChip';
import { useIsShared, useSyncStatus } from './use-team-sync';

interface ShareProps {
  incidentId: string;
  title: string;
}

/** The incident header's team controls: Share… before, the status chip and Team menu after. */
export function ShareIncidentControls({ incidentId, title }: ShareProps) {
  const shared = useIsShared(incidentId);
  const status = useSyncStatus(incidentId);
  const [open, setOpen] = useState(false);
  return (
    <>
      {shared && (
        <button type="button" className="sync-chip-button" onClick={() => setOpen(true)} title="Team sharing of this incident">
          <SyncStatusChip status={status} label="This incident" />
        </button>
      )}
      {!shared && (
        <button type="button" onClick={() => setOpen(true)}>
          Share…
        </button>
      )}
      {open && <ShareDialog incidentId={incidentId} title={title} onClose={() => setOpen(false)} />}
    </>
  );
}

function ShareDialog({ incidentId, title, onClose }: ShareProps & { onClose: () => void }) {
  const shared = useIsShared(incidentId);
  const status = useSyncStatus(incidentId);
  const configured = teamSync.settings() !== null;
  const [invite, setInvite] = useState<string | null>(() => (shared && configured ? teamSync.invite(incidentId, title) : null));
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const how = teamSync.sharedIncidents().find((entry) => entry.incidentId === incidentId)?.how;

  const share = async () => {
    setBusy(true);
    setError(null);
    try {
      setInvite(await teamSync.share(incidentId));
    } catch (caught) {
      setError(caught instanceof SyncError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite);
      setCopied(true);
    } catch {
      setError('Copying was not allowed here: select the invite above and copy it by hand.');
    }
  };

  const stop = async () => {
    setBusy(true);
    await teamSync.leave(incidentId);
    setBusy(false);
    onClose();
  };

  return (
    <Dialog open title={shared ? 'Team incident' : 'Share with your team'} onClose={onClose}>
      <div className="incident-form">
        {!configured && <p>Set up Team sync first (Team sync in the top bar): your team’s server address, your team and your access token.</p>}
        {configured && !shared && (
          <>
            <p>
              Teammates you invite get this incident on their computer, with its whole timeline, and everyone’s changes reach everyone — also those made
              offline, once back online.
            </p>
            <div className="form-actions">
              <button type="button" onClick={onClose}>
                Cancel
              </button>
              <button type="button" className="primary" onClick={() => void share()} disabled={busy}>
                Share with {teamSync.settings()?.team}
              </button>
            </div>
          </>
        )}
        {shared && (
          <>
            <SyncStatusChip status={status} label="This incident" />
            {invite && (
              <label className="field">
                <span>Invite</span>
                <textarea className="invite-code" readOnly rows={3} value={invite} onFocus={(e) => e.target.select()} aria-describedby="invite-help" />
              </label>
            )}
            <p id="invite-help" className="muted">
              A teammate pastes it into <strong>Join incident…</strong> (library). The invite holds no token: each person uses their own.
            </p>
            <div className="form-actions">
              <button type="button" className="danger" onClick={() => void stop()} disabled={busy}>
                {how === 'joined' ? 'Leave' : 'Stop sharing'}
              </button>
              <button type="button" onClick={onClose}>
                Done
              </button>
              <button type="button" className="primary" onClick={() => void copy()} disabled={!invite}>
                {copied ? 'Copied' : 'Copy invite'}
              </button>
            </div>
            <p className="muted">
              {how === 'joined' ? 'Leave' : 'Stop sharing'} keeps your copy in the library; it just stops receiving and sending changes on this computer.
            </p>
          </>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
