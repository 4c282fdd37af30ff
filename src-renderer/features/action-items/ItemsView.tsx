import { useState } from 'react';
import { PRIORITIES, type ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import { SEVERITIES, SEVERITY_MEANING } from '@core/model/severity';
import type { SlaPolicy } from '@core/action-items/sla-policy';
import { SLA_STATE_LABEL } from '@core/action-items/sla-state';
import { EmptyState } from '@ui/EmptyState';
import { AttentionBanner } from './AttentionBanner';
import { CompliancePanel } from './CompliancePanel';
import { HandoffBar } from './HandoffBar';
import { EMPTY_QUERY, filterRows, groupRows, ownerKey, sortByDue, toRows, type GroupBy, type ItemQuery } from './item-filters';
import { ItemEditor } from './ItemEditor';
import { countFromText } from './policy-summary';
import { ItemTable, KeyboardHint } from './ItemTable';
import { useSnoozes } from './notify-store';
import { SlaPolicyDialog } from './SlaPolicyDialog';
import { useNow } from './use-action-items';
import { usePeopleByName } from '@data/people';
import { useItemActions } from './use-item-actions';

const GROUP_LABEL: Record<GroupBy, string> = {
  none: 'No grouping',
  state: 'SLA state',
  incident: 'Incident',
  owner: 'Owner',
  priority: 'Priority',
  severity: 'Incident severity',
};

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

interface ItemsViewProps {
  items: ActionItem[];
  incidents: ReadonlyMap<string, Incident>;
  policy: SlaPolicy;
  policyProblem: string | null;
  timeZone: string;
  /** Set on an incident's tab; absent on the overview across incidents. */
  incident?: Incident;
  scope: string;
  onCreate?: () => void;
}

/** The list, filters, attention banner, compliance and hand-off shared by the tab and the overview. */
export function ItemsView({ items, incidents, policy, policyProblem, timeZone, incident, scope, onCreate }: ItemsViewProps) {
  const now = useNow();
  const people = usePeopleByName();
  const snoozes = useSnoozes();
  const [query, setQuery] = useState<ItemQuery>(EMPTY_QUERY);
  const [groupBy, setGroupBy] = useState<GroupBy>(incident ? 'none' : 'incident');
  const [editing, setEditing] = useState<ActionItem | null>(null);
  const [policyOpen, setPolicyOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const refocus = (id: string) => setFocusRequest({ id });
  const { actions, dialogs } = useItemActions({ policy, timeZone, incidents, people, onSettled: refocus });

  const rows = toRows(items, incidents, policy, now);
  const visible = sortByDue(filterRows(rows, query, now, timeZone));
  const groups = groupRows(visible, groupBy, { state: { ...SLA_STATE_LABEL }, priority: policy.priorityLabels });
  const owners = [...new Set(items.map(ownerKey))].sort((a, b) => a.localeCompare(b));
  const editIncident = editing ? incidents.get(editing.incidentId) : undefined;
  const filtered = JSON.stringify(query) !== JSON.stringify(EMPTY_QUERY);

  return (
    <div className="ai-view">
      <div className="ai-toolbar">
        {onCreate && (
          <button type="button" className="primary" onClick={onCreate} title="New action item (A)">
            New action item
          </button>
        )}
        <button type="button" onClick={() => setPolicyOpen(true)}>
          SLA policy…
        </button>
        <span className="muted ai-policy-summary">
          {PRIORITIES.map((p) => `${p} ${policy.durations[p].amount}${policy.durations[p].unit === 'business-days' ? 'bd' : 'd'}`).join(' · ')}{' '}
          {countFromText(policy, incident)}
        </span>
      </div>
      {policyProblem && (
        <p className="ai-warning" role="alert">
          The saved SLA policy could not be read, so the Debrief default is used: {policyProblem}
        </p>
      )}

      <AttentionBanner rows={rows} snoozes={snoozes} now={now} timeZone={timeZone} onFocusItem={refocus} />

      {items.length === 0 ? (
        <EmptyState
          title="No action items yet"
          action={
            onCreate && (
              <button type="button" className="primary" onClick={onCreate}>
                New action item
              </button>
            )
          }
        >
          <p>
            {incident
              ? 'Add what the team agreed to do after this incident: each item gets an owner, a priority and a due date from the SLA policy.'
              : 'Action items from every incident are listed here with their SLA state. Open an incident and add items on its Action items tab.'}
          </p>
          {onCreate && (
            <p className="muted">
              Shortcut: press <kbd>A</kbd>.
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="ai-filters">
            <input
              type="search"
              aria-label="Search action items"
              placeholder="Search action items"
              value={query.text}
              onChange={(e) => setQuery({ ...query, text: e.target.value })}
            />
            <div className="chip-group" role="group" aria-label="Show">
              <button type="button" className="chip" aria-pressed={query.overdue} onClick={() => setQuery({ ...query, overdue: !query.overdue })}>
                Overdue
              </button>
              <button type="button" className="chip" aria-pressed={query.dueThisWeek} onClick={() => setQuery({ ...query, dueThisWeek: !query.dueThisWeek })}>
                Due this week
              </button>
              <button type="button" className="chip" aria-pressed={query.openOnly} onClick={() => setQuery({ ...query, openOnly: !query.openOnly })}>
                Open only
              </button>
            </div>
            <div className="chip-group" role="group" aria-label="Filter by priority">
              {PRIORITIES.map((p) => (
                <button key={p} type="button" className="chip" title={policy.priorityLabels[p]} aria-pressed={query.priorities.includes(p)} onClick={() => setQuery({ ...query, priorities: toggle(query.priorities, p) })}>
                  {p}
                </button>
              ))}
            </div>
            {!incident && (
              <div className="chip-group" role="group" aria-label="Filter by incident severity">
                {SEVERITIES.map((s) => (
                  <button key={s} type="button" className="chip" title={SEVERITY_MEANING[s]} aria-pressed={query.severities.includes(s)} onClick={() => setQuery({ ...query, severities: toggle(query.severities, s) })}>
                    {s}
                  </button>
                ))}
              </div>
            )}
            <label className="inline-field">
              <span>Owner</span>
              <select value={query.owner} onChange={(e) => setQuery({ ...query, owner: e.target.value })}>
                <option value="">Everyone</option>
                {owners.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <span>Group by</span>
              <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
                {(Object.keys(GROUP_LABEL) as GroupBy[])
                  .filter((g) => !incident || (g !== 'incident' && g !== 'severity'))
                  .map((g) => (
                    <option key={g} value={g}>
                      {GROUP_LABEL[g]}
                    </option>
                  ))}
              </select>
            </label>
          </div>
          <p className="muted result-count" aria-live="polite">
            {visible.length === items.length ? `${items.length} action item${items.length === 1 ? '' : 's'}` : `${visible.length} of ${items.length} action items`}, sorted by due date
          </p>
          {visible.length === 0 ? (
            <EmptyState title="No action item matches these filters">
              {filtered && (
                <button type="button" className="link-button" onClick={() => setQuery(EMPTY_QUERY)}>
                  Clear search and filters
                </button>
              )}
            </EmptyState>
          ) : (
            <ItemTable
              groups={groups}
              showIncident={!incident}
              policy={policy}
              timeZone={timeZone}
              people={people}
              actions={actions}
              onEdit={setEditing}
              focusRequest={focusRequest}
              label={incident ? `Action items of ${incident.title}` : 'Action items across all incidents'}
            />
          )}
          <KeyboardHint />
        </>
      )}

      <HandoffBar scope={scope} items={items} incidentTitle={(id) => incidents.get(id)?.title ?? 'Unknown incident'} people={people} policy={policy} timeZone={timeZone} />
      {items.length > 0 && <CompliancePanel items={items} now={now} timeZone={timeZone} />}

      {editing && editIncident && (
        <ItemEditor
          incident={editIncident}
          item={editing}
          policy={policy}
          timeZone={timeZone}
          people={people}
          onClose={() => {
            const id = editing.id;
            setEditing(null);
            refocus(id);
          }}
        />
      )}
      {policyOpen && <SlaPolicyDialog policy={policy} timeZone={timeZone} onClose={() => setPolicyOpen(false)} />}
      {dialogs}
    </div>
  );
}
