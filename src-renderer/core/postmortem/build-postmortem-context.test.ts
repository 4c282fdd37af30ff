import { describe, expect, it } from 'vitest';
import type { Milestone } from '../model/milestone';
import { buildPostmortemContext, missingMetricText, redactedText, stageAt } from './build-postmortem-context';
import { checkoutContextInput, checkoutIncident } from './checkout-outage.fixture';
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
      ['Mitigate', 'Jun 12, 17:10:00'],
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
    const none = { startedAt: null, detectedAt: null, resolvedAt: null };
    expect(missingMetricText('customerImpact', { ...none, startedAt: 1 }, [{ kind: 'Detect' }])).toBe(
      'not recorded yet — set the Mitigate milestone on the Timeline',
    );
    expect(missingMetricText('customerImpact', { ...none, startedAt: 1 }, [{ kind: 'Under Control' }])).toBe('not recorded yet');
    expect(missingMetricText('timeToAcknowledge', none, [])).toBe('not recorded yet — set the Detect and Assemble milestones on the Timeline');
    expect(missingMetricText('timeToResolve', { ...none, resolvedAt: 5 }, [])).toBe('not recorded yet — set “Started” with Edit');
    expect(missingMetricText('timeToMitigate', none, [])).toBe(
      'not recorded yet — set “Started” with Edit, and the Mitigate milestone on the Timeline',
    );
  });

  it('formats metrics and marks missing ones', () => {
    const partial = buildPostmortemContext({ ...checkoutContextInput(), metricSeconds: { timeToDetect: 240 } });
    expect(partial.metrics.map((m) => [m.key, m.seconds, m.text])).toEqual([
      ['timeToDetect', 240, '4m 00s'],
      ['timeToAcknowledge', null, 'Not recorded'],
      ['timeToMitigate', null, 'Not recorded'],
      ['timeToResolve', null, 'Not recorded'],
      ['customerImpact', null, 'Not recorded'],
    ]);
  });

  it('falls back to UTC for an unknown time zone', () => {
    const input = checkoutContextInput();
    const utc = buildPostmortemContext({ ...input, incident: { ...checkoutIncident, timeZone: 'Mars/Olympus' } });
    expect(utc.incident.startedAtText).toBe('2024-06-12 13:58 UTC');
  });
});

describe('stageAt', () => {
  const m = (kind: Milestone['kind'], at: number): Milestone => ({ id: kind, incidentId: 'i', kind, label: kind, at, eventId: null, note: '', createdAt: 0, updatedAt: 0 });

  it('ignores non-stage milestones and uses the latest stage at or before the time', () => {
    const milestones = [m('Mitigate', 30), m('Detect', 10), m('Under Control', 40), m('Custom', 50)];
    expect([5, 10, 29, 30, 45, 60].map((t) => stageAt(milestones, t))).toEqual([null, 'Detect', 'Detect', 'Mitigate', 'Mitigate', 'Mitigate']);
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
});
