import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { mentionedNames, mentionQueryAt } from '@editor/comment-mentions';

const MAX_SUGGESTIONS = 6;

export interface CommentComposerProps {
  label: string;
  submitLabel: string;
  /** Teammates' names offered after "@" (Team sync names). */
  people: readonly string[];
  onSubmit: (text: string, mentions: string[]) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A comment box: Ctrl+Enter posts; "@" offers teammates to mention (they are notified). */
export function CommentComposer({ label, submitLabel, people, onSubmit, onCancel, autoFocus = false }: CommentComposerProps) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [highlighted, setHighlighted] = useState(0);
  const box = useRef<HTMLTextAreaElement | null>(null);
  const listId = useId();

  const query = mentionQueryAt(text, caret);
  const suggestions = useMemo(() => {
    if (!query) return [];
    const needle = query.query.toLocaleLowerCase();
    return people.filter((name) => name.toLocaleLowerCase().startsWith(needle)).slice(0, MAX_SUGGESTIONS);
  }, [people, query]);
  const open = suggestions.length > 0;

  const complete = (name: string) => {
    if (!query) return;
    const next = `${text.slice(0, query.start)}@${name} ${text.slice(caret)}`;
    const at = query.start + name.length + 2;
    setText(next);
    setCaret(at);
    setHighlighted(0);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  };

  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    onSubmit(trimmed, mentionedNames(trimmed, people));
    setText('');
    setCaret(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (open && (event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      complete(suggestions[Math.min(highlighted, suggestions.length - 1)] ?? '');
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      className="pm-comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={box}
        aria-label={label}
        rows={2}
        value={text}
        // The composer opens because the person asked for it: typing goes straight in.
        autoFocus={autoFocus}
        placeholder="Comment… (@ to mention, Ctrl+Enter to post)"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setHighlighted(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id={listId} className="editor-typeahead pm-comment-mentions" role="listbox" aria-label="Teammates to mention">
          {suggestions.map((name, index) => (
            <li
              key={name}
              role="option"
              aria-selected={index === highlighted}
              className={index === highlighted ? 'editor-typeahead-item selected' : 'editor-typeahead-item'}
              onMouseDown={(event) => {
                event.preventDefault();
                complete(name);
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      )}
      <div className="pm-comment-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={!text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
