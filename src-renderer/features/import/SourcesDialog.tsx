import { useState } from 'react';
import { format as formatDate } from 'date-fns';
import type { Incident } from '@core/model/incident';
import { SOURCE_FORMAT_LABEL, type Source } from '@core/model/source';
import { db } from '@data/connection';
import { removeSource } from '@data/events';
import { Dialog } from '@ui/Dialog';
import { useToast } from '@ui/toast-context';
import { formatBytes, plural } from './format-size';
import { useSources } from '@data/sources';

/** Every import of the incident, with what it brought in; one can be removed with its events. */
export function SourcesDialog({ incident, onClose, onImport }: { incident: Incident; onClose(): void; onImport(): void }) {
  const sources = useSources(incident.id);
  const toast = useToast();
  const [confirming, setConfirming] = useState<string | null>(null);

  const remove = async (source: Source) => {
    try {
      const removed = await removeSource(db, source);
      toast.show({ message: `Removed ${source.fileName} and its ${plural(removed, 'event')}.`, tone: 'success' });
    } catch (error) {
      toast.show({ message: `Could not remove ${source.fileName}: ${error instanceof Error ? error.message : String(error)}`, tone: 'error' });
    }
    setConfirming(null);
  };

  return (
    <Dialog open wide title="Sources" onClose={onClose}>
      <div className="sources">
        {sources === undefined && <p className="loading">Loading…</p>}
        {sources?.length === 0 && (
          <div className="sources-empty">
            <p>Nothing has been imported into this incident yet.</p>
            <button type="button" className="primary" onClick={onImport}>
              Import…
            </button>
          </div>
        )}
        {sources && sources.length > 0 && (
          <ul className="sources-list" aria-label="Imported sources">
            {sources.map((source) => (
              <li key={source.id} className="source-row">
                <div className="source-main">
                  <strong className="source-name">{source.fileName}</strong>
                  <span className="muted">
                    {SOURCE_FORMAT_LABEL[source.format]} · {formatBytes(source.size)} · imported {formatDate(source.importedAt, 'yyyy-MM-dd HH:mm')}
                  </span>
                  <span className="source-counts">
                    {plural(source.counts.added, 'event')} added · {source.counts.duplicates.toLocaleString('en-US')} already present · {source.counts.skipped.toLocaleString('en-US')} skipped ·{' '}
                    {plural(source.counts.warnings, 'warning')}
                  </span>
                  <span className="source-hash">
                    SHA-256{' '}
                    <code title={source.sha256} tabIndex={0}>
                      {source.sha256.slice(0, 12)}…
                    </code>{' '}
                    <button type="button" className="link-button" onClick={() => void navigator.clipboard?.writeText(source.sha256)} aria-label={`Copy SHA-256 of ${source.fileName}`}>
                      Copy
                    </button>
                  </span>
                  {source.warnings.length > 0 && (
                    <details>
                      <summary>Warnings</summary>
                      <ul className="import-warnings">
                        {source.warnings.map((warning, i) => (
                          <li key={i}>{warning}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </div>
                <div className="source-actions">
                  {confirming === source.id ? (
                    <div role="group" aria-label={`Confirm removing ${source.fileName}`} className="source-confirm">
                      <span>Remove its {plural(source.counts.added, 'event')}? This cannot be undone; you can import the file again.</span>
                      <button type="button" className="danger" onClick={() => void remove(source)} autoFocus>
                        Remove
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="danger" onClick={() => setConfirming(source.id)} aria-label={`Remove ${source.fileName}`}>
                      Remove…
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
