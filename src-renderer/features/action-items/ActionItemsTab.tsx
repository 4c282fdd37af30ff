import type { Incident } from '@core/model/incident';
import { EmptyState } from '@ui/EmptyState';

export function ActionItemsTab(_props: { incident: Incident }) {
  return (
    <EmptyState title="No action items yet">
      <p>Tracking action items against priority SLAs is not available in this version yet.</p>
    </EmptyState>
  );
}

/** Action items across all incidents (the "Action items" page in the main navigation). */
export function ActionItemsOverview() {
  return (
    <EmptyState title="No action items yet">
      <p>Action items from every incident will be listed here with their SLA state.</p>
    </EmptyState>
  );
}
