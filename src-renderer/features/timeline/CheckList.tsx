import { useId } from 'react';

export interface CheckOption {
  value: string;
  label: string;
  count?: number;
}

interface CheckListProps {
  label: string;
  options: CheckOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

/** A compact multi-select: a native disclosure with checkboxes (keyboard and screen-reader friendly). */
export function CheckList({ label, options, selected, onChange }: CheckListProps) {
  const id = useId();
  const summary = selected.length === 0 ? 'All' : selected.length === 1 ? (options.find((o) => o.value === selected[0])?.label ?? selected[0]) : `${selected.length} selected`;
  return (
    <details className="tl-checklist">
      <summary aria-label={`${label}: ${summary}`}>
        <span className="muted">{label}</span> {summary}
      </summary>
      <div className="tl-checklist-menu" role="group" aria-labelledby={`${id}-label`}>
        <span id={`${id}-label`} className="sr-only">
          {label}
        </span>
        {options.length === 0 && <p className="muted">Nothing to choose yet.</p>}
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, option.value] : selected.filter((v) => v !== option.value))}
            />
            {option.label}
            {option.count !== undefined && <span className="muted"> {option.count}</span>}
          </label>
        ))}
        {selected.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Show all
          </button>
        )}
      </div>
    </details>
  );
}
