import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Incident } from '@core/model/incident';
import { formatWithZoneName } from '@core/time/format-in-zone';
import { BlamelessHighlightPlugin } from '@editor/BlamelessHighlightPlugin';
import { DocumentOutlinePlugin } from '@editor/DocumentOutlinePlugin';
import { exportMarkdownFromState } from '@editor/markdown-io';
import { $replaceWithSerializedState } from '@editor/collab-binding';
import { RichTextEditor } from '@editor/RichTextEditor';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { CommentMarksPlugin } from '@editor/CommentMarksPlugin';
import { describeStatus, teamSync } from '@data/sync';
import { platform } from '@platform/index';
import { Dialog } from '@ui/Dialog';
import { useToast } from '@ui/toast-context';
import { ConfirmDialog } from './ConfirmDialog';
import { peopleNames } from './context-input';
import {
  isReadOnlyReview,
  loadCurrentDocument,
  REVIEW_STATUS_LABEL,
  restoreVersion,
  saveBody,
  saveDismissed,
  saveVersion,
  setReviewStatus,
  useCurrentDocument,
  useIncidentRecords,
  type PostmortemRecord,
} from '@data/documents';
import { ExportDialog, type ExportFormat } from './ExportDialog';
import { postmortemHtml } from './html-export';
import { exportFileName, postmortemMarkdown } from './markdown-export';
import { generatePostmortem, importPostmortem, loadContext, regeneratePostmortem, undoRegenerate } from './postmortem-actions';
import { sectionLabel } from './postmortem-draft';
import { SaveVersionDialog } from './SaveVersionDialog';
import { TemplatePicker } from './TemplatePicker';
import { navigate, timelineEventRoute } from '@ui/route';
import { useAutosave, type SaveStatus } from './use-autosave';
import type { TemplateChoice } from './user-templates';
import { VersionsDialog } from './VersionsDialog';
import { PresenceAvatars } from './PresenceAvatars';
import { ReviewStatusControl } from './ReviewStatusControl';
import { useSharedDocument } from './use-shared-document';
import { usePresentNames } from './use-present-names';
import { PostmortemComments, type CommentDraft } from './PostmortemComments';

type Panel = 'none' | 'save-version' | 'versions' | 'export' | 'new-draft' | { import: { fileName: string; text: string } };

const SAVE_LABEL: Record<SaveStatus, string> = { saved: 'All changes saved', pending: 'Unsaved changes…', saving: 'Saving…', error: 'Not saved' };

const DOCUMENT_LABEL = 'Postmortem document';
/** The document's editor: where focus goes after a new draft replaces it. */
export const DOCUMENT_EDITOR = `[aria-label="${DOCUMENT_LABEL}"][contenteditable="true"]`;

/** A mention id for a teammate known only by name (ids allow letters, digits, _ and -). */
const teammateMentionId = (name: string) => `teammate-${[...name].map((c) => (c.codePointAt(0) ?? 0).toString(36)).join('_')}`;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface WorkspaceProps {
  incident: Incident;
  initial: PostmortemRecord;
  choices: readonly TemplateChoice[];
  /** File > Export… asked for the export dialog (see PostmortemTab). */
  exportRequested: boolean;
  onExportTaken: (() => void) | undefined;
  /** A comment thread to open (see PostmortemTab). */
  focusThread?: { threadId: string } | undefined;
}

