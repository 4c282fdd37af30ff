import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { severityChangeIn } from './severity-in-text';
import { suggestMilestones, suggestMilestonesSteps, timeThenIdSteps, type SuggestionEvent } from './suggest-milestones';
import { runSteps } from '../steps';

const LA = 'America/Los_Angeles';
const la = (y: number, mo: number, d: number, h: number, mi = 0) => new TZDate(y, mo - 1, d, h, mi, LA).getTime();
const MIN = 60_000;

let counter = 0;
function ev(partial: Partial<SuggestionEvent> & Pick<SuggestionEvent, 'at'>): SuggestionEvent {
  counter += 1;
  return { id: `e${counter}`, sourceFormat: 'manual', kind: 'note', text: '', channel: '', raw: null, actorName: '', ...partial };
}
const pd = (at: number, type: string, text = '') => ev({ at, sourceFormat: 'pagerduty', kind: 'page', text, raw: { id: `R${at}`, type, summary: text } });
const sp = (at: number, status: string) => ev({ at, sourceFormat: 'statuspage', kind: 'status-update', text: status, raw: { status, body: '…' } });
const slack = (at: number, channel: string, text: string) => ev({ at, sourceFormat: 'slack-export', kind: 'message', channel, text, raw: { ts: String(at / 1000) } });

