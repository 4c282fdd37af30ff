import { useState } from 'react';
import type { Incident } from '@core/model/incident';
import { useShortcut } from '@ui/use-shortcut';
import { ActionItemNotifier } from './ActionItemNotifier';
import { ItemEditor } from './ItemEditor';
import { ItemsView } from './ItemsView';
import { useSlaPolicy, viewerTimeZone } from './sla-settings';
import { useIncidentActionItems, usePeople } from './use-action-items';
import './action-items.css';

/** The Action items tab of an incident. */
export function ActionItemsTab({ incident }: { incident: Incident }) {
  const items = useIncidentActionItems(incident.id);
  const stored = useSlaPolicy();
  const people = usePeople();
  const [creating, setCreating] = useState(false);
  const timeZone = viewerTimeZone();
  useShortcut('actions.new', () => setCreating(true), { enabled: !creating });

  if (items === undefined || stored === undefined) return <p className="loading">Loading action items…</p>;
  return (
    <section className="ai-tab" aria-label="Action items">
      <ActionItemNotifier />
      <ItemsView
        items={items}
        incidents={new Map([[incident.id, incident]])}
        policy={stored.policy}
        policyProblem={stored.problem}
        timeZone={timeZone}
        incident={incident}
        scope={incident.title}
        onCreate={() => setCreating(true)}
      />
      {creating && <ItemEditor incident={incident} policy={stored.policy} timeZone={timeZone} people={people} onClose={() => setCreating(false)} />}
    </section>
  );
}
