import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildPostmortemContext } from './build-postmortem-context';
import { checkoutContextInput } from './checkout-outage.fixture';
import { exportFrontMatter } from './front-matter';
import { emptyCatalog } from '../model/catalog';

describe('exportFrontMatter', () => {
  const ctx = buildPostmortemContext(checkoutContextInput());

  it('writes UTC ISO dates, seconds and a fixed key order', () => {
    const text = exportFrontMatter(ctx, 'incident-review');
    expect(text.startsWith('---\n')).toBe(true);
    expect(text.endsWith('\n---\n')).toBe(true);
    const data = parse(text.slice(4, -4)) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual([
      'id', 'title', 'severity', 'status', 'services', 'commander', 'startedAt', 'detectedAt', 'resolvedAt',
      'impactStartedAt', 'impactEndedAt', 'reviewAt',
      'timeZone', 'template', 'authors', 'generatedAt', 'metrics', 'catalog',
    ]);
    expect(data).toMatchObject({
      id: 'inc-checkout',
      title: 'Checkout API errors | EU',
      severity: 'SEV2',
      startedAt: '2024-06-12T13:58:00.000Z',
      resolvedAt: '2024-06-12T15:10:00.000Z',
      impactStartedAt: '2024-06-12T13:58:00.000Z',
      impactEndedAt: '2024-06-12T14:35:00.000Z',
      template: 'incident-review',
      // The same numbers as the Metrics panel: one definition in core/metrics.
      metrics: { timeToDetect: 240, timeToAcknowledge: 120, timeToMitigate: 1320, timeToUnderControl: 2220, timeToAllClear: 4320, customerImpact: 2220 },
    });
  });

  it('keeps titles that look like YAML as strings and writes nulls for unknown times', () => {
    const input = checkoutContextInput();
    const odd = buildPostmortemContext({
      ...input,
      incident: { ...input.incident, title: 'yes: --- # not a comment', detectedAt: null, resolvedAt: null },
      milestones: [],
      generatedAt: null,
    });
    const data = parse(exportFrontMatter(odd, 'x').slice(4, -4)) as Record<string, unknown>;
    expect(data.title).toBe('yes: --- # not a comment');
    expect(data.detectedAt).toBeNull();
    expect(data.generatedAt).toBeNull();
    expect(data.metrics).toEqual({
      timeToDetect: null,
      timeToAcknowledge: null,
      timeToMitigate: null,
      timeToUnderControl: null,
      timeToAllClear: null,
      customerImpact: null,
    });
  });

  it('carries the catalog, with duration and customer impact in minutes', () => {
    const input = checkoutContextInput();
    const catalog = { ...emptyCatalog(), trigger: 'deploy', failureDomains: ['edge'], contributingFactors: ['canary skipped EU'], lessons: { wentWell: ['fast rollback'], wentPoorly: [], lucky: [] } };
    const data = parse(exportFrontMatter(buildPostmortemContext({ ...input, incident: { ...input.incident, catalog } }), 'x').slice(4, -4)) as Record<string, unknown>;
    expect(data.catalog).toEqual({
      failureDomains: ['edge'],
      trigger: 'deploy',
      contributingFactors: ['canary skipped EU'],
      detectionMethod: null,
      resolution: null,
      lessons: { wentWell: ['fast rollback'], wentPoorly: [], lucky: [] },
      durationMinutes: 72,
      customerImpactMinutes: 37,
    });
  });

  it('is byte-for-byte repeatable', () => {
    expect(exportFrontMatter(buildPostmortemContext(checkoutContextInput()), 't')).toBe(exportFrontMatter(ctx, 't'));
  });
});
