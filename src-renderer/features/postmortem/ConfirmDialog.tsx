import type { ReactNode } from 'react';
import { Dialog } from '@ui/Dialog';

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** Asks before a change that replaces the document. */
export function ConfirmDialog({ title, confirmLabel, onConfirm, onClose, children }: ConfirmDialogProps) {
  return (
    <Dialog open title={title} onClose={onClose}>
      <div className="pm-dialog-body">{children}</div>
      <footer className="pm-dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" data-autofocus onClick={onConfirm}>
          {confirmLabel}
        </button>
      </footer>
    </Dialog>
  );
}
