import type { ReactNode } from 'react';
import type { Incident } from '@core/model/incident';
import { TimelineTab } from '@features/timeline';
import { EventAnnotations, ReviewTab } from '@features/review';
import { PostmortemTab } from '@features/postmortem';
import { ActionItemsTab } from '@features/action-items';
import { CatalogEditor } from '@features/insights';
import type { WorkspaceTab } from '@ui/route';
import type { TimelineFocus } from '@features/timeline';

export const TAB_LABELS: Record<WorkspaceTab, string> = {
  timeline: 'Timeline',
  review: 'Review',
  postmortem: 'Postmortem',
  actions: 'Action items',
};

/** The review's annotations beside each timeline event; module-level so the rows keep one function. */
const annotationsBeside = (event: { id: string; incidentId: string }): ReactNode => <EventAnnotations incidentId={event.incidentId} eventId={event.id} />;

/** What the route asks of the tabs (see IncidentRoute), and how a tab reports back. */
export interface TabRequests {
  focusEvent: TimelineFocus | undefined;
  onSelectEvent: (eventId: string | null) => void;
  exportPostmortem: boolean;
  onExportTaken: () => void;
  /** A comment thread to open on the Postmortem (a new object per request). */
  focusThread: { threadId: string } | undefined;
}

/** Each tab belongs to one feature; the app only composes them. */
export function renderWorkspaceTab(tab: WorkspaceTab, incident: Incident, requests: TabRequests): ReactNode {
  switch (tab) {
    case 'timeline':
      return <TimelineTab incident={incident} eventAside={annotationsBeside} focus={requests.focusEvent} onSelect={requests.onSelectEvent} />;
    case 'review':
      return (
        <>
          <ReviewTab incident={incident} />
          <CatalogEditor key={incident.id} incident={incident} />
        </>
      );
    case 'postmortem':
      return <PostmortemTab incident={incident} exportRequested={requests.exportPostmortem} onExportTaken={requests.onExportTaken} focusThread={requests.focusThread} />;
    case 'actions':
      return <ActionItemsTab incident={incident} />;
  }
}
