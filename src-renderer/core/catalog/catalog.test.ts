import { describe, expect, it } from 'vitest';
import { emptyCatalog, type IncidentCatalog } from '../model/catalog';
import type { Incident } from '../model/incident';
import { catalogCsv, catalogMarkdown } from './catalog-export';
import { facetCounts, groupByFacet, matchesFacets, NOT_SET } from './catalog-facets';
import { catalogRow, suggestionsFromAnnotations } from './catalog-row';
import { catalogOf } from './catalog-schema';

const T0 = Date.parse('2025-03-04T10:00:00Z');
const MIN = 60_000;

function incident(id: string, catalog: Partial<IncidentCatalog> | undefined, extra: Partial<Incident> = {}): Incident {
  return {
    id,
    title: `Incident ${id}`,
    severity: 'SEV2',
    status: 'resolved',
    startedAt: T0,
    detectedAt: T0 + 5 * MIN,
    resolvedAt: T0 + 90 * MIN,
    reviewAt: null,
    timeZone: 'UTC',
    services: ['checkout'],
    commander: '',
    roles: [],
    summary: '',
    catalog: catalog && { ...emptyCatalog(), ...catalog },
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    ...extra,
  };
}

describe('catalog rows', () => {
  it('derives duration and customer impact from milestones, and prefers the team’s impact figure', () => {
    const derived = catalogRow(incident('a', {}), [{ kind: 'Mitigate', at: T0 + 25 * MIN }, { kind: 'Under Control', at: T0 + 25 * MIN }]);
    expect(derived.durationMinutes).toBe(90);
    expect(derived.customerImpactMinutes).toBe(25);
    const set = catalogRow(incident('b', { customerImpactMinutes: 40 }), [{ kind: 'Mitigate', at: T0 + 25 * MIN }]);
    expect(set.customerImpactMinutes).toBe(40);
    expect(catalogRow(incident('c', undefined, { resolvedAt: null }), []).durationMinutes).toBeNull();
  });

  it('reads a damaged stored catalog as empty rather than failing the library', () => {
    expect(catalogOf({ catalog: { trigger: 42 } })).toEqual(emptyCatalog());
    expect(catalogOf({ catalog: { trigger: 'deploy' } }).trigger).toBe('deploy');
  });

  it('suggests factors and lessons from tagged annotations, in the order they were written', () => {
    const s = suggestionsFromAnnotations([
      { tags: ['went well'], plainText: 'Rollback was quick', createdAt: 2 },
      { tags: ['contributing factor'], plainText: 'Canary skipped the EU region\nmore detail', createdAt: 1 },
      { tags: ['contributing factor', 'where we got lucky'], plainText: 'Low traffic hour', createdAt: 3 },
    ]);
    expect(s.contributingFactors).toEqual(['Canary skipped the EU region', 'Low traffic hour']);
    expect(s.lessons).toEqual({ wentWell: ['Rollback was quick'], wentPoorly: [], lucky: ['Low traffic hour'] });
  });
});

describe('catalog facets', () => {
  const rows = [
    catalogRow(incident('a', { trigger: 'deploy', failureDomains: ['edge', 'data layer'] }), []),
    catalogRow(incident('b', { trigger: 'Deploy', contributingFactors: ['missing alert'] }, { services: ['payments', 'checkout'] }), []),
    catalogRow(incident('c', undefined, { services: [] }), []),
  ];

  it('filters by any selected value of a facet, case-insensitively, and by all facets at once', () => {
    expect(rows.filter((r) => matchesFacets(r, { trigger: ['deploy'] })).map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows.filter((r) => matchesFacets(r, { trigger: ['deploy'], service: ['payments'] })).map((r) => r.id)).toEqual(['b']);
    expect(rows.filter((r) => matchesFacets(r, { trigger: [NOT_SET] })).map((r) => r.id)).toEqual(['c']);
  });

  it('groups a row under each of its values, with "Not set" last', () => {
    const groups = groupByFacet(rows, 'service');
    expect(groups.map((g) => [g.value, g.rows.map((r) => r.id)])).toEqual([
      ['checkout', ['a', 'b']],
      ['payments', ['b']],
      [NOT_SET, ['c']],
    ]);
    expect(facetCounts(rows, 'duration')).toEqual([{ value: '30 min – 2 h', count: 3 }]);
  });
});

describe('catalog export', () => {
  const row = catalogRow(incident('a', { trigger: '=HYPERLINK("x")', failureDomains: ['edge', 'data layer'] }, { title: 'Checkout | 5xx *after* deploy' }), []);

  it('writes CSV a spreadsheet shows as text', () => {
    const csv = catalogCsv([row]);
    expect(csv.split('\r\n')[0]).toBe('ID,Title,Severity,Started (UTC),Services,Failure domains,Trigger,Contributing factors,Detection method,Resolution,Went well,Went poorly,Lucky,Duration (min),Customer impact (min)');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('edge; data layer');
  });

  it('writes a Markdown table whose cells cannot break the table', () => {
    const md = catalogMarkdown([row]);
    const lines = md.split('\n');
    expect(lines[4]).toContain('Checkout \\| 5xx \\*after\\* deploy');
    expect(lines[4]?.split(/(?<!\\)\|/).length).toBe(lines[2]?.split('|').length);
  });
});
