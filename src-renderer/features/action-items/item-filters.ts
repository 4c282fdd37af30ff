import { TZDate } from '@date-fns/tz';
import { endOfWeek } from 'date-fns';
import type { ActionItem, Priority } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import type { Severity } from '@core/model/severity';
import { isClosed, slaState, type SlaState } from '@core/action-items/sla-state';
import { windowStart } from '@core/action-items/due-date';
import type { SlaPolicy } from '@core/action-items/sla-policy';

/** An item with what the lists show next to it; the SLA state is derived, never stored. */
export interface ItemRow {
  item: ActionItem;
  incident: Pick<Incident, 'id' | 'title' | 'severity'> | null;
  state: SlaState;
}

type RowIncident = Pick<Incident, 'id' | 'title' | 'severity' | 'reviewAt' | 'resolvedAt'>;

/** Rows with their SLA state at `now`; the window counts from the start kept with the due date. */
export function toRows(
  items: readonly ActionItem[],
  incidents: ReadonlyMap<string, RowIncident>,
  policy: Pick<SlaPolicy, 'countFrom'>,
  now: number,
): ItemRow[] {
  return items.map((item) => {
    const incident = incidents.get(item.incidentId) ?? null;
    const startAt = windowStart(item, incident, policy);
    return { item, incident, state: slaState(item, { now, startAt }) };
  });
}

export type GroupBy = 'none' | 'incident' | 'owner' | 'priority' | 'state' | 'severity';

export interface ItemQuery {
  text: string;
  /** Only items past their due date and not closed. */
  overdue: boolean;
  /** Only open items due before the end of the viewer's current week. */
  dueThisWeek: boolean;
  /** Hide done and won't-do items. */
  openOnly: boolean;
  priorities: Priority[];
  severities: Severity[];
  /** Owner names (lower-cased); empty means everyone. */
  owner: string;
}

export const EMPTY_QUERY: ItemQuery = { text: '', overdue: false, dueThisWeek: false, openOnly: false, priorities: [], severities: [], owner: '' };

export const NO_OWNER = 'Unassigned';

export function ownerKey(item: Pick<ActionItem, 'ownerName'>): string {
  return item.ownerName.trim() === '' ? NO_OWNER : item.ownerName.trim();
}

/** Last millisecond of the local week (Monday to Sunday) holding `now`. */
export function endOfLocalWeek(now: number, timeZone: string): number {
  return endOfWeek(new TZDate(now, timeZone), { weekStartsOn: 1 }).getTime();
}

export function filterRows(rows: readonly ItemRow[], query: ItemQuery, now: number, timeZone: string): ItemRow[] {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const weekEnd = endOfLocalWeek(now, timeZone);
  return rows.filter(({ item, incident, state }) => {
    if (query.openOnly && isClosed(item.status)) return false;
    if (query.overdue && state !== 'overdue') return false;
    if (query.dueThisWeek && (isClosed(item.status) || item.dueAt === null || item.dueAt > weekEnd)) return false;
    if (query.priorities.length && !query.priorities.includes(item.priority)) return false;
    if (query.severities.length && (!incident || !query.severities.includes(incident.severity))) return false;
    if (query.owner && ownerKey(item).toLowerCase() !== query.owner.toLowerCase()) return false;
    if (!words.length) return true;
    const haystack = [item.title, item.description, item.ownerName, incident?.title ?? ''].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Earliest due first; items without a due date last; ties by priority then title. */
export function sortByDue(rows: readonly ItemRow[]): ItemRow[] {
  const due = (r: ItemRow) => r.item.dueAt ?? Number.POSITIVE_INFINITY;
  return [...rows].sort(
    (a, b) => due(a) - due(b) || a.item.priority.localeCompare(b.item.priority) || a.item.title.localeCompare(b.item.title),
  );
}

export interface RowGroup {
  key: string;
  label: string;
  rows: ItemRow[];
}

const STATE_ORDER: readonly SlaState[] = ['overdue', 'due-soon', 'on-track', 'no-due-date', 'missed', 'met'];

/** Groups in a meaningful order (worst state first, P1 first, SEV1 first); rows keep their order. */
export function groupRows(rows: readonly ItemRow[], by: GroupBy, labels: { state: Record<SlaState, string>; priority: Record<Priority, string> }): RowGroup[] {
  if (by === 'none') return [{ key: 'all', label: 'All items', rows: [...rows] }];
  const keyOf = (r: ItemRow): [string, string, string] => {
    switch (by) {
      case 'incident':
        return [r.incident ? `0${r.incident.title.toLowerCase()}` : '1', r.item.incidentId, r.incident?.title ?? 'Unknown incident'];
      case 'owner': {
        const owner = ownerKey(r.item);
        return [owner === NO_OWNER ? '1' : `0${owner.toLowerCase()}`, owner.toLowerCase(), owner];
      }
      case 'priority':
        return [r.item.priority, r.item.priority, `${r.item.priority} · ${labels.priority[r.item.priority]}`];
      case 'state':
        return [String(STATE_ORDER.indexOf(r.state)), r.state, labels.state[r.state]];
      case 'severity':
        return [r.incident ? `0${r.incident.severity}` : '1', r.incident?.severity ?? 'none', r.incident?.severity ?? 'Unknown severity'];
    }
  };
  // Order keys start with 0 for named groups and 1 for the catch-all, which sorts it last.
  const groups = new Map<string, RowGroup & { order: string }>();
  for (const row of rows) {
    const [order, key, label] = keyOf(row);
    const group = groups.get(key) ?? { key, label, order, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.order.localeCompare(b.order)).map(({ key, label, rows: r }) => ({ key, label, rows: r }));
}
