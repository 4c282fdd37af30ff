import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '@core/model/event';
import { newTimelineEvent, type NewEventFields } from '@core/model/new-event';
import type { Source } from '@core/model/source';
import { applyFilter, emptyTimelineFilter } from '@core/timeline/filters';
import { filterChoices } from './filter-options';

const event = (fields: Omit<NewEventFields, 'incidentId' | 'dedupeKey'>): TimelineEvent => newTimelineEvent({ incidentId: 'i', dedupeKey: fields.id, text: 't', ...fields });
const events: TimelineEvent[] = [
  event({ id: 'a', sourceId: 's1', sourceFormat: 'pagerduty', kind: 'page', at: 1, actorId: 'PPRIYA', actorName: 'Priya Raman', channel: 'PagerDuty' }),
  event({ id: 'b', sourceId: 's2', sourceFormat: 'csv-timeline', kind: 'message', at: 2, actorName: 'Tom', channel: 'inc' }),
  event({ id: 'c', sourceId: 'manual:i', sourceFormat: 'manual', kind: 'note', at: 3, actorName: 'Tom' }),
];
const sources = [{ id: 's1', format: 'pagerduty', fileName: 'log.json' }] as Source[];

describe('filterChoices', () => {
  it('names sources by format and file, counts each choice, and uses values the filter matches', () => {
    const choices = filterChoices(events, sources, 'manual:i');
    expect(choices.sources.map((o) => o.label)).toContain('PagerDuty · log.json');
    expect(choices.sources.find((o) => o.value === 'manual:i')?.label).toBe('Added by hand');
    expect(choices.actors.find((o) => o.label === 'Tom')?.count).toBe(2);
    expect(choices.kinds.map((o) => o.value)).toEqual(['message', 'page', 'note']);
    for (const actor of choices.actors) {
      expect(applyFilter(events, { ...emptyTimelineFilter(), actors: [actor.value] })).toHaveLength(actor.count ?? 0);
    }
  });
});
