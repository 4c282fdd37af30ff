import { useId, useState } from 'react';
import './catalog.css';
import { CATALOG_FACETS, FACET_LABEL, facetCounts, type CatalogFacet, type FacetSelection } from '@core/catalog/catalog-facets';
import type { CatalogRow } from '@core/catalog/catalog-row';

export type LibraryView = 'list' | 'catalog';

interface CatalogFiltersProps {
  rows: readonly CatalogRow[];
  selection: FacetSelection;
  onSelection: (next: FacetSelection) => void;
  groupBy: CatalogFacet | null;
  onGroupBy: (next: CatalogFacet | null) => void;
  view: LibraryView;
  onView: (next: LibraryView) => void;
}

/** Filter and group the library by the catalog's fields, and switch between the list and the catalog table. */
export function CatalogFilters({ rows, selection, onSelection, groupBy, onGroupBy, view, onView }: CatalogFiltersProps) {
  const active = CATALOG_FACETS.filter((f) => selection[f]?.length).length;
  const [open, setOpen] = useState(active > 0);
  const id = useId();
  return (
    <div className="catalog-filters">
      <div className="library-toolbar">
        <button type="button" aria-expanded={open} aria-controls={`${id}-facets`} onClick={() => setOpen(!open)}>
          Catalog filters{active > 0 ? ` (${active})` : ''}
        </button>
        <label className="inline-field">
          <span>Group by</span>
          <select value={groupBy ?? ''} onChange={(e) => onGroupBy(e.target.value ? (e.target.value as CatalogFacet) : null)}>
            <option value="">Nothing</option>
            {CATALOG_FACETS.map((f) => (
              <option key={f} value={f}>
                {FACET_LABEL[f]}
              </option>
            ))}
          </select>
        </label>
        <div className="chip-group" role="group" aria-label="View">
          <button type="button" className="chip" aria-pressed={view === 'list'} onClick={() => onView('list')}>
            List
          </button>
          <button type="button" className="chip" aria-pressed={view === 'catalog'} onClick={() => onView('catalog')}>
            Catalog table
          </button>
        </div>
        {active > 0 && (
          <button type="button" className="link-button" onClick={() => onSelection({})}>
            Clear catalog filters
          </button>
        )}
      </div>
      {open && (
        <div id={`${id}-facets`} className="catalog-facets" role="group" aria-label="Catalog filters">
          {CATALOG_FACETS.map((facet) => (
            <label key={facet} className="field">
              <span>{FACET_LABEL[facet]}</span>
              <select value={selection[facet]?.[0] ?? ''} onChange={(e) => onSelection({ ...selection, [facet]: e.target.value ? [e.target.value] : [] })}>
                <option value="">Any</option>
                {facetCounts(rows, facet).map(({ value, count }) => (
                  <option key={value} value={value}>
                    {value} ({count})
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
