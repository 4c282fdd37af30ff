import type { TopValue } from '@core/insights/trends';
import type { Selection } from './IncidentsBehind';

/** A ranked list drawn as HTML bars: readable by screen readers as it is, each row a button. */
export function BarList({ title, values, onSelect, empty }: { title: string; values: TopValue[]; onSelect: (s: Selection) => void; empty: string }) {
  const max = Math.max(1, ...values.map((v) => v.count));
  return (
    <section className="ins-card" aria-label={title}>
      <h3>{title}</h3>
      {values.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="ins-bars">
          {values.map((v) => (
            <li key={v.value}>
              <button type="button" onClick={() => onSelect({ label: `${title}: ${v.value}`, ids: v.ids })}>
                <span className="ins-bar-label">{v.value}</span>
                <span className="ins-bar-track" aria-hidden="true">
                  <span className="ins-bar" style={{ width: `${(v.count / max) * 100}%` }} />
                </span>
                <span className="ins-bar-count">
                  {v.count}
                  <span className="sr-only"> incident{v.count === 1 ? '' : 's'}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
