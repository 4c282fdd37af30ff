import type { ReactNode } from 'react';
import type { Incident } from '@core/model/incident';
import { TimelineTab } from '@features/timeline';
import { EventAnnotations, ReviewTab } from '@features/review';
import { PostmortemTab } from '@features/postmortem';
import { ActionItemsTab } from '@features/action-items';
import { CatalogEditor } from '@features/insights';
import type { WorkspaceTab } from './route';

export const TAB_LABELS: Record<WorkspaceTab, string> = {
  timeline: 'Timeline',
  review: 'Review',
  postmortem: 'Postmortem',
  actions: 'Action items',
};

/** The review's annotations beside each timeline event; module-level so the rows keep one function. */
const annotationsBeside = (event: { id: string; incidentId: string }): ReactNode => <EventAnnotations incidentId={event.incidentId} eventId={event.id} />;

/** Each tab belongs to one feature; the app only composes them. */
export function renderWorkspaceTab(tab: WorkspaceTab, incident: Incident): ReactNode {
  switch (tab) {
    case 'timeline':
      return <TimelineTab incident={incident} eventAside={annotationsBeside} />;
    case 'review':
      return (
        <>
          <ReviewTab incident={incident} />
          <CatalogEditor key={incident.id} incident={incident} />
        </>
      );
    case 'postmortem':
      return <PostmortemTab incident={incident} />;
    case 'actions':
      return <ActionItemsTab incident={incident} />;
  }
}
