import type { CatalogRow } from './catalog-row';

/** Every catalog field the library can filter and group by. */
export const CATALOG_FACETS = ['service', 'failureDomain', 'trigger', 'factor', 'detection', 'resolution', 'lesson', 'duration', 'impact'] as const;
export type CatalogFacet = (typeof CATALOG_FACETS)[number];

export const FACET_LABEL: Record<CatalogFacet, string> = {
  service: 'Service',
  failureDomain: 'Failure domain',
  trigger: 'Trigger',
  factor: 'Contributing factor',
  detection: 'Detection method',
  resolution: 'Resolution',
  lesson: 'Lessons',
  duration: 'Duration',
  impact: 'Customer impact',
};

/** What a row has no value for is grouped and filtered under this name. */
export const NOT_SET = 'Not set';

const BUCKETS: { label: string; below: number }[] = [
  { label: 'under 30 min', below: 30 },
  { label: '30 min – 2 h', below: 120 },
  { label: '2 h – 8 h', below: 480 },
  { label: '8 h or more', below: Infinity },
];
export const MINUTE_BUCKETS = BUCKETS.map((b) => b.label);

export function minuteBucket(value: number | null): string {
  if (value === null) return NOT_SET;
  return BUCKETS.find((b) => value < b.below)?.label ?? NOT_SET;
}

const LESSON_KINDS: [keyof CatalogRow['catalog']['lessons'], string][] = [
  ['wentWell', 'went well'],
  ['wentPoorly', 'went poorly'],
  ['lucky', 'where we got lucky'],
];

/** The values a row has for a facet; an empty field gives [NOT_SET] so it can be found too. */
export function facetValues(row: CatalogRow, facet: CatalogFacet): string[] {
  const c = row.catalog;
  const list = (values: string[]) => (values.length ? values : [NOT_SET]);
  const one = (value: string) => (value ? [value] : [NOT_SET]);
  switch (facet) {
    case 'service':
      return list(row.services);
    case 'failureDomain':
      return list(c.failureDomains);
    case 'trigger':
      return one(c.trigger);
    case 'factor':
      return list(c.contributingFactors);
    case 'detection':
      return one(c.detectionMethod);
    case 'resolution':
      return one(c.resolution);
    case 'lesson':
      return list(LESSON_KINDS.filter(([key]) => c.lessons[key].length > 0).map(([, label]) => label));
    case 'duration':
      return [minuteBucket(row.durationMinutes)];
    case 'impact':
      return [minuteBucket(row.customerImpactMinutes)];
  }
}

export type FacetSelection = Partial<Record<CatalogFacet, string[]>>;

/** A row matches when, for every facet with a selection, it has one of the selected values. */
export function matchesFacets(row: CatalogRow, selection: FacetSelection): boolean {
  for (const facet of CATALOG_FACETS) {
    const wanted = selection[facet];
    if (!wanted?.length) continue;
    const values = facetValues(row, facet).map((v) => v.toLowerCase());
    if (!wanted.some((w) => values.includes(w.toLowerCase()))) return false;
  }
  return true;
}

/** The values present for a facet with how many rows have each, most frequent first. */
export function facetCounts(rows: readonly CatalogRow[], facet: CatalogFacet): { value: string; count: number }[] {
  const counts = new Map<string, { value: string; count: number }>();
  for (const row of rows) {
    for (const value of new Set(facetValues(row, facet))) {
      const key = value.toLowerCase();
      const entry = counts.get(key) ?? { value, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  const ordered = facet === 'duration' || facet === 'impact' ? [...MINUTE_BUCKETS, NOT_SET] : null;
  return [...counts.values()].sort((a, b) =>
    ordered ? ordered.indexOf(a.value) - ordered.indexOf(b.value) : (a.value === NOT_SET ? 1 : 0) - (b.value === NOT_SET ? 1 : 0) || b.count - a.count || a.value.localeCompare(b.value),
  );
}

/**
 * Rows grouped by a facet's values, in facetCounts order. A row with several values (two
 * services) is listed under each; the order of rows inside a group is kept.
 */
export function groupByFacet<T extends CatalogRow>(rows: readonly T[], facet: CatalogFacet): { value: string; rows: T[] }[] {
  const groups = new Map<string, { value: string; rows: T[] }>();
  for (const value of facetCounts(rows, facet)) groups.set(value.value.toLowerCase(), { value: value.value, rows: [] });
  for (const row of rows) {
    for (const value of new Set(facetValues(row, facet).map((v) => v.toLowerCase()))) groups.get(value)?.rows.push(row);
  }
  return [...groups.values()];
}
