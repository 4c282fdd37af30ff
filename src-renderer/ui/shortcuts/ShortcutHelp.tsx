import { Dialog } from '../Dialog';
import { SCOPE_TITLES, SHORTCUTS, type ShortcutDef, type ShortcutScope } from './catalog';
import { formatShortcut } from './keys';

const ORDER = Object.keys(SCOPE_TITLES) as ShortcutScope[];

export function KeyList({ keys }: { keys: readonly string[] }) {
  return (
    <span className="key-list">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && <span className="muted"> or </span>}
          <kbd>{formatShortcut(k)}</kbd>
        </span>
      ))}
    </span>
  );
}

/** The "?" sheet: every keyboard shortcut of the app, grouped by where it works. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const defs = Object.values(SHORTCUTS) as ShortcutDef[];
  return (
    <Dialog open wide title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcut-help">
        {ORDER.map((scope) => {
          const here = defs.filter((d) => d.scope === scope && d.keys.length > 0);
          if (here.length === 0) return null;
          return (
            <section key={scope} aria-labelledby={`keys-${scope}`}>
              <h3 id={`keys-${scope}`}>{SCOPE_TITLES[scope]}</h3>
              <dl>
                {here.map((def) => (
                  <div key={def.label} className="shortcut-help-row">
                    <dt>{def.label}</dt>
                    <dd>
                      <KeyList keys={def.keys} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </div>
    </Dialog>
  );
}
