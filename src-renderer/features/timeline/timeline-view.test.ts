import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '@core/model/event';
import { newTimelineEvent } from '@core/model/new-event';
import { groupByDay } from '@core/timeline/day-groups';
import { applyFilter, emptyTimelineFilter, type TimelineFilter } from '@core/timeline/filters';
import { matchSameEvents, sameEventPairKey } from '@core/timeline/same-event';
import { createTimelineIndex } from '@core/timeline/search-index';
import { runStaged, StageCache } from './stage-cache';
import type { TimelineRow } from './timeline-rows';
import { timelineViewSteps } from './timeline-view';

// The view as it was derived before it worked on positions (events and id-keyed maps): the
// reference the position-based stages must agree with, for any list, filter and search.
interface ReferenceFold {
  top: TimelineEvent[];
  replies: Map<string, TimelineEvent[]>;
  parentOf: Map<string, string>;
}

function referenceFold(events: readonly TimelineEvent[]): ReferenceFold {
  const byKey = new Map<string, TimelineEvent>();
  for (const event of events) byKey.set(event.dedupeKey, event);
  const top: TimelineEvent[] = [];
  const replies = new Map<string, TimelineEvent[]>();
  const parentOf = new Map<string, string>();
  for (const event of events) {
    const parent = event.threadParentKey === null ? undefined : byKey.get(event.threadParentKey);
    if (parent === undefined || parent.id === event.id) {
      top.push(event);
      continue;
    }
    replies.set(parent.id, [...(replies.get(parent.id) ?? []), event]);
    if (event.alsoInChannel) top.push(event);
    else parentOf.set(event.id, parent.id);
  }
  return { top, replies, parentOf };
}

function referenceRows(fold: ReferenceFold, zone: string, expanded: ReadonlySet<string>): string[] {
  const rows: string[] = [];
  for (const day of groupByDay(fold.top, zone)) {
    rows.push(`day:${day.dayKey}`);
    for (const event of day.events) {
      const replies = fold.replies.get(event.id) ?? [];
      const open = replies.length > 0 && expanded.has(event.id);
      rows.push(`${event.id}/${event.id}/${replies.length}/${open}`);
      if (open) for (const reply of replies) rows.push(`${reply.alsoInChannel ? `thread:${reply.id}` : reply.id}/${reply.id}/reply`);
    }
  }
  return rows;
}

const rowText = (row: TimelineRow) => (row.type === 'day' ? row.key : row.reply ? `${row.key}/${row.event.id}/reply` : `${row.key}/${row.event.id}/${row.replies}/${row.expanded}`);

const KEYS = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'];
const TEXTS = ['deploy v1.2 checkout api rollout', 'checkout v1.2 rollout done', 'alert 5xx checkout spike', 'checkout 5xx spike alert firing', 'rollback data please', 'all good'];
const DAY = 86_400_000;
const BASE = Date.UTC(2024, 5, 12, 20);

const eventArb = fc.record({
  at: fc.integer({ min: 0, max: 40 }),
  source: fc.constantFrom('s1', 's2', 's3'),
  key: fc.constantFrom(...KEYS),
  parent: fc.option(fc.constantFrom(...KEYS, 'missing'), { nil: null }),
  alsoInChannel: fc.boolean(),
  kind: fc.constantFrom('message', 'deploy', 'alert'),
  bot: fc.boolean(),
  text: fc.constantFrom(...TEXTS),
  channel: fc.constantFrom('inc', 'ops'),
  pinned: fc.boolean(),
});

const FORMATS: Record<string, TimelineEvent['sourceFormat']> = { s1: 'slack-export', s2: 'csv-timeline', s3: 'pagerduty' };

type EventSpec = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function listOf(specs: EventSpec[]): TimelineEvent[] {
  return specs
    .map((spec, n) =>
      newTimelineEvent({
        id: `${spec.source}:${n}`,
        incidentId: 'i',
        sourceId: spec.source,
        sourceFormat: FORMATS[spec.source],
        dedupeKey: spec.key,
        kind: spec.kind as TimelineEvent['kind'],
        // Steps of an hour and a bit: several days, and events of the same millisecond.
        at: BASE + Math.floor(spec.at / 2) * (DAY / 7),
        originalTime: '',
        actorName: spec.bot ? 'deploy-bot' : 'Priya',
        channel: spec.channel,
        text: spec.text,
        threadParentKey: spec.parent,
        alsoInChannel: spec.alsoInChannel || undefined,
        pinned: spec.pinned,
      }),
    )
    .sort((a, b) => a.at - b.at);
}

