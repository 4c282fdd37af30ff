import type { CatalogRow } from '@core/catalog/catalog-row';
import { SeverityBadge } from '@ui/SeverityBadge';

export interface Selection {
  label: string;
  ids: string[];
}

/** The incidents behind a chart point, bar or table cell, each a link to its incident. */
export function IncidentsBehind({ selection, rowsById, onClose }: { selection: Selection; rowsById: Map<string, CatalogRow>; onClose: () => void }) {
  const rows = selection.ids.map((id) => rowsById.get(id)).filter((r): r is CatalogRow => r !== undefined);
  return (
    <section className="ins-behind" aria-labelledby="ins-behind-title" tabIndex={-1} id="ins-behind">
      <div className="ins-behind-head">
        <h2 id="ins-behind-title">
          {selection.label}: {rows.length} incident{rows.length === 1 ? '' : 's'}
        </h2>
        <button type="button" className="icon-button" aria-label="Close the list" onClick={onClose}>
          ×
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No incident here.</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <SeverityBadge severity={r.severity} /> <a href={`#/incidents/${encodeURIComponent(r.id)}/review`}>{r.title}</a>{' '}
              <span className="muted">{new Date(r.startedAt).toISOString().slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
