import type { Incident } from '@core/model/incident';
import { EmptyState } from '@ui/EmptyState';

export function PostmortemTab(_props: { incident: Incident }) {
  return (
    <EmptyState title="No postmortem yet">
      <p>Generating a blameless postmortem from templates is not available in this version yet.</p>
    </EmptyState>
  );
}
