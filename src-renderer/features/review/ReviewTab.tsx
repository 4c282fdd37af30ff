import type { Incident } from '@core/model/incident';
import { EmptyState } from '@ui/EmptyState';

export function ReviewTab(_props: { incident: Incident }) {
  return (
    <EmptyState title="No review yet">
      <p>Annotations and the review meeting view will live here, once the timeline can be built.</p>
    </EmptyState>
  );
}
