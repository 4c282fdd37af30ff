import { describe, expect, it } from 'vitest';
import type { Milestone } from '../model/milestone';
import { buildPostmortemContext, redactedText } from './build-postmortem-context';
import { stageAt, stageStarts } from './stage-spans';
import { checkoutContextInput, checkoutIncident, checkoutMilestones } from './checkout-outage.fixture';
import { formatDuration } from './format-duration';

describe('buildPostmortemContext', () => {
  const ctx = buildPostmortemContext(checkoutContextInput());

  it('leaves redacted events out and replaces redacted spans', () => {
    expect(ctx.timeline.map((e) => e.id)).toEqual(['ev-deploy', 'ev-alert', 'ev-ack', 'ev-verify', 'ev-rollback', 'ev-clear']);
    expect(ctx.timeline.find((e) => e.id === 'ev-verify')?.text).toBe('Confirmed: pool size is 5 | should be 50. Password [redacted] here');
  });

  it('does not link annotations to redacted events', () => {
    expect(ctx.annotations['went poorly'].find((a) => a.id === 'a-hidden')).toMatchObject({ eventId: null, eventAtText: null });
  });

  it('assigns each event the stage it falls in and formats times in the incident zone', () => {
    expect(ctx.timeline.map((e) => [e.stage, e.atText])).toEqual([
      [null, 'Jun 12, 15:58:00'],
      ['Detect', 'Jun 12, 16:02:00'],
      ['Assemble', 'Jun 12, 16:04:00'],
      ['Verify', 'Jun 12, 16:09:00'],
      ['Mitigate', 'Jun 12, 16:20:00'],
      ['Review', 'Jun 12, 17:10:00'],
    ]);
  });

  it('lists pinned events as key moments', () => {
    expect(ctx.keyMoments.map((e) => e.id)).toEqual(['ev-alert', 'ev-rollback']);
  });

  it('groups annotations under every tag they carry, with all tags present', () => {
    expect(Object.keys(ctx.annotations).sort()).toEqual(['contributing factor', 'follow-up', 'question', 'went poorly', 'went well', 'where we got lucky']);
    expect(ctx.annotations['went well'].map((a) => a.id)).toEqual(['a-well', 'a-lucky']);
    expect(ctx.annotations['where we got lucky'].map((a) => a.id)).toEqual(['a-lucky']);
  });

  it('sorts action items by priority then due date', () => {
    expect(ctx.actionItems.map((a) => [a.id, a.dueText])).toEqual([
      ['ai-canary', '2024-06-19'],
      ['ai-alert', 'Not recorded'],
      ['ai-runbook', '2024-07-12'],
    ]);
  });

  it('collects people from the timeline, roles and owners, and adds the commander as a role', () => {
    expect(ctx.people).toEqual(['Alertmanager', 'Alice Smith', 'Bob Jones', 'Dana', 'deploy-bot']);
    expect(ctx.roles).toEqual([
      { role: 'Incident Commander', name: 'Alice Smith' },
      { role: 'Scribe', name: 'Dana' },
      { role: 'Subject-matter expert', name: 'Bob Jones' },
    ]);
  });

  it('names the zone as the app header does (CEST, PDT, BST), with an offset only where there is no short name', () => {
    expect(ctx.incident.startedAtText).toBe('2024-06-12 15:58 CEST');
    const at = (timeZone: string) => buildPostmortemContext({ ...checkoutContextInput(), incident: { ...checkoutIncident, timeZone } }).incident;
    expect(at('America/Los_Angeles').startedAtText).toBe('2024-06-12 06:58 PDT');
    expect(at('Europe/London').resolvedAtText).toBe('2024-06-12 16:10 BST');
    expect(at('Asia/Kolkata').startedAtText).toBe('2024-06-12 19:28 GMT+5:30');
  });

  it('says which records a missing metric needs', () => {
    const noImpactEnd = buildPostmortemContext({ ...checkoutContextInput(), milestones: checkoutMilestones.filter((m) => m.kind !== 'Under Control') });
    expect(noImpactEnd.metrics.find((m) => m.key === 'customerImpact')?.inlineText).toBe('not recorded yet — record an Impact end or Under Control milestone');
    const bare = buildPostmortemContext({ ...checkoutContextInput(), incident: { ...checkoutIncident, startedAt: null, detectedAt: null }, milestones: [] });
    expect(bare.metrics.find((m) => m.key === 'timeToAcknowledge')?.inlineText).toBe('not recorded yet — record a Detect milestone and an Assemble milestone');
    expect(bare.metrics.find((m) => m.key === 'timeToMitigate')?.inlineText).toBe('not recorded yet — record the incident’s Started time and a Mitigate milestone');
  });

  it('formats metrics from the milestones and marks missing ones', () => {
    const partial = buildPostmortemContext({ ...checkoutContextInput(), milestones: checkoutMilestones.filter((m) => m.kind === 'Detect') });
    expect(partial.metrics.map((m) => [m.key, m.seconds, m.text])).toEqual([
      ['timeToDetect', 240, '4m 00s'],
      ['timeToAcknowledge', null, 'Not recorded'],
      ['timeToMitigate', null, 'Not recorded'],
      ['timeToUnderControl', null, 'Not recorded'],
      ['timeToAllClear', 4_320, '1h 12m'],
      ['customerImpact', null, 'Not recorded'],
    ]);
  });

  it('reads "Detected" from the Detect milestone and "Resolved" from All Clear, and gives impact its own start and end', () => {
    const ctx = buildPostmortemContext({
      ...checkoutContextInput(),
      incident: { ...checkoutIncident, detectedAt: null },
      milestones: [...checkoutMilestones, { ...checkoutMilestones[0], id: 'm-impact', kind: 'Impact start', label: 'Impact start', at: Date.parse('2024-06-12T14:10:00Z') }],
    });
    expect(ctx.incident.detectedAtText).toBe('2024-06-12 16:02 CEST');
    expect(ctx.incident.impactStartedAtText).toBe('2024-06-12 16:10 CEST');
    expect(ctx.incident.impactEndedAtText).toBe('2024-06-12 16:35 CEST');
    expect(ctx.metrics.find((m) => m.key === 'customerImpact')?.text).toBe('25m 00s');
  });

  it('falls back to UTC for an unknown time zone', () => {
    const input = checkoutContextInput();
    const utc = buildPostmortemContext({ ...input, incident: { ...checkoutIncident, timeZone: 'Mars/Olympus' } });
    expect(utc.incident.startedAtText).toBe('2024-06-12 13:58 UTC');
  });
});