/** The postmortem editor with its toolbar: regenerate, versions, import and export. */
export function PostmortemWorkspace({ incident, initial, choices, exportRequested, onExportTaken, focusThread }: WorkspaceProps) {
  const toast = useToast();
  const live = useCurrentDocument(incident.id);
  const doc = live ?? initial;
  const records = useIncidentRecords(incident.id);
  const names = useMemo(() => (records ? peopleNames(records) : []), [records]);

  // The editor is seeded once per revision; whole-document replacements bump the revision.
  const [seed, setSeed] = useState({ body: initial.body, revision: 0 });
  const bodyRef = useRef(initial.body);
  const [findings, setFindings] = useState(0);
  const [panel, setPanel] = useState<Panel>('none');
  const [busy, setBusy] = useState(false);
  const [newTemplateId, setNewTemplateId] = useState(doc.templateId);
  // A shared incident's postmortem is co-edited; a solo one keeps the editor as it always was.
  const shared = useSharedDocument(incident.id, doc.id);
  // "@" offers the incident's people and, on a shared incident, the teammates present (by their
  // Team sync name: mentioning one notifies them, see mention-inbox.ts).
  const teammates = usePresentNames(shared);
  const mentionPeople = useMemo(() => {
    const people = records ? records.people.map((p) => ({ id: p.id, name: p.displayName })) : [];
    const known = new Set(people.map((p) => p.name.toLocaleLowerCase()));
    const others = teammates.filter((name) => !known.has(name.toLocaleLowerCase()) && name !== shared?.user.name);
    return [...people, ...others.map((name) => ({ id: teammateMentionId(name), name }))];
  }, [records, teammates, shared]);
  const coEditing = !!shared;
  // Approved and Published are read-only for everyone until reopened.
  const locked = isReadOnlyReview(doc.review.status);
  const editorRef = useRef<LexicalEditor | null>(null);
  // Comments (co-edited documents only): whether text is selected, the open thread, a new one.
  const [rangeSelected, setRangeSelected] = useState(false);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [commentDraft, setCommentDraft] = useState<CommentDraft | null>(null);
  const peopleNamesForMentions = useMemo(() => mentionPeople.map((person) => person.name), [mentionPeople]);

  // A mention opened from the inbox (or Back to it) shows its thread.
  const [threadAsked, setThreadAsked] = useState<typeof focusThread>(undefined);
  if (focusThread !== threadAsked) {
    setThreadAsked(focusThread);
    if (focusThread) setActiveThread(focusThread.threadId);
  }

  const startComment = () => {
    const editor = editorRef.current;
    if (!editor || locked) return;
    const draft = editor.getEditorState().read(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
      const quote = selection.getTextContent().replace(/\s+/g, ' ').trim();
      return quote ? { selection: selection.clone(), quote: quote.length > 200 ? `${quote.slice(0, 199)}…` : quote } : null;
    });
    if (draft) setCommentDraft(draft);
  };

  // File > Export… opens the export dialog, whether it arrived before or after this mounted.
  const [exportAsked, setExportAsked] = useState(false);
  if (exportRequested !== exportAsked) {
    setExportAsked(exportRequested);
    if (exportRequested) setPanel('export');
  }
  useEffect(() => {
    if (exportRequested) onExportTaken?.();
  }, [exportRequested, onExportTaken]);

  const template = choices.find((c) => c.template.id === doc.templateId)?.template ?? null;
  const zone = incident.timeZone;
  const timeText = useCallback((ms: number) => formatWithZoneName(ms, zone), [zone]);

  const autosave = useAutosave(
    (body) => saveBody(doc.id, body),
    (error) => toast.show({ message: `Your last changes could not be saved: ${message(error)}`, tone: 'error' }),
  );

  const onChange = useCallback(
    (body: string) => {
      if (body === bodyRef.current) return;
      bodyRef.current = body;
      // Co-edited text is stored from the shared document (postmortem-companion.ts).
      if (!coEditing) autosave.schedule(body);
    },
    [autosave, coEditing],
  );

  const replaceDocument = (record: PostmortemRecord) => {
    autosave.discard();
    bodyRef.current = record.body;
    const editor = editorRef.current;
    if (shared && editor) {
      // An edit like any other: only the blocks that differ change for everyone.
      editor.update(() => $replaceWithSerializedState(editor, record.body));
      return;
    }
    setSeed((s) => ({ body: record.body, revision: s.revision + 1 }));
  };

  /** Runs a whole-document action after pending keystrokes are stored. */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await autosave.flush();
      await action();
    } catch (error) {
      toast.show({ message: message(error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const regenerate = () =>
    run(async () => {
      if (!template) {
        toast.show({
          message: `The template “${doc.templateId}” of this document is no longer available. Add it again, or start a new draft from another template.`,
          tone: 'error',
        });
        return;
      }
      const result = await regeneratePostmortem(doc, bodyRef.current, template);
      replaceDocument(result.record);
      const parts = [
        result.refreshed.length > 0 ? `Updated ${result.refreshed.map(sectionLabel).join(', ')}.` : 'Generated sections were already up to date.',
        result.kept.length > 0 ? `Kept your edits to ${result.kept.map(sectionLabel).join(', ')}.` : '',
        'Your writing was kept.',
      ];
      toast.show({
        message: parts.filter(Boolean).join(' '),
        tone: 'success',
        actionLabel: 'Undo',
        onAction: () => void undoRegenerate(result.previous).then(replaceDocument),
      });
    });

  const onDismiss = useCallback(
    (findingId: string) => {
      if (!doc.dismissedFindings.includes(findingId)) void saveDismissed(doc.id, [...doc.dismissedFindings, findingId]);
    },
    [doc.dismissedFindings, doc.id],
  );

  const exportAs = (format: ExportFormat) =>
    run(async () => {
      const body = bodyRef.current;
      if (format === 'pdf') {
        setPanel('none');
        // Let the dialog close before the page is printed.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await platform.printToPdf(exportFileName(incident.title, 'pdf'));
        return;
      }
      if (format === 'copy') {
        await navigator.clipboard.writeText(`${exportMarkdownFromState(body)}\n`);
        toast.show({ message: 'Copied the postmortem as Markdown.', tone: 'success' });
        setPanel('none');
        return;
      }
      const saved =
        format === 'markdown'
          ? await platform.saveFile(postmortemMarkdown(await loadContext(incident.id, doc.createdAt), doc.templateId, body), {
              suggestedName: exportFileName(incident.title, 'md'),
              mimeType: 'text/markdown',
              filter: { name: 'Markdown', extensions: ['md'] },
            })
          : await platform.saveFile(postmortemHtml(body, incident.title), {
              suggestedName: exportFileName(incident.title, 'html'),
              mimeType: 'text/html',
              filter: { name: 'HTML page', extensions: ['html'] },
            });
      if (saved) {
        toast.show({ message: format === 'markdown' ? 'Exported the postmortem as Markdown.' : 'Exported the postmortem as an HTML page.', tone: 'success' });
        setPanel('none');
      }
    });

  // After "Create new draft" focus goes into the new document, not back to the toolbar.
  const draftCreated = useRef(false);

  const pickImport = async () => {
    const [picked] = await platform.pickFiles({ accept: ['.md', '.markdown'] });
    if (picked) setPanel({ import: { fileName: picked.path || picked.file.name, text: await picked.file.text() } });
  };

  return (
    <section className="pm-workspace" aria-label="Postmortem">
      <div className="pm-toolbar" role="toolbar" aria-label="Postmortem actions">
        <button type="button" disabled={busy || locked} onClick={() => void regenerate()} title="Refresh tables and lists from the incident; your writing is kept">
          Regenerate
        </button>
        <button
          type="button"
          disabled={busy || locked}
          onClick={() => {
            draftCreated.current = false;
            setPanel('new-draft');
          }}
        >
          New draft…
        </button>
        <button type="button" disabled={busy || locked} onClick={() => void pickImport()}>
          Import Markdown…
        </button>
        <span className="pm-toolbar-gap" />
        <button type="button" disabled={busy} onClick={() => setPanel('save-version')}>
          Save version…
        </button>
        <button type="button" onClick={() => setPanel('versions')}>
          Versions
        </button>
        {shared && (
          <button
            type="button"
            disabled={busy || locked || !rangeSelected}
            // Keeps the document's selection: the comment is on what is selected there.
            onMouseDown={(event) => event.preventDefault()}
            onClick={startComment}
            title="Comment on the selected text; your team sees it (Ctrl+Alt+M)"
          >
            Comment
          </button>
        )}
        <button type="button" className="primary" disabled={busy} onClick={() => void autosave.flush().then(() => setPanel('export'))}>
          Export…
        </button>
        <div className="pm-statusbar">
          <span className="muted pm-template-in-use">
            Template: <strong>{template?.name ?? doc.templateId}</strong>
          </span>
          <ReviewStatusControl
            review={doc.review}
            defaultName={teamSync.settings()?.userName ?? ''}
            timeText={timeText}
            disabled={busy}
            onMove={(to, by) =>
              void run(async () => {
                await setReviewStatus(doc.id, to, by);
                toast.show({
                  message: to === 'draft' ? 'The postmortem is open for editing again.' : `The postmortem is now ${REVIEW_STATUS_LABEL[to]}.`,
                  tone: 'success',
                });
              })
            }
          />
          <span className="pm-toolbar-gap" />
          <span className={findings > 0 ? 'pm-findings pm-findings-open' : 'pm-findings'} role="status" aria-live="polite">
            {findings === 0 ? 'Blameless check: no findings' : `Blameless check: ${findings} ${findings === 1 ? 'finding' : 'findings'}`}
          </span>
          {shared ? (
            <>
              <PresenceAvatars shared={shared} />
              <span className="pm-save" role="status">
                {describeStatus(shared.handle.status())}
              </span>
            </>
          ) : (
            <span className={`pm-save pm-save-${autosave.status}`} role="status">
              {shared === undefined ? 'Opening the shared document…' : SAVE_LABEL[autosave.status]}
            </span>
          )}
        </div>
      </div>

      <div className={shared ? 'pm-body pm-body-comments' : 'pm-body'}>
      <div className="pm-document" onBlur={() => void autosave.flush()}>
        {shared === undefined ? (
          <p className="loading">Opening the shared document…</p>
        ) : (
        <RichTextEditor
          key={shared ? `shared:${shared.handle.name}` : seed.revision}
          collaboration={shared?.collaboration}
          editorRef={editorRef}
          readOnly={locked}
          initialState={seed.body}
          onChange={onChange}
          people={mentionPeople}
          onEventReferenceClick={(eventId) => {
            void autosave.flush().then(() => navigate(timelineEventRoute(incident.id, eventId)));
          }}
          ariaLabel={DOCUMENT_LABEL}
          placeholder="Write the postmortem…"
        >
          <BlamelessHighlightPlugin people={names} dismissed={doc.dismissedFindings} onDismiss={onDismiss} onFindingsChange={setFindings} />
          {/* The page's h1 is the incident's title: the document's headings sit under it. */}
          <DocumentOutlinePlugin headingOffset={1} />
          {shared && (
            <CommentMarksPlugin
              activeThreadId={activeThread}
              onCaretInThreads={(ids) => setActiveThread(ids[0] ?? null)}
              onRangeSelected={setRangeSelected}
              onCommentShortcut={startComment}
            />
          )}
        </RichTextEditor>
        )}
      </div>
      {shared && (
        <PostmortemComments
          shared={shared}
          editorRef={editorRef}
          draft={commentDraft}
          onDraftDone={() => setCommentDraft(null)}
          activeThreadId={activeThread}
          onActivate={setActiveThread}
          incidentPeople={peopleNamesForMentions}
          timeText={timeText}
        />
      )}
      </div>

      {panel === 'save-version' && (
        <SaveVersionDialog
          onClose={() => setPanel('none')}
          onSave={(name) =>
            void run(async () => {
              const current = await loadCurrentDocument(incident.id);
              if (!current) return;
              // The text on screen: while co-editing, the stored body may trail it by a moment.
              await saveVersion({ ...current, body: bodyRef.current }, name);
              setPanel('none');
              toast.show({ message: `Saved version “${name}”.`, tone: 'success' });
            })
          }
        />
      )}
      {panel === 'versions' && (
        <VersionsDialog
          incidentId={incident.id}
          timeText={timeText}
          onClose={() => setPanel('none')}
          onRestore={(version) =>
            void run(async () => {
              if (locked) {
                toast.show({ message: `This postmortem is ${REVIEW_STATUS_LABEL[doc.review.status]}: reopen it to restore a version.`, tone: 'error' });
                return;
              }
              const { restored } = await restoreVersion(incident.id, version.id);
              replaceDocument(restored);
              setPanel('none');
              toast.show({ message: `Restored “${version.name}”. The document before it is saved as a version.`, tone: 'success' });
            })
          }
        />
      )}
      {panel === 'export' && <ExportDialog findings={findings} busy={busy} onExport={(format) => void exportAs(format)} onClose={() => setPanel('none')} />}
      {panel === 'new-draft' && (
        <Dialog open wide title="New draft from a template" onClose={() => setPanel('none')} returnFocus={() => (draftCreated.current ? DOCUMENT_EDITOR : null)}>
          <div className="pm-dialog-body">
            <p>This replaces the whole document with a fresh draft. The current document is saved as a version first, so nothing is lost.</p>
            <TemplatePicker choices={choices} selectedId={newTemplateId} onSelect={setNewTemplateId} />
          </div>
          <footer className="pm-dialog-actions">
            <button type="button" onClick={() => setPanel('none')}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || !choices.some((c) => c.template.id === newTemplateId)}
              onClick={() =>
                void run(async () => {
                  const chosen = choices.find((c) => c.template.id === newTemplateId)?.template;
                  if (!chosen) return;
                  replaceDocument(await generatePostmortem(incident.id, chosen));
                  draftCreated.current = true;
                  setPanel('none');
                  toast.show({ message: `New draft from “${chosen.name}”. The previous document is under Versions.`, tone: 'success' });
                })
              }
            >
              Create new draft
            </button>
          </footer>
        </Dialog>
      )}
      {typeof panel === 'object' && (
        <ConfirmDialog
          title="Import Markdown"
          confirmLabel="Replace document"
          onClose={() => setPanel('none')}
          onConfirm={() =>
            void run(async () => {
              const { fileName, text } = panel.import;
              replaceDocument(await importPostmortem(doc, bodyRef.current, fileName, text));
              setPanel('none');
              toast.show({ message: `Imported ${fileName}. The previous document is under Versions.`, tone: 'success' });
            })
          }
        >
          <p>
            Replace the document with <strong>{panel.import.fileName}</strong>? The current document is saved as a version first. Front
            matter in the file is ignored; it is written anew on export.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
