import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '@core/model/event';
import type { Source } from '@core/model/source';
import { applyFilter, emptyTimelineFilter } from '@core/timeline/filters';
import { filterChoices } from './filter-options';

const base: Omit<TimelineEvent, 'id' | 'sourceId' | 'sourceFormat' | 'kind' | 'at' | 'actorId' | 'actorName' | 'channel'> = { incidentId: 'i', dedupeKey: '', originalTime: '', links: [], threadParentKey: null, replyCount: 0, edited: false, deleted: false, reactions: [], attachments: [], pinned: false, redacted: false, redactions: [], raw: null, text: 't' };
const events: TimelineEvent[] = [
  { ...base, id: 'a', sourceId: 's1', sourceFormat: 'pagerduty', kind: 'page', at: 1, actorId: 'PPRIYA', actorName: 'Priya Raman', channel: 'PagerDuty' },
  { ...base, id: 'b', sourceId: 's2', sourceFormat: 'csv-timeline', kind: 'message', at: 2, actorId: null, actorName: 'Tom', channel: 'inc' },
  { ...base, id: 'c', sourceId: 'manual:i', sourceFormat: 'manual', kind: 'note', at: 3, actorId: null, actorName: 'Tom', channel: '' },
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
