interface LayoutToggleProps {
  label: string;
  open: boolean;
  onToggle: () => void;
  /** Filters in use while folded, so a narrowed list is never a surprise. */
  count?: number;
}

/** Shows or folds away a part of the Timeline tab on short windows (the chart, the filter row). */
export function LayoutToggle({ label, open, onToggle, count = 0 }: LayoutToggleProps) {
  return (
    <button type="button" className="tl-layout-toggle" aria-expanded={open} onClick={onToggle}>
      <span aria-hidden="true">{open ? '▾' : '▸'}</span> {label}
      {count > 0 && <span className="tl-layout-count"> ({count} on)</span>}
    </button>
  );
}
