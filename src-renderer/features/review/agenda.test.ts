import { describe, expect, it } from 'vitest';
import { buildAgenda, INCIDENT_ITEM_KEY, momentCount } from './agenda';
import { annotation, event, milestone } from './test-fixtures';

const MIN = 60_000;

describe('buildAgenda', () => {
  it('walks milestones and pinned events in time order and ends with the incident as a whole', () => {
    const events = [event('e1', 10 * MIN, { pinned: true }), event('e2', 20 * MIN), event('e3', 30 * MIN, { pinned: true })];
    const milestones = [milestone('m1', 'Under Control', 25 * MIN), milestone('m0', 'Detect', 5 * MIN)];
    const agenda = buildAgenda(milestones, events, []);
    expect(agenda.map((i) => [i.key, i.at])).toEqual([
      ['milestone:m0', 5 * MIN],
      ['event:e1', 10 * MIN],
      ['milestone:m1', 25 * MIN],
      ['event:e3', 30 * MIN],
      [INCIDENT_ITEM_KEY, null],
    ]);
    expect(momentCount(agenda)).toBe(4);
  });

  it('merges a milestone set on a pinned event into one stop that carries both', () => {
    const events = [event('e1', 10 * MIN, { pinned: true, text: 'Rolling back config 4411' })];
    const milestones = [milestone('m1', 'Mitigate', 10 * MIN, { eventId: 'e1', note: 'Rollback started' }), milestone('m2', 'Under Control', 10 * MIN, { eventId: 'e1' })];
    const [first, ...rest] = buildAgenda(milestones, events, []);
    expect(first).toMatchObject({ key: 'event:e1', eventId: 'e1', milestones: ['Mitigate', 'Under Control'], text: 'Rolling back config 4411', notes: ['Rollback started'] });
    expect(rest.map((i) => i.key)).toEqual([INCIDENT_ITEM_KEY]);
  });

  it('uses the milestone event even when it is not pinned, and its own time when the event is not visible', () => {
    const events = [event('e1', 12 * MIN)];
    const milestones = [milestone('m1', 'Detect', 11 * MIN, { eventId: 'e1' }), milestone('m2', 'All Clear', 40 * MIN, { eventId: 'gone' })];
    const agenda = buildAgenda(milestones, events, []);
    expect(agenda[0]).toMatchObject({ key: 'event:e1', at: 12 * MIN, eventId: 'e1' });
    expect(agenda[1]).toMatchObject({ key: 'milestone:m2', at: 40 * MIN, eventId: null, text: '' });
  });

  it('shows only redacted text, since the meeting view is projected', () => {
    const events = [
      event('e1', MIN, { pinned: true, text: 'password is hunter2', redactions: [{ start: 12, end: 19 }] }),
      event('e2', 2 * MIN, { pinned: true, text: 'call me on +1 555 0100', redacted: true }),
    ];
    const agenda = buildAgenda([], events, []);
    expect(agenda[0]?.text).toBe('password is █ redacted');
    expect(agenda[1]?.text).not.toContain('555');
  });

  it('attaches event, range and incident annotations to the right items and lists open questions', () => {
    const events = [event('e1', 10 * MIN, { pinned: true }), event('e2', 50 * MIN, { pinned: true })];
    const annotations = [
      annotation('a1', { type: 'event', eventId: 'e1' }, { tags: ['question'], plainText: 'Why was the alert late?' }),
      annotation('a2', { type: 'event', eventId: 'e1' }, { tags: ['went well'] }),
      annotation('a3', { type: 'range', from: 5 * MIN, to: 15 * MIN }),
      annotation('a4', { type: 'incident' }, { tags: ['question'] }),
      annotation('a5', { type: 'event', eventId: 'e2' }),
    ];
    const [first, second, whole] = buildAgenda([], events, annotations);
    expect(first?.annotations.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(first?.openQuestions.map((a) => a.id)).toEqual(['a1']);
    expect(second?.annotations.map((a) => a.id)).toEqual(['a5']);
    expect(whole?.annotations.map((a) => a.id)).toEqual(['a4']);
    expect(whole?.openQuestions.map((a) => a.id)).toEqual(['a4']);
  });

  it('has only the wrap-up item when nothing is pinned or marked', () => {
    const agenda = buildAgenda([], [event('e1', MIN)], []);
    expect(agenda.map((i) => i.kind)).toEqual(['incident']);
    expect(momentCount(agenda)).toBe(0);
  });

  it('keeps pinned events of the same millisecond in the timeline order, not by id text', () => {
    const events = [event('src:9', 5 * MIN, { pinned: true }), event('src:10', 5 * MIN, { pinned: true })];
    expect(buildAgenda([], events, []).map((item) => item.key)).toEqual(['event:src:9', 'event:src:10', INCIDENT_ITEM_KEY]);
  });
});

