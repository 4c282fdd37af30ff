import { useState } from 'react';
import { Dialog } from '@ui/Dialog';

/** Names a snapshot of the document, e.g. "Sent to reviewers". */
export function SaveVersionDialog({ onSave, onClose }: { onSave: (name: string) => void; onClose: () => void }) {
  const [name, setName] = useState('');
  const trimmed = name.trim();
  return (
    <Dialog open title="Save version" onClose={onClose}>
      <form
        className="pm-dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed) onSave(trimmed);
        }}
      >
        <label className="pm-field">
          <span>Version name</span>
          <input data-autofocus value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Draft for the review meeting" maxLength={120} />
        </label>
        <p className="muted">A version is a copy of the document as it is now. You can preview it and restore it later.</p>
        <footer className="pm-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!trimmed}>
            Save version
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
