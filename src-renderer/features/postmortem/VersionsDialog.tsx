import { useState } from 'react';
import { RichTextEditor } from '@editor/RichTextEditor';
import { Dialog } from '@ui/Dialog';
import { useVersions, type PostmortemRecord } from '@data/documents';

interface VersionsDialogProps {
  incidentId: string;
  timeText: (ms: number) => string;
  onRestore: (version: PostmortemRecord) => void;
  onClose: () => void;
}

const noop = () => undefined;

/** Named versions, newest first, with a read-only preview and a confirmed restore. */
export function VersionsDialog({ incidentId, timeText, onRestore, onClose }: VersionsDialogProps) {
  const versions = useVersions(incidentId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const selected = versions?.find((v) => v.id === selectedId) ?? versions?.[0] ?? null;

  return (
    <Dialog open wide title="Versions" onClose={onClose}>
      {versions === undefined ? (
        <p className="loading">Loading…</p>
      ) : versions.length === 0 ? (
        <div className="pm-dialog-body">
          <p>No versions yet. Use “Save version…” to keep a copy of the document as it is now, e.g. before the review meeting.</p>
        </div>
      ) : (
        <div className="pm-versions">
          <ul className="pm-version-list" aria-label="Saved versions">
            {versions.map((version) => (
              <li key={version.id}>
                <button
                  type="button"
                  aria-current={version.id === selected?.id}
                  className={version.id === selected?.id ? 'pm-version pm-version-selected' : 'pm-version'}
                  onClick={() => {
                    setSelectedId(version.id);
                    setConfirming(false);
                  }}
                >
                  <span className="pm-version-name">{version.name}</span>
                  <span className="muted">{timeText(version.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
          {selected && (
            <section className="pm-version-preview" aria-label={`Preview of ${selected.name}`}>
              <div className="pm-version-actions">
                {confirming ? (
                  <div role="alert" className="pm-confirm">
                    <span>Restore “{selected.name}”? The current document is saved as a version first.</span>
                    <button type="button" onClick={() => setConfirming(false)}>
                      Cancel
                    </button>
                    <button type="button" className="primary" onClick={() => onRestore(selected)} autoFocus>
                      Restore
                    </button>
                  </div>
                ) : (
                  <button type="button" className="primary" onClick={() => setConfirming(true)}>
                    Restore this version…
                  </button>
                )}
              </div>
              <RichTextEditor key={selected.id} initialState={selected.body} onChange={noop} people={[]} readOnly ariaLabel={`Version ${selected.name}`} />
            </section>
          )}
        </div>
      )}
    </Dialog>
  );
}