describe('suggestMilestones', () => {
  it('maps PagerDuty trigger/acknowledge/resolve log entries (with or without the _log_entry suffix)', () => {
    const t = Date.UTC(2024, 5, 13, 6, 52);
    const trigger = pd(t, 'trigger_log_entry', 'Triggered through the API');
    const ack = pd(t + 4 * MIN, 'acknowledge', 'Acknowledged by Alice');
    const resolve = pd(t + 80 * MIN, 'resolve_log_entry', 'Resolved by Alice');
    const note = pd(t + 5 * MIN, 'annotate_log_entry', 'Note added');
    const suggestions = suggestMilestones([resolve, note, ack, trigger], []);
    expect(suggestions.map((s) => [s.kind, s.eventId])).toEqual([
      ['Detect', trigger.id],
      ['Assemble', ack.id],
      ['All Clear', resolve.id],
    ]);
    expect(suggestions.every((s) => s.reason.includes('PagerDuty'))).toBe(true);
    expect(suggestions.find((s) => s.kind === 'Repair')).toBeUndefined();
  });

  it('maps Statuspage statuses, but as weak evidence that what responders wrote outranks', () => {
    const t = Date.UTC(2024, 5, 13, 7, 0);
    const trigger = pd(t - 10 * MIN, 'trigger');
    const events = [sp(t, 'investigating'), sp(t + 20 * MIN, 'identified'), sp(t + 40 * MIN, 'monitoring'), sp(t + 70 * MIN, 'resolved'), trigger];
    const byKind = Object.fromEntries(suggestMilestones(events, []).map((s) => [s.kind, s]));
    expect(byKind.Detect?.eventId).toBe(trigger.id);
    expect(byKind.Detect?.alternatives.map((a) => a.at)).toEqual([t]);
    expect(byKind.Verify).toMatchObject({ at: t + 20 * MIN, confidence: 0.3 });
    expect(byKind['Under Control']?.at).toBe(t + 40 * MIN);
    expect(byKind['All Clear']?.at).toBe(t + 70 * MIN);
    const said = slack(t + 31 * MIN, 'inc', 'rolled back the config, error rate dropping');
    expect(suggestMilestones([...events, said], []).find((s) => s.kind === 'Mitigate')).toMatchObject({ eventId: said.id, confidence: 0.8 });
  });

  it('reads what responders wrote: stage declarations, IC, paging, dispatch, Under Control, All Clear', () => {
    const t = Date.UTC(2024, 5, 13, 7, 0);
    const events = [
      slack(t, 'inc', "I'm taking IC, paging the payments team"),
      slack(t + 1 * MIN, 'inc', 'Stage: Verify. Confirmed the cause is the 14:00 config'),
      slack(t + 2 * MIN, 'inc', 'SMEs dispatched: Tom on the rollback'),
      slack(t + 3 * MIN, 'inc', 'we are not under control yet'),
      slack(t + 4 * MIN, 'inc', 'all clear?'),
      slack(t + 5 * MIN, 'inc', 'We are Under Control now'),
      slack(t + 6 * MIN, 'inc', 'Repair: validator fixed and deployed'),
      slack(t + 7 * MIN, 'inc', 'All Clear, thanks everyone'),
    ];
    const at = Object.fromEntries(suggestMilestones(events, []).filter((s) => s.kind !== 'Custom').map((s) => [s.kind, (s.at - t) / MIN]));
    expect(at).toEqual({ Assemble: 0, Verify: 1, Dispatch: 2, 'Under Control': 5, Repair: 6, 'All Clear': 7 });
  });

  it('prefers the earliest of the most confident candidates and offers the others when they disagree', () => {
    const t = Date.UTC(2024, 5, 13, 7, 0);
    const rollback = slack(t, 'inc', 'rolled back to v41');
    const recap = ev({ at: t + 3 * MIN, sourceFormat: 'pagerduty', kind: 'note', text: 'Mitigated by the rollback', raw: { type: 'annotate_log_entry' } });
    const status = sp(t + 15 * MIN, 'monitoring');
    const mitigate = suggestMilestones([recap, status, rollback], []).find((s) => s.kind === 'Mitigate');
    expect(mitigate?.eventId).toBe(rollback.id);
    expect(mitigate?.evidence).toBe('rolled back to v41');
    expect(mitigate?.alternatives.map((a) => [a.eventId, a.confidence])).toEqual([
      [recap.id, 0.9],
      [status.id, 0.3],
    ]);
  });

  it('skips kinds that already have a milestone', () => {
    const t = 1_700_000_000_000;
    const suggestions = suggestMilestones([pd(t, 'trigger'), pd(t + MIN, 'acknowledge')], [{ kind: 'Detect', eventId: null }]);
    expect(suggestions.map((s) => s.kind)).toEqual(['Assemble']);
  });

  it('takes the first message of the busiest Slack channel, or of the one named, as a weak Assemble', () => {
    const t = 1_700_000_000_000;
    const events = [
      slack(t, 'general', 'anyone else seeing 500s?'),
      slack(t + 2 * MIN, 'inc-482-checkout', 'opening the incident channel'),
      slack(t + 3 * MIN, 'inc-482-checkout', 'looking at dashboards'),
      slack(t + 4 * MIN, 'inc-482-checkout', 'still looking'),
    ];
    const inferred = suggestMilestones(events, []).find((s) => s.kind === 'Assemble');
    expect(inferred).toMatchObject({ eventId: events[1].id, confidence: 0.3 });
    expect(inferred?.reason).toContain('inc-482-checkout');
    const named = suggestMilestones(events, [], { incidentChannel: 'general' }).find((s) => s.kind === 'Assemble');
    expect(named?.eventId).toBe(events[0].id);
  });

  it('turns severity changes in PagerDuty and messages into "Severity changed to …" facts, a bot echo merged', () => {
    const t = 1_700_000_000_000;
    const urgency = pd(t, 'urgency_change_log_entry', 'Urgency changed from low to high');
    const upgrade = slack(t + MIN, 'inc', 'Upgrading to SEV1, checkout is fully down');
    const echo = slack(t + MIN + 5_000, 'inc', 'Severity changed from SEV2 to SEV1');
    const chatter = slack(t + 2 * MIN, 'inc', 'moved traffic to p1 cluster');
    const suggestions = suggestMilestones([urgency, upgrade, echo, chatter], [{ kind: 'Custom', eventId: urgency.id }]);
    const custom = suggestions.filter((s) => s.kind === 'Custom');
    expect(custom).toHaveLength(1);
    expect(custom[0]).toMatchObject({ label: 'Severity changed to SEV1', eventId: upgrade.id });
    expect(custom[0].alternatives.map((a) => a.eventId)).toEqual([echo.id]);
    const withPd = suggestMilestones([urgency], []).filter((s) => s.kind === 'Custom');
    expect(withPd[0]).toMatchObject({ label: 'Severity changed to HIGH', reason: 'PagerDuty urgency change to HIGH' });
  });

  it('reads raw defensively: missing, primitive or oddly typed records produce no suggestion and no throw', () => {
    const weird = [
      ev({ at: 1, sourceFormat: 'pagerduty', raw: null }),
      ev({ at: 2, sourceFormat: 'pagerduty', raw: 'trigger' }),
      ev({ at: 3, sourceFormat: 'statuspage', raw: { status: 42 } }),
      ev({ at: 4, sourceFormat: 'statuspage', raw: { status: 'postmortem' } }),
      ev({ at: 5, sourceFormat: 'alertmanager', raw: [] }),
    ];
    expect(suggestMilestones(weird, [])).toEqual([]);
  });

  it('orders suggestions by instant across the LA spring-forward night and midnight', () => {
    const detect = pd(la(2024, 3, 10, 1, 55), 'trigger'); // PST
    const ack = pd(la(2024, 3, 10, 3, 2), 'acknowledge'); // PDT, 7 real minutes later
    const resolved = sp(la(2024, 3, 11, 0, 5), 'resolved'); // after local midnight
    const suggestions = suggestMilestones([resolved, ack, detect], []);
    expect(suggestions.map((s) => s.kind)).toEqual(['Detect', 'Assemble', 'All Clear']);
    expect(suggestions[1].at - suggestions[0].at).toBe(7 * MIN);
  });

  it('uses the instant, not the wall clock, in the repeated hour of the LA fall-back night', () => {
    const firstOneThirty = la(2024, 11, 3, 1, 30); // 01:30 PDT
    const trigger = pd(firstOneThirty, 'trigger');
    // 01:10 PST reads earlier on the wall clock but happens 40 minutes after 01:30 PDT.
    const ack = pd(firstOneThirty + 40 * MIN, 'acknowledge');
    const earlyStatus = sp(firstOneThirty + 20 * MIN, 'investigating');
    const byKind = Object.fromEntries(suggestMilestones([ack, earlyStatus, trigger], []).map((s) => [s.kind, s]));
    expect(byKind.Detect?.eventId).toBe(trigger.id);
    // The acknowledgement outranks the status page, although the wall clock reads it earlier.
    expect(byKind.Assemble?.eventId).toBe(ack.id);
    expect(byKind.Assemble?.alternatives.map((a) => a.eventId)).toEqual([earlyStatus.id]);
  });

  it('suggests Detect from an Alertmanager alert that fired', () => {
    const firing = ev({ at: 10, sourceFormat: 'alertmanager', kind: 'alert', raw: { status: 'firing', labels: {} } });
    const resolved = ev({ at: 5, sourceFormat: 'alertmanager', kind: 'alert', raw: { status: 'resolved' } });
    expect(suggestMilestones([firing, resolved], []).map((s) => [s.kind, s.eventId])).toEqual([['Detect', firing.id]]);
  });
});

