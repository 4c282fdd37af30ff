import { useCallback, useMemo, useState } from 'react';
import { INCIDENT_STATUS_LABEL } from '@core/model/incident';
import { formatWithZoneName } from '@core/time/format-in-zone';
import { EmptyState } from '@ui/EmptyState';
import { SeverityBadge } from '@ui/SeverityBadge';
import { Tabs, type TabDef } from '@ui/Tabs';
import { useAppCommand } from '@ui/command-bus';
import { useShortcut } from '@ui/use-shortcut';
import { useDocumentTitle } from '@ui/use-document-title';
import { SHORTCUTS, type ShortcutId } from '@ui/shortcuts/catalog';
import { IncidentFormDialog, useDeleteIncident } from '@features/library';
import { useIncident } from '@data/incidents';
import { IncidentImport } from '@features/import';
import { ShareIncidentControls } from '@features/team-sync';
import { ExportBundleDialog } from '@features/bundles';
import { useDueDatesFollowIncident } from '@features/action-items';
import { navigate, recordRoute, replaceRoute, timelineEventRoute, WORKSPACE_TABS, type IncidentRoute, type WorkspaceTab } from '@ui/route';
import { renderWorkspaceTab, TAB_LABELS, type TabRequests } from './workspace-tabs';

const TAB_SHORTCUTS = {
  timeline: 'incident.tab-timeline',
  review: 'incident.tab-review',
  postmortem: 'incident.tab-postmortem',
  actions: 'incident.tab-actions',
} as const satisfies Record<WorkspaceTab, ShortcutId>;

const TABS: TabDef<WorkspaceTab>[] = WORKSPACE_TABS.map((id) => ({ id, label: TAB_LABELS[id], shortcut: SHORTCUTS[TAB_SHORTCUTS[id]].keys[0] }));

export function IncidentWorkspace({ route }: { route: IncidentRoute }) {
  const { incidentId, tab } = route;
  const incident = useIncident(incidentId);
  const deleteIncident = useDeleteIncident();
  const [editing, setEditing] = useState(false);
  // Editing the review or resolution date moves the due dates that count from it (previewed first).
  const dueDatesFollow = useDueDatesFollowIncident();
  const [exportingBundle, setExportingBundle] = useState(false);
  useDocumentTitle(incident ? [incident.deletedAt ? 'Incident not found' : incident.title, incident.deletedAt ? null : TAB_LABELS[tab]] : incident === null ? ['Incident not found'] : null);
  const go = (next: WorkspaceTab) => navigate({ name: 'incident', incidentId, tab: next });

  useShortcut(TAB_SHORTCUTS.timeline, () => go('timeline'));
  useShortcut(TAB_SHORTCUTS.review, () => go('review'));
  useShortcut(TAB_SHORTCUTS.postmortem, () => go('postmortem'));
  useShortcut(TAB_SHORTCUTS.actions, () => go('actions'));
  useShortcut('incident.edit', () => setEditing(true), { enabled: !!incident && !editing });
  // File > Export… inside an incident exports its postmortem: the request rides in the route, so
  // the Postmortem tab takes it whenever it mounts. Already there, no second history entry.
  useAppCommand('export', () => {
    const exporting: IncidentRoute = { name: 'incident', incidentId, tab: 'postmortem', exportPostmortem: true };
    if (tab === 'postmortem') replaceRoute(exporting);
    else navigate(exporting);
  });
  // One request object per change of the address (useRoute gives a new route each time): a tab
  // acts on a request when it changes, so Back/Forward to the same event select it again.
  // The Timeline's selection is kept in the address (without a new history entry or a render),
  // so a reload comes back to the same event; a taken export request is cleared so Back does not
  // open the dialog again.
  const onSelectEvent = useCallback(
    (eventId: string | null) => recordRoute(eventId === null ? { name: 'incident', incidentId, tab: 'timeline' } : timelineEventRoute(incidentId, eventId)),
    [incidentId],
  );
  const onExportTaken = useCallback(() => replaceRoute({ name: 'incident', incidentId, tab: 'postmortem' }), [incidentId]);
  const requests = useMemo<TabRequests>(
    () => ({
      focusEvent: route.event === undefined ? undefined : { eventId: route.event },
      onSelectEvent,
      exportPostmortem: route.exportPostmortem === true,
      onExportTaken,
      focusThread: route.thread === undefined ? undefined : { threadId: route.thread },
    }),
    [route, onSelectEvent, onExportTaken],
  );

  if (incident === undefined) return <p className="loading">Loading…</p>;
  if (incident === null || incident.deletedAt) {
    return (
      <EmptyState
        title="This incident is not in your library"
        action={
          <button type="button" className="primary" onClick={() => navigate({ name: 'library' })}>
            Back to the library
          </button>
        }
      >
        <p>It may have been deleted. Deleted incidents can be restored from the Undo notice for a few seconds.</p>
      </EmptyState>
    );
  }

  const zone = incident.timeZone;
  const when = (label: string, t: number | null) =>
    t !== null && (
      <span>
        {label} <time dateTime={new Date(t).toISOString()}>{formatWithZoneName(t, zone)}</time>
      </span>
    );

  return (
    <section className="workspace" aria-labelledby="incident-title">
      <header className="workspace-header">
        <div className="workspace-heading">
          <SeverityBadge severity={incident.severity} />
          <h1 id="incident-title">{incident.title}</h1>
          <span className={`status status-${incident.status}`}>{INCIDENT_STATUS_LABEL[incident.status]}</span>
        </div>
        <div className="workspace-facts muted">
          {when('Started', incident.startedAt)}
          {when('Detected', incident.detectedAt)}
          {when('Resolved', incident.resolvedAt)}
          {incident.commander && <span>Incident Commander {incident.commander}</span>}
          {incident.services.length > 0 && <span>Services {incident.services.join(', ')}</span>}
          <span>Times in {zone}</span>
        </div>
        <div className="workspace-actions">
          <ShareIncidentControls incidentId={incident.id} title={incident.title} />
          <IncidentImport incident={incident} />
          <button type="button" onClick={() => setEditing(true)} title="Edit (E)">
            Edit
          </button>
          <button type="button" onClick={() => setExportingBundle(true)} title="Save this incident as a .debrief file another Debrief can import">
            Export bundle…
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              void deleteIncident(incident);
              navigate({ name: 'library' });
            }}
          >
            Delete
          </button>
        </div>
      </header>
      <Tabs tabs={TABS} active={tab} onChange={go} label="Incident workspace">
        {renderWorkspaceTab(tab, incident, requests)}
      </Tabs>
      {editing && <IncidentFormDialog open incident={incident} onClose={() => setEditing(false)} reviewEdit={dueDatesFollow} />}
      {exportingBundle && <ExportBundleDialog incidentId={incident.id} title={incident.title} onClose={() => setExportingBundle(false)} />}
    </section>
  );
}
