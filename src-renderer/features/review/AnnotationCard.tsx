import { useState } from 'react';
import type { Annotation } from '@core/model/annotation';
import { RichTextEditor } from '@editor/RichTextEditor';
import { BlamelessHighlightPlugin } from '@editor/BlamelessHighlightPlugin';
import { formatWithZoneName } from '@core/time/format-in-zone';
import { useToast } from '@ui/toast-context';
import { TrashIcon } from '@ui/icons';
import { deleteAnnotation, dismissFinding, restoreAnnotation, toggleAnnotationTag } from '@data/annotations';
import { TagChips } from './TagChips';
import { useAnnotationAutosave } from './use-annotation-autosave';
import { useOutsideText } from './use-outside-text';
import { useAnnotationCollaboration, usePeopleWriting } from './use-annotation-collaboration';
import type { MentionablePerson } from './use-review-data';

export interface AnnotationCardProps {
  annotation: Annotation;
  people: readonly MentionablePerson[];
  zone: string;
  /** What the note is about; omitted where that is obvious (beside its event). */
  target?: string;
  onJump?: () => void;
}

/** One annotation, edited in place: text autosaves, tags save on click, delete can be undone. */
export function AnnotationCard({ annotation, people, zone, target, onJump }: AnnotationCardProps) {
  const toast = useToast();
  const { save, flush } = useAnnotationAutosave(annotation.id);
  const [findings, setFindings] = useState(0);
  const [editing, setEditing] = useState(false);
  // Solo: a change of the stored text from outside (another window) shows here once this person is not typing in it.
  const body = useOutsideText(annotation.body, editing);
  // Shared: the text is co-edited live; every machine's stored text follows it (annotation-text-keeper.ts).
  const shared = useAnnotationCollaboration(annotation.incidentId, annotation.id);
  const writing = usePeopleWriting(shared, annotation.id);
  const names = people.map((p) => p.name);

  const report = (error: unknown) => toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) });

  const remove = async () => {
    await flush();
    const removed = await deleteAnnotation(annotation.id);
    if (!removed) return;
    toast.show({ message: 'Annotation deleted.', actionLabel: 'Undo', onAction: () => void restoreAnnotation(removed).catch(report) });
  };

  return (
    <article
      className="rv-card"
      aria-label={`Annotation by ${annotation.author || 'unnamed'}`}
      onFocus={() => setEditing(true)}
      onBlur={() => {
        setEditing(false);
        void flush();
      }}
    >
      <header className="rv-card-head">
        {target && (
          <span className="rv-card-target">
            {onJump ? (
              <button type="button" className="link-button" onClick={onJump} title="Open this moment on the Timeline">
                {target}
              </button>
            ) : (
              target
            )}
          </span>
        )}
        <span className="rv-card-meta muted">
          {annotation.author || 'Unnamed'} · {formatWithZoneName(annotation.updatedAt, zone)}
          {findings > 0 && <span className="rv-card-findings"> · {findings} wording suggestion{findings === 1 ? '' : 's'}</span>}
        </span>
        <button type="button" className="icon-button danger" aria-label="Delete annotation" title="Delete annotation" onClick={() => void remove().catch(report)}>
          <TrashIcon />
        </button>
      </header>
      <TagChips selected={annotation.tags} label="Tags" onToggle={(tag) => void toggleAnnotationTag(annotation.id, tag).catch(report)} />
      {writing.length > 0 && (
        <p className="rv-card-writing" aria-live="polite">
          {writing.map((person) => (
            <span key={person.clientId} className="rv-card-writer" style={{ borderColor: person.color }}>
              <span className="rv-card-writer-dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
              {person.name}
            </span>
          ))}{' '}
          {writing.length === 1 ? 'is' : 'are'} writing here
        </p>
      )}
      {shared === undefined ? (
        <p className="muted rv-card-loading">Opening the shared text…</p>
      ) : (
        <RichTextEditor
          key={shared ? 'shared' : body.key}
          initialState={shared ? undefined : body.text || undefined}
          collaboration={shared?.collaboration}
          onChange={(text, plainText) => {
            // Shared text is stored from the shared document, on every machine alike.
            if (shared) return;
            body.produced(text);
            save({ body: text, plainText });
          }}
          people={people}
          ariaLabel="Annotation text"
          placeholder="What happened here, what helped, what was hard? Describe systems and decisions, not people."
        >
          <BlamelessHighlightPlugin
            people={names}
            dismissed={annotation.dismissedFindings}
            onDismiss={(id) => void dismissFinding(annotation.id, id).catch(report)}
            onFindingsChange={setFindings}
          />
        </RichTextEditor>
      )}
    </article>
  );
}
