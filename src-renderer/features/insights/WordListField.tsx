import { useId, useState } from 'react';
import { uniqueWords } from '@core/catalog/catalog-schema';

interface WordListFieldProps {
  label: string;
  values: string[];
  /** Offered as toggle chips; values outside it show as chips too. */
  choices: readonly string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
}

/** A list of short words: toggle the suggested ones, type your own (Enter adds). */
export function WordListField({ label, values, choices, onChange, placeholder }: WordListFieldProps) {
  const [typed, setTyped] = useState('');
  const id = useId();
  const lower = values.map((v) => v.toLowerCase());
  const shown = uniqueWords([...choices, ...values]);
  const add = () => {
    if (!typed.trim()) return;
    onChange(uniqueWords([...values, typed]));
    setTyped('');
  };
  return (
    <fieldset className="field ins-words">
      <legend>{label}</legend>
      <div className="chip-group" role="group" aria-label={label}>
        {shown.map((word) => {
          const on = lower.includes(word.toLowerCase());
          return (
            <button key={word} type="button" className="chip" aria-pressed={on} onClick={() => onChange(on ? values.filter((v) => v.toLowerCase() !== word.toLowerCase()) : [...values, word])}>
              {word}
            </button>
          );
        })}
      </div>
      <div className="ins-add">
        <input
          id={`${id}-add`}
          aria-label={`Add to ${label.toLowerCase()}`}
          value={typed}
          placeholder={placeholder}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={!typed.trim()}>
          Add
        </button>
      </div>
    </fieldset>
  );
}

interface WordFieldProps {
  label: string;
  value: string;
  choices: readonly string[];
  onChange: (value: string) => void;
}

/** One word from a suggested list or typed freely. */
export function WordField({ label, value, choices, onChange }: WordFieldProps) {
  const id = useId();
  return (
    <label className="field">
      <span>{label}</span>
      <input list={`${id}-choices`} value={value} onChange={(e) => onChange(e.target.value)} placeholder={choices.slice(0, 3).join(', ') + '…'} />
      <datalist id={`${id}-choices`}>
        {choices.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </label>
  );
}
