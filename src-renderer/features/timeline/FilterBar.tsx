import type { ReactNode, RefObject } from 'react';
import { isFilterEmpty, type TimelineFilter } from '@core/timeline/filters';
import type { EventKind } from '@core/model/event';
import { CheckList } from './CheckList';
import { TimeRangeMenu } from './TimeRangeMenu';
import type { FilterChoices } from './filter-options';

interface FilterBarProps {
  filter: TimelineFilter;
  onChange: (next: TimelineFilter) => void;
  choices: FilterChoices;
  zone: string;
  zoneLabel: string;
  shown: number;
  total: number;
  complete: boolean;
  hits: { count: number; current: number; onPrev: () => void; onNext: () => void };
  searchRef: RefObject<HTMLInputElement | null>;
  indexing: boolean;
  /** False when the row of filter menus is folded away (short windows); the search stays. */
  showFilterRow: boolean;
  /** Buttons that fold parts of the tab on short windows, beside the search. */
  toggles?: ReactNode;
}

export function FilterBar({ filter, onChange, choices, zone, zoneLabel, shown, total, complete, hits, searchRef, indexing, showFilterRow, toggles }: FilterBarProps) {
  const set = (patch: Partial<TimelineFilter>) => onChange({ ...filter, ...patch });
  const searching = filter.query.trim() !== '';
  return (
    <div className="tl-filters" role="search">
      <div className="tl-search">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search the timeline"
          placeholder="Search messages, people, channels  ( / )"
          value={filter.query}
          onChange={(e) => set({ query: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (e.shiftKey) hits.onPrev();
              else hits.onNext();
            }
          }}
        />
        {searching && (
          <span className="tl-hits">
            <span aria-live="polite" className="tl-hit-counter">
              {hits.count === 0 ? 'No matches' : `${hits.current > 0 ? hits.current : '–'} of ${hits.count}`}
            </span>
            <button type="button" className="icon-button" aria-label="Previous match" disabled={hits.count === 0} onClick={hits.onPrev}>
              ↑
            </button>
            <button type="button" className="icon-button" aria-label="Next match" disabled={hits.count === 0} onClick={hits.onNext}>
              ↓
            </button>
          </span>
        )}
        {indexing && <span className="muted tl-indexing">Indexing…</span>}
        {toggles}
      </div>
      <div className="tl-filter-row" id="tl-filter-row" hidden={!showFilterRow}>
        <CheckList label="Source" options={choices.sources} selected={filter.sources} onChange={(sources) => set({ sources })} />
        <CheckList label="Channel" options={choices.channels} selected={filter.channels} onChange={(channels) => set({ channels })} />
        <CheckList label="Actor" options={choices.actors} selected={filter.actors} onChange={(actors) => set({ actors })} />
        <CheckList label="Kind" options={choices.kinds} selected={filter.kinds} onChange={(kinds) => set({ kinds: kinds as EventKind[] })} />
        <TimeRangeMenu from={filter.from} to={filter.to} zone={zone} zoneLabel={zoneLabel} onChange={(from, to) => set({ from, to })} />
        <label className="tl-pinned-only">
          <input type="checkbox" checked={filter.pinnedOnly} onChange={(e) => set({ pinnedOnly: e.target.checked })} /> Key moments only
        </label>
        <span className="tl-count muted" aria-live="polite">
          {!complete ? 'Loading all events…' : shown === total ? `${total.toLocaleString()} events` : `${shown.toLocaleString()} of ${total.toLocaleString()} events`}
        </span>
        {!isFilterEmpty(filter) && (
          <button type="button" className="link-button" onClick={() => onChange({ ...filter, sources: [], channels: [], actors: [], kinds: [], from: null, to: null, pinnedOnly: false, query: '' })}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
