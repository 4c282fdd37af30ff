import { useRef, useState } from 'react';
import type { Incident } from '@core/model/incident';
import { useShortcut } from '@ui/use-shortcut';
import { ItemEditor } from './ItemEditor';
import { ItemsView } from './ItemsView';
import { rowSelector } from './ItemTable';
import { useSlaPolicy, useIncidentActionItems } from '@data/action-items';
import { viewerTimeZone } from '@core/time/zones';
import { usePeopleByName } from '@data/people';
import './action-items.css';

/** The Action items tab of an incident. */
export function ActionItemsTab({ incident }: { incident: Incident }) {
  const items = useIncidentActionItems(incident.id);
  const stored = useSlaPolicy();
  const people = usePeopleByName();
  const [creating, setCreating] = useState(false);
  const created = useRef<string | null>(null);
  const timeZone = viewerTimeZone();
  const create = () => {
    created.current = null;
    setCreating(true);
  };
  useShortcut('actions.new', create, { enabled: !creating });

  if (items === undefined || stored === undefined) return <p className="loading">Loading action items…</p>;
  return (
    <section className="ai-tab" aria-label="Action items">
      <ItemsView
        items={items}
        incidents={new Map([[incident.id, incident]])}
        policy={stored.policy}
        policyProblem={stored.problem}
        timeZone={timeZone}
        incident={incident}
        scope={incident.title}
        onCreate={create}
      />
      {creating && (
        <ItemEditor
          incident={incident}
          policy={stored.policy}
          timeZone={timeZone}
          people={people}
          onClose={() => setCreating(false)}
          onSaved={(item) => (created.current = item.id)}
          // The new row, once the live query shows it; Cancel goes back to what opened the editor.
          returnFocus={() => (created.current ? rowSelector(created.current) : null)}
        />
      )}
    </section>
  );
}
