import { useState } from 'react';
import { backupFileName, checkBackupFile, createBackup, restoreBackup, type BackupSummary } from '@data/backup';
import { db } from '@data/connection';
import { asFile, platform } from '@platform/index';
import { Dialog } from '@ui/Dialog';
import { useToast } from '@ui/toast-context';
import './backup.css';

type Step =
  | { name: 'choose'; error?: string }
  | { name: 'working'; label: string; fraction: number }
  | { name: 'confirm'; file: File; summary: BackupSummary };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Back up the whole library to one JSON file, or restore one; opened from the library and File > Export…. */
export function BackupDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const working = step.name === 'working';
  const close = () => {
    // Closing mid-way would hide the progress of a transaction that still runs.
    if (!working) onClose();
  };
  const progress = (label: string) => (fraction: number) => setStep({ name: 'working', label, fraction });

  const backUp = async () => {
    const name = backupFileName(new Date());
    progress('Backing up')(0);
    try {
      const blob = await createBackup(db, progress('Backing up'));
      const saved = await platform.saveFile(blob, { suggestedName: name, mimeType: 'application/json', filter: { name: 'Debrief backup', extensions: ['json'] } });
      if (saved) {
        toast.show({ message: `Saved the backup ${name}.`, tone: 'success' });
        onClose();
        return;
      }
      setStep({ name: 'choose' });
    } catch (error) {
      setStep({ name: 'choose', error: message(error) });
    }
  };

  const pick = async () => {
    const [picked] = await platform.pickFiles({ accept: ['.json'] });
    if (!picked) return;
    progress('Reading the backup')(0);
    try {
      // A desktop-picked backup is copied in chunks through the main process into a File the
      // browser holds (paging it to disk when large): no size is tied to the page's memory.
      const file = await asFile(picked.file, progress('Reading the backup'));
      const summary = await checkBackupFile(file, picked.path || file.name, db);
      setStep({ name: 'confirm', file, summary });
    } catch (error) {
      setStep({ name: 'choose', error: message(error) });
    }
  };

  const restore = async (file: File, summary: BackupSummary) => {
    progress('Restoring')(0);
    try {
      await restoreBackup(db, file, summary.fileName, progress('Restoring'));
      toast.show({ message: `Restored ${plural(summary.totalRows, 'record')} from ${summary.fileName}.`, tone: 'success' });
      onClose();
    } catch (error) {
      setStep({ name: 'choose', error: message(error) });
    }
  };

  return (
    <Dialog open title="Back up or restore" onClose={close}>
      <div className="backup-body">
        {step.name === 'choose' && (
          <>
            {step.error && (
              <p className="error-panel" role="alert">
                {step.error}
              </p>
            )}
            <section className="backup-option" aria-labelledby="backup-save-title">
              <h3 id="backup-save-title">Back up</h3>
              <p className="muted">Saves every incident with its timeline, review notes, postmortems, action items, people and settings to one file. Keep it somewhere safe.</p>
              <button type="button" className="primary" data-autofocus onClick={() => void backUp()}>
                Back up…
              </button>
            </section>
            <section className="backup-option" aria-labelledby="backup-restore-title">
              <h3 id="backup-restore-title">Restore</h3>
              <p className="muted">Adds or updates the records of a backup file. Nothing else in your library is deleted.</p>
              <button type="button" onClick={() => void pick()}>
                Restore from backup…
              </button>
            </section>
          </>
        )}
        {step.name === 'working' && (
          <div className="progress-panel" role="status">
            <label htmlFor="backup-progress-bar">{step.label}…</label>
            <progress id="backup-progress-bar" max={1} value={step.fraction} />
          </div>
        )}
        {step.name === 'confirm' && <ConfirmRestore summary={step.summary} onCancel={() => setStep({ name: 'choose' })} onRestore={() => void restore(step.file, step.summary)} />}
      </div>
    </Dialog>
  );
}

function ConfirmRestore({ summary, onCancel, onRestore }: { summary: BackupSummary; onCancel: () => void; onRestore: () => void }) {
  const withRows = summary.tables.filter((t) => t.rowCount > 0);
  return (
    <>
      <p>
        <strong>{summary.fileName}</strong>
        {summary.exportedAt && <> — backed up on {summary.exportedAt.toLocaleDateString(undefined, { dateStyle: 'long' })}</>}
      </p>
      {withRows.length === 0 ? (
        <p className="muted">This backup is empty: restoring it changes nothing.</p>
      ) : (
        <table className="backup-tables">
          <caption className="sr-only">What the backup holds</caption>
          <tbody>
            {withRows.map((t) => (
              <tr key={t.name}>
                <th scope="row">{t.label}</th>
                <td>{t.rowCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        Restoring adds the records of this backup and updates the ones you already have to their backed-up state. Records that are not in
        the backup are kept; nothing is deleted.
      </p>
      <footer className="backup-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" data-autofocus onClick={onRestore}>
          Restore {summary.totalRows === 1 ? '1 record' : `${summary.totalRows} records`}
        </button>
      </footer>
    </>
  );
}
