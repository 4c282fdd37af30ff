import { describe, expect, it } from 'vitest';
import { catalogRow } from '../catalog/catalog-row';
import { emptyCatalog } from '../model/catalog';
import type { Incident } from '../model/incident';
import { computeInsights } from './insights-view';
import { quarterRange } from './period';
import { reportBlocks, reportMarkdown } from './report';

const MIN = 60_000;
const incident = (id: string, start: string, title: string, trigger: string): Incident => ({
  id,
  title,
  severity: 'SEV2',
  status: 'closed',
  startedAt: Date.parse(start),
  detectedAt: Date.parse(start) + 5 * MIN,
  resolvedAt: Date.parse(start) + 60 * MIN,
  reviewAt: null,
  timeZone: 'UTC',
  services: ['checkout'],
  commander: '',
  roles: [],
  summary: '',
  catalog: { ...emptyCatalog(), trigger },
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
});

describe('quarterly report', () => {
  const rows = [
    catalogRow(incident('a', '2025-04-03T10:00:00Z', 'Checkout | *down*', 'deploy'), [{ kind: 'Mitigate', at: Date.parse('2025-04-03T10:30:00Z') }]),
    catalogRow(incident('b', '2025-05-10T10:00:00Z', 'Checkout again', 'deploy'), []),
    catalogRow(incident('c', '2025-08-01T10:00:00Z', 'Next quarter', 'config'), []),
  ];
  const period = quarterRange('2025-Q2');
  if (!period) throw new Error('bad quarter');
  const build = () => reportMarkdown(reportBlocks(computeInsights(rows, [], new Set(), { ...period, severities: [], service: '', trigger: '' }, period.to), period), { 'incidents-per-month': 'per-month.png', 'time-to-mitigate': 'mitigate.png' });

  it('covers the quarter only, as at its end, and is the same every time', () => {
    const md = build();
    expect(period).toMatchObject({ from: Date.parse('2025-04-01T00:00:00Z'), to: Date.parse('2025-07-01T00:00:00Z') - 1, label: 'Q2 2025' });
    expect(md.startsWith('# Incident report: Q2 2025\n\nPeriod 2025-04-01 to 2025-06-30 (UTC). 2 incidents.')).toBe(true);
    expect(md).toContain('| Repeat incidents | 1 |');
    expect(md).toContain('| Deploy-related | 100% (2) |');
    expect(md).toContain('![Incidents per month by severity](per-month.png)');
    expect(md).toContain('| Apr 2025 | 0 | 1 | 0 | 0 | 1 |');
    expect(md).not.toContain('Next quarter');
    expect(build()).toBe(md);
  });

  it('escapes incident titles so they cannot break a table', () => {
    expect(build()).toContain('| 2025-04-03 | SEV2 | Checkout \\| \\*down\\* | deploy | 30 min |');
  });
});
