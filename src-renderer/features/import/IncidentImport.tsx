import { useEffect, useRef, useState } from 'react';
import type { Incident } from '@core/model/incident';
import { platform } from '@platform/index';
import { useAppCommand } from '@ui/command-bus';
import { filesFromDrop } from './dropped-entries';
import { ImportWorkerClient } from './import-client';
import { ImportWizard } from './ImportWizard';
import { PasteTextDialog } from './PasteTextDialog';
import { groupPickedFiles, type PickedFile, type PickedInput } from './picked-input';
import { groupRelatedInputs } from './related-inputs';
import { SourcesDialog } from './SourcesDialog';
import { useSources } from '@data/sources';
import './import.css';

/**
 * The incident's import entry points: the Import… and Sources buttons, File > Import…, and
 * files or folders dropped anywhere on the workspace.
 */
export function IncidentImport({ incident }: { incident: Incident }) {
  const [inputs, setInputs] = useState<PickedInput[] | null>(null);
  const [client, setClient] = useState<ImportWorkerClient | null>(null);
  const [showSources, setShowSources] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  /** Text in the paste dialog, or null while it is closed. */
  const [pasted, setPasted] = useState<string | null>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const sources = useSources(incident.id);

  const start = (files: PickedFile[]) => {
    if (files.length === 0) return;
    setShowSources(false);
    // Created outside the state updater: updaters may run twice and would leak a worker.
    const worker = client ?? new ImportWorkerClient();
    setClient(worker);
    // Parts of one record picked one by one (PagerDuty log entries + notes + incident) import as one.
    void groupRelatedInputs(groupPickedFiles(files)).then((grouped) => setInputs((current) => [...(current ?? []), ...grouped]));
  };
  const dragging = useDropZone(start);
  usePasteToImport(start, (text) => setPasted(text), inputs === null && pasted === null);

  const pick = async (directories: boolean) => {
    setMenuOpen(false);
    start(await platform.pickFiles({ multiple: true, directories }));
  };

  const close = () => {
    client?.dispose();
    setClient(null);
    setInputs(null);
  };

  useAppCommand('import', () => void pick(false));

  return (
    <>
      <div className="import-buttons">
        <button ref={importButton} type="button" onClick={() => void pick(false)} title="Import files (File > Import…)">
          Import…
        </button>
        <button type="button" className="import-more" aria-label="More import options" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((open) => !open)}>
          ▾
        </button>
        {menuOpen && (
          <div
            className="import-menu"
            role="menu"
            onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}
            onBlur={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget)) setMenuOpen(false);
            }}
          >
            <button type="button" role="menuitem" autoFocus onClick={() => void pick(false)}>
              Choose files…
            </button>
            <button type="button" role="menuitem" onClick={() => void pick(true)}>
              Choose folder…
            </button>
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setMenuOpen(false);
                setPasted('');
              }}
            >
              Paste text…
            </button>
          </div>
        )}
      </div>
      <button type="button" onClick={() => setShowSources(true)}>
        Sources{sources && sources.length > 0 ? ` (${sources.length})` : ''}
      </button>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <strong>Drop to import into “{incident.title}”</strong>
            <span>Chat exports, paging and alert logs, status pages, deploys, CSV timelines and call transcripts</span>
          </div>
        </div>
      )}
      {pasted !== null && (
        <PasteTextDialog
          open
          initialText={pasted}
          onClose={() => setPasted(null)}
          onImport={(file) => {
            setPasted(null);
            start([{ file, path: file.name }]);
          }}
          returnFocus={() => importButton.current}
        />
      )}
      {inputs && client && <ImportWizard incident={incident} inputs={inputs} client={client} onClose={close} returnFocus={() => importButton.current} />}
      {showSources && (
        <SourcesDialog
          incident={incident}
          onClose={() => setShowSources(false)}
          onImport={() => {
            setShowSources(false);
            void pick(false);
          }}
        />
      )}
    </>
  );
}

/** True while files are dragged over the window; calls onDrop with the dropped files and folders. */
function useDropZone(onDrop: (files: PickedFile[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const handler = useRef(onDrop);
  useEffect(() => {
    handler.current = onDrop;
  });
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!event.dataTransfer || !hasFiles(event)) return;
      event.preventDefault();
      void filesFromDrop(event.dataTransfer).then((files) => handler.current(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

/** True for a control where Ctrl/Cmd+V pastes into what the user is typing. */
function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null);
}

/**
 * Ctrl/Cmd+V on the incident (not in a text field, no dialog open) imports what the clipboard
 * holds: copied files go straight to the import, copied text (a chat log) opens the paste dialog.
 */
function usePasteToImport(onFiles: (files: PickedFile[]) => void, onText: (text: string) => void, enabled: boolean): void {
  const handlers = useRef({ onFiles, onText });
  useEffect(() => {
    handlers.current = { onFiles, onText };
  });
  useEffect(() => {
    if (!enabled) return;
    const paste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || document.querySelector('dialog[open]')) return;
      const data = event.clipboardData;
      if (!data) return;
      const files = [...data.files];
      if (files.length > 0) {
        event.preventDefault();
        handlers.current.onFiles(files.map((file) => ({ file, path: file.name })));
        return;
      }
      const text = data.getData('text/plain');
      if (text.trim() === '') return;
      event.preventDefault();
      handlers.current.onText(text);
    };
    window.addEventListener('paste', paste);
    return () => window.removeEventListener('paste', paste);
  }, [enabled]);
}
