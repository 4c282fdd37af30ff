import { describe, expect, it } from 'vitest';
import { buildPostmortemContext } from '@core/postmortem/build-postmortem-context';
import { canReportsOf, contextInputFromRecords, peopleNames, postmortemAuthors } from './context-input';
import { INC_482_GENERATED_AT, inc482Events, inc482Incident, inc482Records } from './inc-482.fixture';

describe('context assembly from stored records', () => {
  it('gives the postmortem the same metrics, in seconds, as the Metrics panel', () => {
    const ctx = buildPostmortemContext(contextInputFromRecords(inc482Records(), INC_482_GENERATED_AT));
    expect(Object.fromEntries(ctx.metrics.map((m) => [m.key, m.seconds]))).toEqual({
      timeToDetect: 6 * 60, // 23:52 → 23:58
      timeToAcknowledge: 3 * 60, // Detect 23:58 → Assemble 00:01, across midnight
      timeToMitigate: 32 * 60,
      timeToUnderControl: 43 * 60,
      timeToAllClear: 78 * 60, // to All Clear at 01:10
      customerImpact: 43 * 60, // ends at Under Control by default
    });
    expect(ctx.metrics.map((m) => m.text)).toEqual(['6m 00s', '3m 00s', '32m 00s', '43m 00s', '1h 18m', '43m 00s']);
    const mitigateEnds = buildPostmortemContext(contextInputFromRecords({ ...inc482Records(), metricOptions: { impactEndDefault: 'Mitigate' } }, INC_482_GENERATED_AT));
    expect(mitigateEnds.metrics.find((m) => m.key === 'customerImpact')?.seconds).toBe(32 * 60);
  });

  it('finds CAN reports in visible messages but never in redacted ones or redacted spans', () => {
    const can = inc482Events.find((e) => e.id === 'ev-can');
    if (!can) throw new Error('fixture changed');
    const hidden = { ...can, id: 'ev-can-hidden', redacted: true };
    const spanned = {
      ...can,
      id: 'ev-can-span',
      text: 'Conditions: token abc123 leaked\nActions: rotate\nNeeds: nothing',
      redactions: [{ start: 18, end: 24 }],
    };
    const reports = canReportsOf([...inc482Events, hidden, spanned]);
    expect(reports.map((r) => r.eventId)).toEqual(['ev-can', 'ev-can-span']);
    expect(reports[0]).toMatchObject({ author: 'Priya Raman', conditions: '5xx on ~30% of checkouts', needs: 'someone from payments with deploy rights' });
    expect(reports[1]?.conditions).toBe('token [redacted] leaked');
  });

  it('names the scribes as authors, or the commander when there is no scribe', () => {
    expect(postmortemAuthors(inc482Incident)).toEqual(['Tom Okafor']);
    expect(postmortemAuthors({ ...inc482Incident, roles: [] })).toEqual(['Priya Raman']);
    expect(postmortemAuthors({ ...inc482Incident, roles: [], commander: ' ' })).toEqual([]);
  });

  it('gives the blameless check every person of the incident, once', () => {
    const records = inc482Records();
    const names = peopleNames({
      ...records,
      people: [{ id: 'p1', displayName: 'Marco Silva', email: null, aliases: [], matchKeys: [], createdAt: 0, updatedAt: 0 }],
    });
    expect(names).toEqual(expect.arrayContaining(['Priya Raman', 'Tom Okafor', 'Lena Fischer', 'Marco Silva', 'PagerDuty']));
    expect(names.filter((n) => n === 'Marco Silva')).toHaveLength(1);
  });

  it('keeps redacted events out of the timeline and the action items sorted by priority', () => {
    const ctx = buildPostmortemContext(contextInputFromRecords(inc482Records(), INC_482_GENERATED_AT));
    expect(ctx.timeline.map((e) => e.id)).not.toContain('ev-secret');
    expect(ctx.actionItems.map((a) => a.priority)).toEqual(['P1', 'P2']);
    expect(ctx.canReports).toHaveLength(1);
    expect(ctx.incident.startedAtText).toBe('2024-06-12 23:52 PDT');
    expect(ctx.incident.resolvedAtText).toBe('2024-06-13 01:10 PDT');
  });
});
