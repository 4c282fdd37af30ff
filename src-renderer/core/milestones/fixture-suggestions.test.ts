import { describe, expect, it } from 'vitest';
import { computeIncidentMetrics, metricSeconds } from '../metrics/incident-metrics';
import type { MilestoneKind } from '../model/milestone';
import { checkMilestoneOrder } from '../timeline/milestone-order';
import { measureFixtureAccuracy } from './__fixtures__/fixture-incidents';
import { suggestMilestones } from './suggest-milestones';

describe('suggestions on the fixture incidents (truth.json next to each)', () => {
  it('land within 60 s of every true milestone and severity change', async () => {
    const results = await measureFixtureAccuracy();
    expect(results.map((r) => r.incident.name)).toEqual(['inc-311-checkout', 'search-latency', 'login-outage']);
    const misses = results.flatMap(({ incident, rows }) =>
      rows
        .filter((r) => !r.hit)
        .map((r) => `${incident.name} ${r.what}: truth ${new Date(r.truth).toISOString()}, suggested ${r.suggested === null ? 'nothing' : new Date(r.suggested).toISOString()}`),
    );
    expect(misses).toEqual([]);
    expect(results.map((r) => r.rows.length)).toEqual([11, 9, 10]);
  });
});

describe('metrics of the fixture incidents from their confirmed suggestions', () => {
  it('match the truth file of each incident, to the second', async () => {
    for (const { incident } of await measureFixtureAccuracy()) {
      const milestones = suggestMilestones(incident.events, []).map((s) => ({ kind: s.kind, at: s.at, label: s.label }));
      const metrics = computeIncidentMetrics({ startedAt: incident.truth.startedAt, detectedAt: null, resolvedAt: null, reviewAt: null }, milestones);
      expect(metricSeconds(metrics), incident.name).toEqual(incident.truth.metrics);
    }
  });
});

describe('the order check on the fixture incidents', () => {
  it('has nothing to say about what really happened (Repair follows Under Control)', async () => {
    for (const { incident } of await measureFixtureAccuracy()) {
      const truth = Object.entries(incident.truth.milestones).map(([kind, at]) => ({ id: kind, kind: kind as MilestoneKind, label: kind, at }));
      expect(checkMilestoneOrder(truth), incident.name).toEqual([]);
    }
  });
});