describe('stageAt', () => {
  const m = (kind: Milestone['kind'], at: number): Milestone => ({ id: kind, incidentId: 'i', kind, label: kind, at, eventId: null, note: '', createdAt: 0, updatedAt: 0 });

  it('uses the latest stage at or before the time; Under Control begins Repair and All Clear begins Review when those are missing', () => {
    const starts = stageStarts([m('Mitigate', 30), m('Detect', 10), m('Under Control', 40), m('Custom', 50), m('All Clear', 70)]);
    expect([5, 10, 29, 30, 39, 45, 60, 70, 99].map((t) => stageAt(starts, t))).toEqual([
      null, 'Detect', 'Detect', 'Mitigate', 'Mitigate', 'Repair', 'Repair', 'Review', 'Review',
    ]);
    expect(starts.filter((s) => s.inferredFrom).map((s) => [s.stage, s.inferredFrom])).toEqual([
      ['Repair', 'Under Control'],
      ['Review', 'All Clear'],
    ]);
  });

  it('keeps a recorded Repair milestone rather than inferring one', () => {
    const starts = stageStarts([m('Under Control', 40), m('Repair', 55)]);
    expect([45, 56].map((t) => stageAt(starts, t))).toEqual([null, 'Repair']);
  });
});

describe('redactedText', () => {
  it('handles overlapping, unsorted and empty spans', () => {
    expect(redactedText({ text: 'abcdefghij', redactions: [{ start: 6, end: 8 }, { start: 1, end: 3 }, { start: 2, end: 4 }, { start: 9, end: 9 }] })).toBe(
      'a[redacted]ef[redacted]ij',
    );
    expect(redactedText({ text: 'secret key here', redactions: [{ start: 0, end: 6 }, { start: 6, end: 10 }] })).toBe('[redacted] here');
    expect(redactedText({ text: 'nothing hidden', redactions: [] })).toBe('nothing hidden');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [125, '2m 05s'],
    [3_900, '1h 05m'],
    [86_400, '1d'],
    [93_600, '1d 2h'],
    [-5, '0s'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('tells same-millisecond events in the timeline order: by import, then each source in its own order (not by id text)', () => {
    const input = checkoutContextInput();
    const base = input.events.find((e) => e.id === 'ev-alert');
    if (!base) throw new Error('fixture event missing');
    const tied = ['s1:10', 's1:9', 's0:3'].map((id) => ({ ...base, id, sourceId: id.split(':')[0] ?? '', pinned: false, text: `tie ${id}` }));
    const order = (events: typeof tied) =>
      buildPostmortemContext({ ...input, events: [...input.events, ...events], sourceOrder: ['s0', 's1'] })
        .timeline.filter((e) => e.text.startsWith('tie '))
        .map((e) => e.id);
    expect(order(tied)).toEqual(['s0:3', 's1:9', 's1:10']);
    expect(order([...tied].reverse())).toEqual(['s0:3', 's1:9', 's1:10']);
  });
});

