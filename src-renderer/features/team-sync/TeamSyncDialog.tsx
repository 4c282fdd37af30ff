import { useState, type FormEvent } from 'react';
import { Dialog } from '@ui/Dialog';
import { FormFooter } from '@ui/FormFooter';
import { checkTeamSyncInput, parseServerAddress, SyncError, syncOriginAllowedAtBoot, teamSync } from '@data/sync';
import { SyncStatusChip } from './SyncStatusChip';
import { platform } from '@platform/index';
import { useSyncStatus } from './use-team-sync';

function isInsecure(server: string): boolean {
  try {
    return parseServerAddress(server).insecure;
  } catch {
    return false;
  }
}

/** Settings → Team sync: the team's server address, the team id and this person's access token. */
export function TeamSyncDialog({ onClose }: { onClose: () => void }) {
  const saved = teamSync.settings();
  const status = useSyncStatus();
  const [server, setServer] = useState(saved?.serverUrl ?? '');
  const [team, setTeam] = useState(saved?.team ?? '');
  const [token, setToken] = useState(saved?.token ?? '');
  const [userName, setUserName] = useState(saved?.userName ?? '');
  const [insecureConfirmed, setInsecureConfirmed] = useState(saved?.insecureConfirmed ?? false);
  const [error, setError] = useState<string | null>(null);
  const [needsRestart, setNeedsRestart] = useState(false);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaving(true);
    try {
      const settings = checkTeamSyncInput({ server, team, token, userName, insecureConfirmed });
      await teamSync.configure(settings);
      if (!syncOriginAllowedAtBoot(settings.serverUrl)) setNeedsRestart(true);
      else onClose();
    } catch (caught) {
      setError(caught instanceof SyncError ? caught.message : `Could not save: ${String(caught)}`);
    } finally {
      setSaving(false);
    }
  };

  const turnOff = async () => {
    await teamSync.configure(null);
    onClose();
  };

  if (needsRestart) {
    return (
      <Dialog open title="Team sync" onClose={onClose}>
        <div className="incident-form">
          <p>Saved. Debrief only talks to the sync server it was started with: restart it to connect to the new server.</p>
          <div className="form-actions">
            <button type="button" onClick={onClose}>
              Later
            </button>
            <button type="button" className="primary" onClick={() => window.location.reload()}>
              Restart now
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open title="Team sync" onClose={onClose}>
      <form className="incident-form team-sync-form" onSubmit={(event) => void submit(event)}>
        <p className="muted">
          Share incidents with your team through your team’s own sync server (<code>npm run server</code>). Nothing leaves this computer until you
          share an incident.
        </p>
        {saved && <SyncStatusChip status={status} label="Team sync" />}
        <label className="field">
          <span>Server address</span>
          <input data-autofocus value={server} onChange={(e) => setServer(e.target.value)} placeholder="wss://sync.example.com" autoComplete="url" spellCheck={false} required />
        </label>
        {isInsecure(server) && (
          <label className="field-warning team-sync-insecure">
            <input type="checkbox" checked={insecureConfirmed} onChange={(e) => setInsecureConfirmed(e.target.checked)} /> This is plain <code>ws://</code> to
            another computer: the token and every edit travel unencrypted. I trust this network.
          </label>
        )}
        <div className="field-row">
          <label className="field">
            <span>Team</span>
            <input value={team} onChange={(e) => setTeam(e.target.value)} placeholder="acme" spellCheck={false} required />
          </label>
          <label className="field">
            <span>Your name</span>
            <input value={userName} onChange={(e) => setUserName(e.target.value)} placeholder="Shown to teammates next to your edits" autoComplete="name" />
          </label>
        </div>
        <label className="field">
          <span>Access token</span>
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder="dbr_…" spellCheck={false} autoComplete="off" required />
        </label>
        <p className="muted team-sync-hint">
          Whoever runs the server creates your token with <code>npm run server -- token create --team {team || 'TEAM'} --role editor</code>.{' '}
          {teamSync.tokenKeeping() === 'encrypted' ? (
            <>Debrief keeps it on this computer encrypted with your system’s keychain, readable only by your user account.</>
          ) : (
            <>
              Debrief keeps it on this computer unencrypted (in{' '}
              {platform.kind === 'browser' ? 'this browser’s storage for this site' : 'its own storage: this computer offers no keychain to encrypt it with'}),
              like the rest of your library: on a shared computer, ask for a token you can revoke (<code>token revoke</code>).
            </>
          )}
        </p>
        {saved && (
          <button type="button" className="link-button" onClick={() => void turnOff()}>
            Turn team sync off (shared incidents stay in your library)
          </button>
        )}
        <FormFooter error={error} submitLabel={saving ? 'Connecting…' : 'Save and connect'} onCancel={onClose} submitDisabled={saving} />
      </form>
    </Dialog>
  );
}
