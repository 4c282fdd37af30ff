import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../model/event';
import { newTimelineEvent } from '../model/new-event';
import type { SourceFormat } from '../model/source';
import { isBotPost, isSameEvent, matchSameEvents, SAME_EVENT_WINDOW_MS, sameEventPairKey } from './same-event';

const T0 = Date.parse('2024-06-12T14:00:00Z');
function event(id: string, format: SourceFormat, seconds: number, kind: TimelineEvent['kind'], actorName: string, text: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return newTimelineEvent({ id, incidentId: 'i', sourceId: `src-${format}`, sourceFormat: format, dedupeKey: `${format}:${id}`, at: T0 + seconds * 1000, kind, actorName, text, ...extra });
}

const csvDeploy = event('csv1', 'csv-timeline', 0, 'deploy', 'deploy-bot', 'payments-api config 2024.06.12-1 rolled out to all regions');
const slackDeploy = event('sl1', 'slack-export', 4, 'message', 'deploy-bot', 'payments-api config 2024.06.12-1 rolled out :rocket:', { actorAlias: 'slack-export:B0DEPLOY' });
const pdTrigger = event('pd1', 'pagerduty', 130, 'alert', '', 'Triggered through the API: checkout 5xx rate above 5%');
const amAlert = event('am1', 'alertmanager', 122, 'alert', '', 'FIRING: CheckoutErrorRate — checkout 5xx rate above 5%\nservice=checkout, severity=page');

describe('same real-world event from two sources', () => {
  it('matches a deploy bot’s Slack post with the deploy CSV row, and a PagerDuty trigger with its Alertmanager alert', () => {
    expect(isSameEvent(csvDeploy, slackDeploy)).toBe(true);
    expect(isSameEvent(slackDeploy, csvDeploy)).toBe(true);
    expect(isSameEvent(pdTrigger, amAlert)).toBe(true);
  });

  it('never merges a person’s message, two events of one source or format, or events far apart', () => {
    const human = event('sl2', 'slack-export', 10, 'message', 'Tom Okafor', 'payments-api config 2024.06.12-1 rolled out, watching', { actorAlias: 'slack-export:U02TOM' });
    expect(isBotPost(human)).toBe(false);
    expect(isSameEvent(csvDeploy, human)).toBe(false);
    expect(isSameEvent(csvDeploy, { ...csvDeploy, id: 'csv2' })).toBe(false);
    expect(isSameEvent(csvDeploy, { ...slackDeploy, at: T0 + 121_000 })).toBe(false);
    expect(isSameEvent(csvDeploy, { ...slackDeploy, redacted: true })).toBe(false);
  });

  it('needs the words to agree and the families to fit', () => {
    const otherDeploy = event('sl3', 'slack-export', 5, 'message', 'deploy-bot', 'search-api 3.2.0 rolled out', { actorAlias: 'slack-export:B0DEPLOY' });
    expect(isSameEvent(csvDeploy, otherDeploy)).toBe(false);
    const otherAlert = event('am2', 'alertmanager', 125, 'alert', '', 'FIRING: SearchLatencyHigh — search-api p99 latency > 2s');
    expect(isSameEvent(pdTrigger, otherAlert)).toBe(false);
    // A deploy and an alert are different events even when they name the same service and version.
    expect(isSameEvent(csvDeploy, event('am3', 'alertmanager', 3, 'alert', '', 'payments-api 2024.06.12-1 errors'))).toBe(false);
  });

  it('shows each pair in the earlier event’s row, at most one event per other format, and keeps split pairs apart', () => {
    const second = event('sl4', 'slack-export', 6, 'message', 'deploy-bot', 'payments-api config 2024.06.12-1 rolled out again', { actorAlias: 'slack-export:B0DEPLOY' });
    const matches = matchSameEvents([amAlert, slackDeploy, pdTrigger, csvDeploy, second]);
    expect([...matches.merged].map(([id, others]) => [id, others.map((e) => e.id)])).toEqual([
      ['csv1', ['sl1']],
      ['am1', ['pd1']],
    ]);
    expect(matches.shownIn.get('pd1')).toBe('am1');
    expect(matches.shownIn.has('sl4')).toBe(false);

    const split = matchSameEvents([slackDeploy, csvDeploy], new Set([sameEventPairKey('sl1', 'csv1')]));
    expect(split.merged.size).toBe(0);
    expect(sameEventPairKey('sl1', 'csv1')).toBe(sameEventPairKey('csv1', 'sl1'));
  });
});

/** The rule as first written: every later event in the window, one per other format, in time order. */
function matchByScanningAll(events: readonly TimelineEvent[], splits: ReadonlySet<string>) {
  const merged = new Map<string, TimelineEvent[]>();
  const shownIn = new Map<string, string>();
  const candidates = events.filter((e) => (['deploy', 'alert', 'page'].includes(e.kind) || isBotPost(e)) && e.threadParentKey === null).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  for (let i = 0; i < candidates.length; i++) {
    const primary = candidates[i];
    if (shownIn.has(primary.id)) continue;
    for (let j = i + 1; j < candidates.length && candidates[j].at - primary.at <= SAME_EVENT_WINDOW_MS; j++) {
      const other = candidates[j];
      if (shownIn.has(other.id) || merged.has(other.id) || splits.has(sameEventPairKey(primary.id, other.id))) continue;
      const taken = merged.get(primary.id) ?? [];
      if (taken.some((e) => e.sourceFormat === other.sourceFormat) || !isSameEvent(primary, other)) continue;
      merged.set(primary.id, [...taken, other]);
      shownIn.set(other.id, primary.id);
    }
  }
  return { merged, shownIn };
}

describe('matching at scale', () => {
  const FORMATS: SourceFormat[] = ['csv-timeline', 'slack-export', 'pagerduty', 'alertmanager'];
  const WORDS = ['payments-api', '2024.06.12-1', 'checkout', '5xx', 'rate', 'rolled', 'out', 'p99', 'search'];
  const arbitraryEvent = fc.record({
    format: fc.constantFrom(...FORMATS),
    seconds: fc.integer({ min: 0, max: 400 }),
    kind: fc.constantFrom<TimelineEvent['kind']>('deploy', 'alert', 'page', 'message'),
    bot: fc.boolean(),
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }),
  });

  it('pairs exactly as scanning every later event would (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(39), fc.nat(39)), { maxLength: 5 }), (drafts, splitPairs) => {
        const events = drafts.map((d, i) => event(`e${i}`, d.format, d.seconds, d.kind, d.bot ? 'deploy-bot' : 'Tom Okafor', d.words.join(' ')));
        const splits = new Set(splitPairs.map(([a, b]) => sameEventPairKey(`e${a}`, `e${b}`)));
        const ids = (m: Map<string, TimelineEvent[]>) => [...m].map(([id, list]) => [id, list.map((e) => e.id)]).sort();
        const fast = matchSameEvents(events, splits);
        const reference = matchByScanningAll(events, splits);
        expect(ids(fast.merged)).toEqual(ids(reference.merged));
        expect([...fast.shownIn].sort()).toEqual([...reference.shownIn].sort());
      }),
      { numRuns: 300 },
    );
  });
});