describe('severityChangeIn', () => {
  it.each([
    ['Upgrading to SEV1', 'SEV1'],
    ['bumping this to sev-2 for now', 'SEV2'],
    ['ok downgraded this one to a Sev 3', 'SEV3'],
    ['Priority changed from P3 to P1', 'P1'],
    ['severity set to SEV2', 'SEV2'],
    ['this is now a SEV1', 'SEV1'],
    ['elevating to SEV2, customers in the EU cannot pay', 'SEV2'],
    ['severity → SEV2, slow search is hurting checkout', 'SEV2'],
    ['yep, declaring SEV 1', 'SEV1'],
    ['lowering to sev 3, cleanup remaining', 'SEV3'],
  ])('"%s" → %s', (text, level) => {
    expect(severityChangeIn(text)).toBe(level);
  });

  it.each(['we moved traffic to p1', 'SEV1 runbook is here', 'upgrading the database to 14.2', 'changed config to low timeout', 'confirmed, key rotation broke it. sev 1?', 'should we raise this to sev1?'])(
    'ignores "%s"',
    (text) => {
      expect(severityChangeIn(text)).toBeNull();
    },
  );

  it('a huge incident where every message is evidence still gets its suggestion (no stack overflow, earliest wins)', () => {
    const t = Date.UTC(2024, 5, 13, 6, 0);
    const events = Array.from({ length: 150_000 }, (_, i) => slack(t + i * 1000, 'incident', 'alert just fired'));
    const detect = suggestMilestones(events, []).find((s) => s.kind === 'Detect');
    expect(detect?.eventId).toBe(events[0].id);
  }, 60_000);
});

describe('suggestMilestonesSteps', () => {
  it('pauses often enough on a big incident: no stretch between two pauses reads the text of more than 256 events', () => {
    const t = Date.UTC(2024, 5, 13, 7, 0);
    const readSinceYield = new Set<string>();
    const events = Array.from({ length: 10_000 }, (_, i) => {
      const event = slack(t + i * 1000, 'inc', i % 97 === 0 ? 'we are now a SEV2, mitigated by rollback' : 'looking at the dashboards');
      const text = event.text;
      return Object.defineProperty(event, 'text', { get: () => (readSinceYield.add(event.id), text) });
    });
    const steps = suggestMilestonesSteps(events, []);
    let longest = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      longest = Math.max(longest, readSinceYield.size);
      readSinceYield.clear();
    }
    // The severity pass used to read every event in one go.
    expect(longest).toBeGreaterThan(0);
    expect(longest).toBeLessThanOrEqual(256);
  });
});

describe('timeThenIdSteps', () => {
  const byTimeThenId = (a: { at: number; id: string }, b: { at: number; id: string }) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('gives the same order as one stable sort by time then id, for lists in time order or not', () => {
    const event = fc.record({ at: fc.integer({ min: 0, max: 6 }), id: fc.constantFrom('a', 'b', 'c', 'd', 'e') });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), fc.boolean(), (raw, timeOrdered) => {
        const events = timeOrdered ? [...raw].sort((a, b) => a.at - b.at) : raw;
        const ordered = runSteps(timeThenIdSteps(events));
        const expected = [...events].sort(byTimeThenId);
        // The same objects in the same places (equal keys keep their order, as a stable sort).
        expect(ordered.length).toBe(expected.length);
        ordered.forEach((e, i) => expect(e).toBe(expected[i]));
      }),
    );
  });

  it('never reads every event in one stretch when the list is already in time order', () => {
    const reads = new Set<number>();
    const events = Array.from({ length: 20_000 }, (_, i) => {
      const at = Math.floor(i / 300) * 1000;
      const id = `e${String((i * 7919) % 20_000).padStart(5, '0')}`;
      return Object.defineProperty({ id }, 'at', { get: () => (reads.add(i), at) }) as { id: string; at: number };
    });
    const steps = timeThenIdSteps(events);
    let longest = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      longest = Math.max(longest, reads.size);
      reads.clear();
    }
    // A whole sort would have read all 20,000 at once; a stretch covers a step and one millisecond's group.
    expect(longest).toBeLessThanOrEqual(256 + 2 * 300);
  });
});
