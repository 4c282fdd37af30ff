/** The timeline's keys, always on screen so nobody has to remember them mid-meeting; "?" lists every key. */
export function KeyHints() {
  return (
    <p className="tl-keys muted" aria-label="Keyboard shortcuts">
      <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>p</kbd> pin · <kbd>m</kbd> milestone · <kbd>t</kbd> open thread · <kbd>/</kbd> search · <kbd>n</kbd>/<kbd>Shift+N</kbd> next/previous match ·{' '}
      <kbd>Esc</kbd> clear · <kbd>?</kbd> all keys
    </p>
  );
}
