import { useMemo, useState, type DragEvent } from 'react';
import { INCIDENT_STATUSES, INCIDENT_STATUS_LABEL, type Incident, type IncidentStatus } from '@core/model/incident';
import { SEVERITIES, SEVERITY_MEANING, type Severity } from '@core/model/severity';
import { formatWithZoneName } from '@core/time/format-in-zone';
import { EmptyState } from '@ui/EmptyState';
import { TrashIcon } from '@ui/icons';
import { SeverityBadge } from '@ui/SeverityBadge';
import { useShortcut } from '@ui/use-shortcut';
import { groupByFacet, matchesFacets, type CatalogFacet, type FacetSelection } from '@core/catalog/catalog-facets';
import type { CatalogRow } from '@core/catalog/catalog-row';
import { useCatalogRows } from '@data/insights';
import { useAllIncidents } from '@data/incidents';
import { filterIncidents, type LibraryQuery, type SortOrder } from './incident-filters';
import { useDeleteIncident } from './use-delete-incident';
import { CatalogFilters, type LibraryView } from './CatalogFilters';
import { CatalogTable } from './CatalogTable';

interface IncidentLibraryProps {
  onOpen: (incident: Incident) => void;
  onCreate: () => void;
  /** Opens the back-up-or-restore dialog. */
  onBackup?: () => void;
  /** Opens the import-bundle dialog, with the file when one was dropped on the library. */
  onImportBundle?: (file?: File) => void;
  /** Which dropped files are bundles (the bundles feature says; app passes it in). */
  isBundleFile?: (file: File) => boolean;
}

