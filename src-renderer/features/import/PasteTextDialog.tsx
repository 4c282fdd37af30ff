import { useState, type FormEvent } from 'react';
import { Dialog } from '@ui/Dialog';
import { FormFooter } from '@ui/FormFooter';
import { pastedTextFile } from './pasted-text';

interface Props {
  open: boolean;
  /** Text already pasted (Ctrl/Cmd+V on the incident), shown for review before importing. */
  initialText: string;
  onClose(): void;
  onImport(file: File): void;
  returnFocus?: () => HTMLElement | null;
}

/**
 * Paste a chat log (or any text Debrief reads: a CSV timeline, JSON) straight from a chat window
 * instead of saving it as a file first. The text goes through the same detection and preview
 * as a picked file; it becomes a source named after the Name field.
 */
export function PasteTextDialog({ open, initialText, onClose, onImport, returnFocus }: Props) {
  const [text, setText] = useState(initialText);
  const [name, setName] = useState('Pasted chat log');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Paste some text first: a chat log such as "[16:45] alice: rolling back", a CSV timeline or JSON.');
      return;
    }
    onImport(pastedTextFile(text, name));
  };

  return (
    <Dialog open={open} title="Paste text to import" onClose={onClose} wide returnFocus={returnFocus}>
      <form
        className="dialog-body paste-import-form"
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
        }}
        noValidate
      >
        <label className="field">
          <span>Pasted text</span>
          <textarea
            data-autofocus
            rows={14}
            value={text}
            spellCheck={false}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            placeholder={'[16:45] alice: declaring SEV2 for checkout\n[16:46] bob: rolling back v412'}
            aria-describedby="paste-import-hint"
            aria-invalid={error !== null}
          />
        </label>
        <p id="paste-import-hint" className="field-hint">
          Chat lines like <code>[16:45] name: text</code>, IRC or WeeChat logs, a CSV timeline or JSON. Times without a date are placed on the
          day the incident started; the next step previews what will be imported.
        </p>
        <label className="field">
          <span>Name in Sources</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
        </label>
        <FormFooter error={error} submitLabel="Preview import" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
