import { useLayoutEffect, useRef, useState } from 'react';
import type { Annotation } from '@core/model/annotation';
import { RichTextEditor } from '@editor/RichTextEditor';
import { useToast } from '@ui/toast-context';
import { BlamelessHighlightPlugin } from '@editor/BlamelessHighlightPlugin';
import { deleteAnnotation, dismissFinding } from '@data/annotations';
import { useAnnotationAutosave } from './use-annotation-autosave';
import type { MentionablePerson } from './use-review-data';

interface NoteComposerProps {
  annotation: Annotation;
  /** Settles once the annotation record is written. */
  stored: Promise<void>;
  kind: 'note' | 'question';
  people: readonly MentionablePerson[];
  onDone: () => void;
}

/**
 * Captures a note or question without leaving the meeting. The annotation exists from the
 * first keystroke and autosaves like any other; finishing with nothing typed removes it.
 */
export function NoteComposer({ annotation, stored, kind, people, onDone }: NoteComposerProps) {
  const { save, flush } = useAnnotationAutosave(annotation.id, stored);
  const toast = useToast();
  const text = useRef('');
  const shellRef = useRef<HTMLDivElement>(null);

  // Focused in the commit that shows the composer, before the next key press arrives.
  useLayoutEffect(() => {
    const editable = () => shellRef.current?.querySelector<HTMLElement>('[contenteditable="true"]');
    const found = editable();
    if (found) {
      found.focus();
      return;
    }
    const frame = requestAnimationFrame(() => editable()?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const finish = async () => {
    try {
      await stored;
      await flush();
      if (text.current.trim() === '') await deleteAnnotation(annotation.id);
      onDone();
    } catch (error) {
      // Stay open: what was typed is still on screen and can be copied or retried.
      toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div
      ref={shellRef}
      className={`mt-composer mt-composer-${kind}`}
      role="group"
      aria-label={kind === 'question' ? 'New question' : 'New note'}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          event.stopPropagation();
          void finish();
        }
      }}
    >
      <p className="mt-composer-title">{kind === 'question' ? 'Question' : 'Note'}</p>
      <RichTextEditor
        onChange={(body, plainText) => {
          text.current = plainText;
          save({ body, plainText });
        }}
        people={people}
        ariaLabel={kind === 'question' ? 'Question text' : 'Note text'}
        placeholder={kind === 'question' ? 'What does the team want to find out?' : 'What did the room notice? Systems and decisions, not people.'}
      >
        <BlamelessHighlightPlugin
          people={people.map((p) => p.name)}
          dismissed={annotation.dismissedFindings}
          onDismiss={(id) => void dismissFinding(annotation.id, id)}
        />
      </RichTextEditor>
      <div className="mt-composer-actions">
        <span className="mt-muted">Saved as you type · Ctrl+Enter or Esc to finish</span>
        <button type="button" className="primary" onClick={() => void finish()}>
          Done
        </button>
      </div>
    </div>
  );
}

interface ActionComposerProps {
  onSubmit: (title: string) => Promise<void>;
  onCancel: () => void;
}

/** One line is enough in the room; owner, priority and due date are set on the Action items tab. */
export function ActionComposer({ onSubmit, onCancel }: ActionComposerProps) {
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState('');
  const submit = async () => {
    if (!title.trim()) {
      setProblem('Action item: type what should be done, e.g. "Add a canary step to config deploys".');
      return;
    }
    try {
      await onSubmit(title.trim());
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form
      className="mt-composer mt-composer-action"
      aria-label="New action item"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label className="mt-composer-title" htmlFor="mt-action-title">
        Action item
      </label>
      {/* The composer opens on the A key, so the field takes focus at once. */}
      <input id="mt-action-title" autoFocus value={title} onChange={(event) => setTitle(event.target.value)} placeholder="What should be done?" />
      {problem && (
        <p role="alert" className="mt-problem">
          {problem}
        </p>
      )}
      <div className="mt-composer-actions">
        <span className="mt-muted">Enter to add · Esc to cancel · owner, priority and due date on the Action items tab</span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Add action item
        </button>
      </div>
    </form>
  );
}