const SORT_LABEL: Record<SortOrder, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  severity: 'Severity',
  updated: 'Recently edited',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function IncidentLibrary({ onOpen, onCreate, onBackup, onImportBundle, isBundleFile }: IncidentLibraryProps) {
  const incidents = useAllIncidents();
  const deleteIncident = useDeleteIncident();
  const [query, setQuery] = useState<LibraryQuery>({ text: '', severities: [], statuses: [], sort: 'newest' });
  const rows = useCatalogRows();
  const [facets, setFacets] = useState<FacetSelection>({});
  const [groupBy, setGroupBy] = useState<CatalogFacet | null>(null);
  const [view, setView] = useState<LibraryView>('list');
  const rowsById = useMemo(() => new Map((rows ?? []).map((r) => [r.id, r])), [rows]);
  const visible = useMemo(() => {
    const found = incidents ? filterIncidents(incidents, query) : [];
    return found.filter((i) => {
      const row = rowsById.get(i.id);
      return row ? matchesFacets(row, facets) : true;
    });
  }, [incidents, query, rowsById, facets]);
  const visibleRows = useMemo(() => visible.map((i) => rowsById.get(i.id)).filter((r): r is CatalogRow => r !== undefined), [visible, rowsById]);
  const byId = useMemo(() => new Map(visible.map((i) => [i.id, i])), [visible]);
  const total = incidents?.filter((i) => !i.deletedAt).length ?? 0;

  useShortcut('library.search', () => document.getElementById('library-search')?.focus());
  const drop = useBundleDrop(onImportBundle, isBundleFile);

  const renderList = (list: Incident[]) => (
  <ul className="incident-list">
    {list.map((incident) => (
      <li key={incident.id} className="incident-row">
        <button type="button" className="incident-open" onClick={() => onOpen(incident)}>
          <SeverityBadge severity={incident.severity} />
          <span className="incident-title">{incident.title}</span>
          <span className={`status status-${incident.status}`}>{INCIDENT_STATUS_LABEL[incident.status]}</span>
          <span className="incident-meta">
            {incident.startedAt !== null ? formatWithZoneName(incident.startedAt, incident.timeZone) : 'start not set'}
            {incident.commander && ` · IC ${incident.commander}`}
            {incident.services.length > 0 && ` · ${incident.services.join(', ')}`}
          </span>
        </button>
        <button type="button" className="icon-button danger" title="Delete (can be undone)" onClick={() => void deleteIncident(incident)}>
          <TrashIcon />
          <span className="sr-only">Delete {incident.title}</span>
        </button>
      </li>
    ))}
  </ul>
  );

  if (incidents === undefined) return <p className="loading">Loading incidents…</p>;

  if (total === 0) {
    // The page keeps its one h1 when empty; the empty state's heading sits under it.
    return (
      <div className={drop.active ? 'library bundle-drop-target' : 'library'} {...drop.handlers}>
        <h1 id="library-title" className="page-title">
          Incidents
        </h1>
        <EmptyState
          title="No incidents yet"
          action={
            <button type="button" className="primary" onClick={onCreate}>
              New incident
            </button>
          }
        >
          <p>Start by creating the incident you want to review. Then import what happened — a Slack export, PagerDuty and Statuspage logs, alerts or a CSV timeline — and rebuild the timeline together.</p>
          <p className="muted">
            Shortcut: press <kbd>C</kbd> anywhere in the app. Everything stays on this computer unless you export it.
          </p>
          {onBackup && (
            <p>
              <button type="button" className="link-button" onClick={onBackup}>
                Restore from a backup…
              </button>
            </p>
          )}
          {onImportBundle && (
            <p>
              <button type="button" className="link-button" onClick={() => onImportBundle()}>
                Import an incident bundle…
              </button>
            </p>
          )}
        </EmptyState>
      </div>
    );
  }

  return (
    <section className={drop.active ? 'library bundle-drop-target' : 'library'} aria-labelledby="library-title" {...drop.handlers}>
      <div className="library-heading">
        <h1 id="library-title" className="page-title">Incidents</h1>
        <div className="library-heading-actions">
          {onImportBundle && (
            <button type="button" onClick={() => onImportBundle()} title="Import a .debrief file, or drop one on the library">
              Import bundle…
            </button>
          )}
          {onBackup && (
            <button type="button" onClick={onBackup}>
              Back up or restore…
            </button>
          )}
        </div>
      </div>
      <div className="library-toolbar">
        <input
          id="library-search"
          type="search"
          placeholder="Search incidents  ( / )"
          aria-label="Search incidents"
          value={query.text}
          onChange={(e) => setQuery({ ...query, text: e.target.value })}
        />
        <div className="chip-group" role="group" aria-label="Filter by severity">
          {SEVERITIES.map((sev: Severity) => (
            <button
              key={sev}
              type="button"
              className="chip"
              aria-pressed={query.severities.includes(sev)}
              title={SEVERITY_MEANING[sev]}
              onClick={() => setQuery({ ...query, severities: toggle(query.severities, sev) })}
            >
              {sev}
            </button>
          ))}
        </div>
        <div className="chip-group" role="group" aria-label="Filter by status">
          {INCIDENT_STATUSES.map((status: IncidentStatus) => (
            <button
              key={status}
              type="button"
              className="chip"
              aria-pressed={query.statuses.includes(status)}
              onClick={() => setQuery({ ...query, statuses: toggle(query.statuses, status) })}
            >
              {INCIDENT_STATUS_LABEL[status]}
            </button>
          ))}
        </div>
        <label className="inline-field">
          <span>Sort</span>
          <select value={query.sort} onChange={(e) => setQuery({ ...query, sort: e.target.value as SortOrder })}>
            {Object.entries(SORT_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CatalogFilters rows={rows ?? []} selection={facets} onSelection={setFacets} groupBy={groupBy} onGroupBy={setGroupBy} view={view} onView={setView} />

      <p className="muted result-count" aria-live="polite">
        {visible.length === total ? plural(total, 'incident') : `${visible.length} of ${plural(total, 'incident')}`}
      </p>

      {visible.length === 0 ? (
        <EmptyState title="No incident matches these filters">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setQuery({ text: '', severities: [], statuses: [], sort: query.sort });
              setFacets({});
            }}
          >
            Clear search and filters
          </button>
        </EmptyState>
      ) : view === 'catalog' ? (
        <CatalogTable
          rows={visibleRows}
          onOpen={(id) => {
            const incident = byId.get(id);
            if (incident) onOpen(incident);
          }}
        />
      ) : groupBy ? (
        groupByFacet(visibleRows, groupBy).map((group) => (
          <section key={group.value} className="library-group" aria-label={`${group.value}: ${plural(group.rows.length, 'incident')}`}>
            <h2>
              {group.value} <span className="muted">({group.rows.length})</span>
            </h2>
            {renderList(group.rows.map((r) => byId.get(r.id)).filter((i): i is Incident => i !== undefined))}
          </section>
        ))
      ) : (
        renderList(visible)
      )}
    </section>
  );
}

/** Dropping a .debrief file anywhere on the library opens the import with it. */
function useBundleDrop(onImportBundle: IncidentLibraryProps['onImportBundle'], isBundleFile: IncidentLibraryProps['isBundleFile']) {
  const [active, setActive] = useState(false);
  const enabled = onImportBundle !== undefined && isBundleFile !== undefined;
  const carriesFiles = (event: DragEvent) => enabled && event.dataTransfer.types.includes('Files');
  return {
    active,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setActive(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setActive(false);
      },
      onDrop: (event: DragEvent) => {
        setActive(false);
        if (!carriesFiles(event)) return;
        const file = [...event.dataTransfer.files].find((f) => isBundleFile?.(f));
        if (!file) return;
        event.preventDefault();
        onImportBundle?.(file);
      },
    },
  };
}
