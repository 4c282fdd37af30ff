import type { ReactNode } from 'react';
import type { Incident } from '@core/model/incident';
import { EmptyState } from '@ui/EmptyState';
import type { WorkspaceTab } from './route';

export const TAB_LABELS: Record<WorkspaceTab, string> = {
  timeline: 'Timeline',
  review: 'Review',
  postmortem: 'Postmortem',
  actions: 'Action items',
};

/** What each tab shows for an incident. */
export function renderWorkspaceTab(tab: WorkspaceTab, incident: Incident): ReactNode {
  switch (tab) {
    case 'timeline':
      return (
        <EmptyState title="The timeline is empty">
          <p>
            The Timeline will merge the chat, paging, status-page and alert history of “{incident.title}” into one record of what happened. Importing sources is not available in this
            version yet.
          </p>
        </EmptyState>
      );
    case 'review':
      return (
        <EmptyState title="No review yet">
          <p>Annotations and the review meeting view will live here, once the timeline can be built.</p>
        </EmptyState>
      );
    case 'postmortem':
      return (
        <EmptyState title="No postmortem yet">
          <p>Generating a blameless postmortem from templates is not available in this version yet.</p>
        </EmptyState>
      );
    case 'actions':
      return (
        <EmptyState title="No action items yet">
          <p>Tracking action items against priority SLAs is not available in this version yet.</p>
        </EmptyState>
      );
  }
}
