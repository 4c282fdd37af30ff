import { useId, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { Dialog } from '../Dialog';
import { SHORTCUTS } from './catalog';
import { KeyList } from './ShortcutHelp';
import { liveCommands, subscribeLiveCommands, type LiveCommand } from './live-commands';
import { matchesShortcut } from './keys';

/** Every word typed appears in the label, in any order: "new inc" finds "New incident". */
export function paletteMatches(label: string, query: string): boolean {
  const text = label.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

/** Ctrl/Cmd+K: every action available on this screen, with its shortcut, found by typing. */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const all = useSyncExternalStore(subscribeLiveCommands, liveCommands);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const commands = useMemo(() => {
    const seen = new Set<string>();
    // One entry per action: a hook registered twice (two panels) is still one action.
    return all.filter((c) => c.id !== 'app.palette' && !seen.has(c.id) && seen.add(c.id) && paletteMatches(SHORTCUTS[c.id].label, query));
  }, [all, query]);
  const current = Math.min(active, commands.length - 1);

  const run = (command: LiveCommand | undefined) => {
    if (!command) return;
    onClose();
    // After the palette has closed and handed focus back, so a dialog the command opens returns focus there too.
    requestAnimationFrame(() => command.run());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: commands.length - 1 };
    const to = moves[event.key];
    if (to !== undefined && commands.length > 0) {
      event.preventDefault();
      setActive((to + commands.length) % commands.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(commands[current]);
    } else if (matchesShortcut(event.nativeEvent, 'Mod+k')) {
      event.preventDefault();
      onClose();
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <Dialog open title="Command palette" onClose={onClose} className="palette">
      <input
        data-autofocus
        className="palette-input"
        role="combobox"
        aria-label="Search actions"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={commands.length > 0 ? optionId(current) : undefined}
        placeholder="Type an action…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Actions" className="palette-list">
        {commands.map((command, i) => (
          <li
            key={command.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'palette-option palette-option-active' : 'palette-option'}
            onMouseMove={() => setActive(i)}
            onClick={() => run(command)}
          >
            <span>{SHORTCUTS[command.id].label}</span>
            {SHORTCUTS[command.id].keys.length > 0 && <KeyList keys={SHORTCUTS[command.id].keys} />}
          </li>
        ))}
      </ul>
      {commands.length === 0 && <p className="muted palette-empty">No action matches “{query}” here.</p>}
    </Dialog>
  );
}
