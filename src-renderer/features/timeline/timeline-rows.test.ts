import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '@core/model/event';
import { newTimelineEvent } from '@core/model/new-event';
import { buildTimelineRows, buildTimelineRowsSteps, foldThreads, hasReplies, placeInFold } from './timeline-rows';

function event(id: string, at: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return newTimelineEvent({
    id,
    incidentId: 'i1',
    sourceId: 's1',
    sourceFormat: 'slack-export',
    dedupeKey: `slack-export:${id}`,
    at: Date.parse(at),
    originalTime: at,
    actorName: 'Priya',
    channel: 'inc',
    text: `text ${id}`,
    ...extra,
  });
}

const parent = event('p', '2024-06-13T06:58:00Z');
const reply1 = event('r1', '2024-06-13T06:59:00Z', { threadParentKey: 'slack-export:p' });
const other = event('o', '2024-06-13T07:10:00Z');
const reply2 = event('r2', '2024-06-13T07:20:00Z', { threadParentKey: 'slack-export:p' });
const orphan = event('x', '2024-06-13T07:30:00Z', { threadParentKey: 'slack-export:missing' });

describe('foldThreads', () => {
  it('folds replies under the parent whose dedupeKey they name, in time order', () => {
    const fold = foldThreads([parent, reply1, other, reply2, orphan]);
    expect(fold.top.map((e) => e.id)).toEqual(['p', 'o', 'x']);
    expect(fold.replies.get(parent)?.map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(fold.parentOf.get(reply2)).toBe(parent);
    expect(placeInFold(fold, 'r2')).toEqual({ parentId: 'p', top: false });
    expect(placeInFold(fold, 'o')).toEqual({ top: true });
    expect(hasReplies(fold, 'p')).toBe(true);
    expect(hasReplies(fold, 'o')).toBe(false);
  });

  it('shows a reply also sent to the channel in the channel flow and in its thread', () => {
    const broadcast = event('b', '2024-06-13T07:05:00Z', { threadParentKey: 'slack-export:p', alsoInChannel: true });
    const fold = foldThreads([parent, reply1, broadcast, other]);
    expect(fold.top.map((e) => e.id)).toEqual(['p', 'b', 'o']);
    expect(fold.replies.get(parent)?.map((e) => e.id)).toEqual(['r1', 'b']);
    // Jumping to it goes to the channel copy; the thread need not open.
    expect(fold.parentOf.has(broadcast)).toBe(false);
    expect(placeInFold(fold, 'b')).toEqual({ top: true });
    const rows = buildTimelineRows(fold, 'UTC', new Set(['p'])).toArray();
    const keys = rows.filter((row) => row.type === 'event').map((row) => row.key);
    expect(keys).toEqual(['p', 'r1', 'thread:b', 'b', 'o']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps a reply on its own line when its parent is filtered out, so a search hit is never hidden', () => {
    const fold = foldThreads([reply1, other]);
    expect(fold.top.map((e) => e.id)).toEqual(['r1', 'o']);
    expect(fold.parentOf.size).toBe(0);
  });
});

describe('buildTimelineRows', () => {
  it('cuts days at midnight in the chosen zone and counts folded replies', () => {
    const fold = foldThreads([parent, reply1, other, reply2]);
    // 06:58Z is 23:58 on 12 June in Los Angeles; 07:10Z is already 13 June there.
    const la = buildTimelineRows(fold, 'America/Los_Angeles', new Set()).toArray();
    expect(la.map((r) => (r.type === 'day' ? r.label : r.event.id))).toEqual(['Wednesday, 12 June 2024', 'p', 'Thursday, 13 June 2024', 'o']);
    const first = la[1];
    expect(first?.type === 'event' && first.replies).toBe(2);
    const utc = buildTimelineRows(fold, 'UTC', new Set()).toArray();
    expect(utc.filter((r) => r.type === 'day')).toHaveLength(1);
  });

  it('shows the replies of an expanded thread right after their parent', () => {
    const rows = buildTimelineRows(foldThreads([parent, reply1, other, reply2]), 'UTC', new Set(['p']));
    expect(rows.toArray().map((r) => (r.type === 'day' ? 'day' : `${r.event.id}${r.reply ? '↳' : ''}`))).toEqual(['day', 'p', 'r1↳', 'r2↳', 'o']);
    expect(rows.indexOfEvent('r2')).toBe(3);
    expect(buildTimelineRows(foldThreads([parent, reply1]), 'UTC', new Set()).indexOfEvent('r1')).toBe(-1);
  });

  it('steps along the event rows over day headers for j/k, stopping at either end', () => {
    const later = event('n', '2024-06-14T09:00:00Z');
    const rows = buildTimelineRows(foldThreads([parent, reply1, other, later]), 'UTC', new Set(['p']));
    // day, p, r1↳, o, day, n
    const ids = (from: number, delta: number) => rows.eventAt(rows.stepEvent(from, delta))?.id;
    expect(rows.dayIndexes).toEqual(Int32Array.from([0, 4]));
    expect(ids(-1, 1)).toBe('p');
    expect(ids(rows.indexOfEvent('o'), 1)).toBe('n');
    expect(ids(rows.indexOfEvent('n'), -1)).toBe('o');
    expect(ids(rows.indexOfEvent('n'), 1)).toBe('n');
    expect(ids(rows.indexOfEvent('p'), -1)).toBe('p');
    expect(ids(rows.indexOfEvent('p'), 2)).toBe('o');
    expect(rows.keyAt(0)).toBe('day:2024-06-13');
    expect(rows.keyAt(2)).toBe('r1');
  });
});

describe('buildTimelineRowsSteps', () => {
  it('gives the rows buildTimelineRows gives, pausing every few thousand events', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => event(`e${i}`, new Date(Date.UTC(2024, 5, 12) + i * 60_000).toISOString()));
    const fold = foldThreads(events);
    const steps = buildTimelineRowsSteps(fold, 'UTC', new Set());
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(step.value.toArray()).toEqual(buildTimelineRows(fold, 'UTC', new Set()).toArray());
    expect(step.value.toArray().filter((row) => row.type === 'day')).toHaveLength(7);
    expect(pauses).toBeGreaterThanOrEqual(2);
  });
});
