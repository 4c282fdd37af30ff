import type { Incident, IncidentStatus } from '@core/model/incident';
import type { Severity } from '@core/model/severity';

export type SortOrder = 'newest' | 'oldest' | 'severity' | 'updated';

export interface LibraryQuery {
  text: string;
  severities: Severity[];
  statuses: IncidentStatus[];
  sort: SortOrder;
}

const startOf = (i: Incident) => i.startedAt ?? i.createdAt;

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function filterIncidents(incidents: Incident[], query: LibraryQuery): Incident[] {
  const words = normalise(query.text).split(/\s+/).filter(Boolean);
  const list = incidents.filter((incident) => {
    if (incident.deletedAt) return false;
    if (query.severities.length && !query.severities.includes(incident.severity)) return false;
    if (query.statuses.length && !query.statuses.includes(incident.status)) return false;
    if (!words.length) return true;
    const haystack = normalise(
      [incident.title, incident.summary, incident.commander, ...incident.services, ...incident.roles.map((r) => r.name)].join(' '),
    );
    return words.every((w) => haystack.includes(w));
  });
  const sorters: Record<SortOrder, (a: Incident, b: Incident) => number> = {
    newest: (a, b) => startOf(b) - startOf(a),
    oldest: (a, b) => startOf(a) - startOf(b),
    severity: (a, b) => a.severity.localeCompare(b.severity) || startOf(b) - startOf(a),
    updated: (a, b) => b.updatedAt - a.updatedAt,
  };
  return list.sort(sorters[query.sort]);
}