const filterArb = fc.record({
  channels: fc.subarray(['inc', 'ops']),
  pinnedOnly: fc.boolean(),
  from: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  query: fc.constantFrom('', 'checkout', 'roll', 'v1.2 checkout', 'priya', 'nothing'),
  staleHit: fc.boolean(),
});

describe('timelineViewSteps', () => {
  it('gives the view the event-by-event derivation gives: filters, search, same events, splits, threads and rows', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), filterArb, fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom('UTC', 'America/Los_Angeles'), (specs, f, splitPicks, expandPicks, zone) => {
        const all = listOf(specs);
        const filter: TimelineFilter = { ...emptyTimelineFilter(), channels: f.channels, pinnedOnly: f.pinnedOnly, from: f.from === null ? null : BASE + f.from * (DAY / 14), query: f.query };
        const index = createTimelineIndex();
        index.rebuild(all);
        const found = index.hits(f.query);
        // A hit whose time the list does not have (an index behind the list): the ids decide.
        const queryHits = f.staleHit && found.ids.length > 0 ? { ...found, ats: found.ats.map((at, i) => (i === 0 ? at + 1 : at)) } : found;
        const splits = new Set(splitPicks.flatMap((p) => (all.length > 1 ? [sameEventPairKey(all[p % all.length].id, all[(p + 1) % all.length].id)] : [])));
        const expanded = new Set(expandPicks.flatMap((p) => (all.length > 0 ? [all[p % all.length].id] : [])));

        const view = runStaged(() => timelineViewSteps(new StageCache(), { all, filter, queryHits: f.query.trim() === '' ? undefined : queryHits, splits, zone, expanded }));

        const filtered = applyFilter(all, filter, { queryHits: new Set(found.ids) });
        expect([...view.filtered].map((p) => all[p].id)).toEqual(filtered.map((e) => e.id));
        const same = matchSameEvents(filtered, splits);
        expect([...view.same.shownIn]).toEqual([...same.shownIn]);
        expect([...view.same.merged].map(([id, list]) => [id, list.map((e) => e.id)])).toEqual([...same.merged].map(([id, list]) => [id, list.map((e) => e.id)]));
        const fold = referenceFold(filtered.filter((e) => !same.shownIn.has(e.id)));
        expect(view.fold.top.map((e) => e.id)).toEqual(fold.top.map((e) => e.id));
        expect([...view.fold.replies].map(([parent, list]) => [parent.id, list.map((e) => e.id)])).toEqual([...fold.replies].map(([id, list]) => [id, list.map((e) => e.id)]));
        expect([...view.fold.parentOf].map(([reply, parent]) => [reply.id, parent.id])).toEqual([...fold.parentOf]);
        const rows = view.rows.toArray();
        expect(rows.map(rowText)).toEqual(referenceRows(fold, zone, expanded));
        // The columns answer as the row objects do.
        rows.forEach((row, i) => {
          expect(view.rows.keyAt(i)).toBe(row.key);
          expect(view.rows.isDay(i)).toBe(row.type === 'day');
          expect(view.rows.eventAt(i)).toBe(row.type === 'event' ? row.event : undefined);
        });
        expect([...view.rows.dayIndexes]).toEqual(rows.flatMap((row, i) => (row.type === 'day' ? [i] : [])));
        for (const event of all) expect(view.rows.indexOfEvent(event.id)).toBe(rows.findIndex((row) => row.type === 'event' && row.event.id === event.id));
        expect(view.hits).toEqual(f.query.trim() === '' ? [] : [...new Set(filtered.map((e) => same.shownIn.get(e.id) ?? e.id))]);
      }),
      { numRuns: 400 },
    );
  });
});
