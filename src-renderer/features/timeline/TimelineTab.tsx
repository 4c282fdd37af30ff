import type { Incident } from '@core/model/incident';
import { EmptyState } from '@ui/EmptyState';

export function TimelineTab({ incident }: { incident: Incident }) {
  return (
    <EmptyState title="The timeline is empty">
      <p>
        The Timeline will merge the chat, paging, status-page and alert history of “{incident.title}” into one record of what happened. Importing sources is not available in
        this version yet.
      </p>
    </EmptyState>
  );
}
