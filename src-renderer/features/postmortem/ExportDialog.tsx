import { Dialog } from '@ui/Dialog';

export type ExportFormat = 'markdown' | 'html' | 'pdf' | 'copy';

interface ExportDialogProps {
  findings: number;
  busy: boolean;
  onExport: (format: ExportFormat) => void;
  onClose: () => void;
}

const FORMATS: Array<{ format: ExportFormat; label: string; hint: string }> = [
  { format: 'markdown', label: 'Markdown (.md)', hint: 'GitHub-flavoured, with YAML front matter. Imports back unchanged.' },
  { format: 'html', label: 'HTML page (.html)', hint: 'One self-contained file, no scripts, for sharing by mail or a wiki.' },
  { format: 'pdf', label: 'PDF', hint: 'Prints only the document.' },
  { format: 'copy', label: 'Copy as Markdown', hint: 'The document without front matter, to paste into a ticket or chat.' },
];

/** Export choices, with a notice (never a block) about blameless findings still open. */
export function ExportDialog({ findings, busy, onExport, onClose }: ExportDialogProps) {
  return (
    <Dialog open title="Export postmortem" onClose={onClose}>
      <div className="pm-dialog-body">
        {findings > 0 ? (
          <p className="pm-notice" role="status">
            {findings === 1 ? '1 blameless-language finding remains' : `${findings} blameless-language findings remain`} in the document.
            You can still export; consider rewording or dismissing {findings === 1 ? 'it' : 'them'} first.
          </p>
        ) : (
          <p className="pm-notice pm-notice-ok" role="status">
            No blameless-language findings remain.
          </p>
        )}
        <ul className="pm-export-list">
          {FORMATS.map(({ format, label, hint }, index) => (
            <li key={format}>
              <button type="button" disabled={busy} onClick={() => onExport(format)} data-autofocus={index === 0 ? true : undefined}>
                {label}
              </button>
              <span className="muted">{hint}</span>
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
