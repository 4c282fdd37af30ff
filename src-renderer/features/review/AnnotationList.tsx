import { useMemo, useState } from 'react';
import type { Annotation } from '@core/model/annotation';
import type { TimelineEvent } from '@core/model/event';
import { AnnotationCard } from './AnnotationCard';
import { toggleTag } from '@data/annotations';
import { countByTag, filterAnnotations, NO_FILTER, type AnnotationFilter, type TargetFilter } from './annotation-filters';
import { navigate, timelineEventRoute } from '@ui/route';
import { TagChips } from './TagChips';
import { targetLabel } from './target-label';
import type { MentionablePerson } from './use-review-data';

interface AnnotationListProps {
  incidentId: string;
  annotations: readonly Annotation[];
  eventsById: ReadonlyMap<string, TimelineEvent>;
  people: readonly MentionablePerson[];
  zone: string;
}

const TARGET_OPTIONS: { value: TargetFilter; label: string }[] = [
  { value: 'all', label: 'Everything' },
  { value: 'incident', label: 'Whole incident' },
  { value: 'event', label: 'Events' },
  { value: 'range', label: 'Time ranges' },
];

/** Every annotation of the incident, filterable by tag, target and words. */
export function AnnotationList({ incidentId, annotations, eventsById, people, zone }: AnnotationListProps) {
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const shown = useMemo(() => filterAnnotations(annotations, filter), [annotations, filter]);
  const counts = useMemo(() => countByTag(annotations), [annotations]);
  const filtered = filter.tags.length > 0 || filter.target !== 'all' || filter.text.trim() !== '';

  return (
    <section className="rv-list" aria-labelledby="rv-list-title">
      <h2 id="rv-list-title">Annotations</h2>
      <div className="rv-filters">
        <input
          type="search"
          aria-label="Search annotations"
          placeholder="Search notes, authors, tags…"
          value={filter.text}
          onChange={(event) => setFilter({ ...filter, text: event.target.value })}
        />
        <label className="rv-inline-field">
          About
          <select value={filter.target} onChange={(event) => setFilter({ ...filter, target: event.target.value as TargetFilter })}>
            {TARGET_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <TagChips label="Filter by tag" selected={filter.tags} counts={counts} onToggle={(tag) => setFilter({ ...filter, tags: toggleTag(filter.tags, tag) })} />
        <span className="muted rv-result-count" aria-live="polite">
          {shown.length} of {annotations.length}
        </span>
      </div>
      {annotations.length > 0 && shown.length === 0 && (
        <p className="rv-empty">
          No annotation matches these filters.{' '}
          {filtered && (
            <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>
              Clear filters
            </button>
          )}
        </p>
      )}
      <div className="rv-cards">
        {shown.map((annotation) => {
          const eventId = annotation.target.type === 'event' ? annotation.target.eventId : null;
          const event = eventId ? eventsById.get(eventId) : undefined;
          return (
            <div key={annotation.id} data-annotation-id={annotation.id}>
              <AnnotationCard
                annotation={annotation}
                people={people}
                zone={zone}
                target={targetLabel(annotation.target, event, zone)}
                onJump={eventId && event ? () => navigate(timelineEventRoute(incidentId, eventId)) : undefined}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
