import { useEffect, useMemo, useState } from 'react';
import type { Incident } from '@core/model/incident';
import { DEFAULT_TEMPLATE_ID } from '@core/postmortem/shipped-templates';
import { EmptyState } from '@ui/EmptyState';
import { restoreFocus } from '@ui/focus-return';
import { useToast } from '@ui/toast-context';
import { useCurrentDocument } from '@data/documents';
import { generatePostmortem } from './postmortem-actions';
import { DOCUMENT_EDITOR, PostmortemWorkspace } from './PostmortemWorkspace';
import { TemplatePicker } from './TemplatePicker';
import { useUserTemplates, templateChoices } from './user-templates';
import './postmortem.css';

interface PostmortemTabProps {
  incident: Incident;
  /** File > Export… (or a link) asked for the export dialog: opened once, then `onExportTaken`. */
  exportRequested?: boolean;
  onExportTaken?: () => void;
  /** A comment thread to open (a mention was opened); a new object per request. */
  focusThread?: { threadId: string };
}

/** The Postmortem tab: a template picker until a draft exists, then the document workspace. */
export function PostmortemTab({ incident, exportRequested = false, onExportTaken, focusThread }: PostmortemTabProps) {
  const doc = useCurrentDocument(incident.id);
  const stored = useUserTemplates();
  const choices = useMemo(() => templateChoices(stored ?? []), [stored]);

  if (doc === undefined || stored === undefined) return <p className="loading">Loading…</p>;
  if (doc === null) return <NewPostmortem incident={incident} choices={choices} exportRequested={exportRequested} onExportTaken={onExportTaken} />;
  return <PostmortemWorkspace key={doc.id} incident={incident} initial={doc} choices={choices} exportRequested={exportRequested} onExportTaken={onExportTaken} focusThread={focusThread} />;
}

interface NewPostmortemProps {
  incident: Incident;
  choices: ReturnType<typeof templateChoices>;
  exportRequested: boolean;
  onExportTaken: (() => void) | undefined;
}

function NewPostmortem({ incident, choices, exportRequested, onExportTaken }: NewPostmortemProps) {
  const toast = useToast();
  const [selectedId, setSelectedId] = useState(DEFAULT_TEMPLATE_ID);
  const [busy, setBusy] = useState(false);
  const selected = choices.find((c) => c.template.id === selectedId)?.template ?? choices[0]?.template;
  // Nothing to export yet: drop a File > Export… request so it does not pop up after the draft is created.
  useEffect(() => {
    if (exportRequested) onExportTaken?.();
  }, [exportRequested, onExportTaken]);

  const create = async () => {
    if (!selected) return;
    setBusy(true);
    try {
      await generatePostmortem(incident.id, selected);
      // The button goes away with this screen: continue in the new document, not on <body>.
      restoreFocus(DOCUMENT_EDITOR, null);
    } catch (error) {
      toast.show({ message: `The draft could not be created: ${error instanceof Error ? error.message : String(error)}`, tone: 'error' });
      setBusy(false);
    }
  };

  return (
    <EmptyState
      title="No postmortem yet"
      action={
        <button type="button" className="primary" disabled={!selected || busy} onClick={() => void create()}>
          {busy ? 'Creating…' : 'Create draft'}
        </button>
      }
    >
      <p>
        Pick a template. Debrief fills it with this incident’s timeline, milestones, MTTx metrics, CAN reports, review notes and action
        items. You then write the story in your own words; “Regenerate” later refreshes the tables without touching your text.
      </p>
      <TemplatePicker choices={choices} selectedId={selected?.id ?? ''} onSelect={setSelectedId} />
    </EmptyState>
  );
}
