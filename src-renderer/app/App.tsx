import { useEffect, useState } from 'react';
import { platform } from '@platform/index';
import { emitAppCommand, useAppCommand } from '@ui/command-bus';
import { OpenExternalContext } from '@ui/external-link-context';
import { ToastProvider } from '@ui/ToastProvider';
import { useShortcut } from '@ui/use-shortcut';
import { ShortcutSheets } from '@ui/shortcuts/ShortcutSheets';
import { MAIN_CONTENT_ID } from '@ui/focus-return';
import { useDocumentTitle } from '@ui/use-document-title';
import '@ui/a11y.css';
import { IncidentFormDialog, IncidentLibrary } from '@features/library';
import { ActionItemNotifier, ActionItemsOverview } from '@features/action-items';
import { PeopleScreen } from '@features/people';
import { BackupDialog } from '@features/backup';
import { ImportBundleDialog, isBundleFile } from '@features/bundles';
import { InsightsPage } from '@features/insights';
import { JoinIncidentDialog, SyncStatusChip, TeamSyncDialog, useSyncStatus, useTeamSyncService } from '@features/team-sync';
import { MentionsInbox, postmortemCompanion } from '@features/postmortem';
import { annotationCompanion } from '@features/review';
import { useAbandonedImportCleanup } from '@data/events';
import { db } from '@data/connection';
import { teamSync } from '@data/sync';
import { IncidentWorkspace } from './IncidentWorkspace';
import { navigate, useRoute } from '@ui/route';

// Shared incidents keep their co-edited postmortem's and annotations' stored text current (before team sync starts).
for (const companion of [postmortemCompanion, annotationCompanion]) teamSync.addCompanion(companion);

/** Links from imports open through the platform: the desktop hands them to the main process. */
const openExternal = (href: string) => platform.openExternal(href);

const PAGE_TITLES = { library: 'Incidents', 'action-items': 'Action items', people: 'People', insights: 'Insights' } as const;

export function App() {
  const route = useRoute();
  const [creating, setCreating] = useState(false);
  const [backingUp, setBackingUp] = useState(false);
  // Import bundle: open with no file (the dialog asks for one) or with a .debrief dropped on the library.
  const [importingBundle, setImportingBundle] = useState<{ file?: File } | null>(null);
  const [teamSyncOpen, setTeamSyncOpen] = useState(false);
  const [joining, setJoining] = useState(false);
  const syncStatus = useSyncStatus();
  // Inside an incident, IncidentWorkspace names the incident and the tab.
  useDocumentTitle(route.name === 'incident' ? null : [PAGE_TITLES[route.name]]);

  useEffect(() => platform.onMenuCommand((command) => emitAppCommand(command)), []);
  // Imports a crash interrupted are discarded in the background, once the library is on screen.
  useAbandonedImportCleanup(db);
  // Team sync connects only when it is set up and an incident is shared.
  useTeamSyncService();
  useAppCommand('new-incident', () => setCreating(true));
  // "C" in the app; Ctrl/Cmd+N belongs to the browser in web mode, so the desktop menu owns it.
  useShortcut('app.new-incident', () => setCreating(true), { enabled: !creating });
  useShortcut('app.go-library', () => navigate({ name: 'library' }));
  useShortcut('app.go-action-items', () => navigate({ name: 'action-items' }));
  useShortcut('app.go-people', () => navigate({ name: 'people' }));
  useShortcut('app.backup', () => setBackingUp(true));
  // File > Export… on the library backs up the library; inside an incident, IncidentWorkspace handles it.
  useAppCommand('export', () => setBackingUp(true), route.name === 'library');
  // The desktop menu owns Ctrl/Cmd+E; in a browser that opens the search bar, so web mode adds Shift.
  useShortcut('app.export', () => emitAppCommand('export'), { enabled: platform.kind === 'browser' });

  return (
    <OpenExternalContext value={openExternal}>
      <ToastProvider>
        {/* Due-soon and overdue notifications: checked at start and periodically, whatever screen is open. */}
        <ActionItemNotifier />
        <div className="app">
          <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={(event) => {
              // The hash is the app's router: move focus without navigating.
              event.preventDefault();
              document.getElementById(MAIN_CONTENT_ID)?.focus();
            }}>
            Skip to content
          </a>
          <header className="app-bar">
            <a className="brand" href="#/" title="Incident library">
              <span className="brand-mark" aria-hidden="true">
                D
              </span>
              Debrief
            </a>
            <nav aria-label="Main">
              <a href="#/" aria-current={route.name === 'library' ? 'page' : undefined}>
                Incidents
              </a>
              <a href="#/action-items" aria-current={route.name === 'action-items' ? 'page' : undefined}>
                Action items
              </a>
              <a href="#/people" aria-current={route.name === 'people' ? 'page' : undefined}>
                People
              </a>
              <a href="#/insights" aria-current={route.name === 'insights' ? 'page' : undefined}>
                Insights
              </a>
            </nav>
            <div className="app-bar-actions">
              <MentionsInbox />
              <button type="button" className="team-sync-button" onClick={() => setTeamSyncOpen(true)} title="Team sync settings">
                {syncStatus.state === 'off' ? 'Team sync' : <SyncStatusChip status={syncStatus} label="Team sync" />}
              </button>
              <button type="button" onClick={() => setJoining(true)}>
                Join incident…
              </button>
              <button type="button" className="primary" onClick={() => setCreating(true)} title="New incident (C)" aria-keyshortcuts="C">
                New incident
              </button>
            </div>
          </header>
          <main className="app-main" id={MAIN_CONTENT_ID} tabIndex={-1}>
            {route.name === 'library' && (
              <IncidentLibrary onOpen={(incident) => navigate({ name: 'incident', incidentId: incident.id, tab: 'timeline' })} onCreate={() => setCreating(true)} onBackup={() => setBackingUp(true)} onImportBundle={(file) => setImportingBundle({ file })} isBundleFile={isBundleFile} />
            )}
            {route.name === 'action-items' && <ActionItemsOverview />}
            {route.name === 'people' && <PeopleScreen />}
            {route.name === 'insights' && <InsightsPage />}
            {route.name === 'incident' && <IncidentWorkspace key={route.incidentId} route={route} />}
          </main>
          <ShortcutSheets />
          {backingUp && <BackupDialog onClose={() => setBackingUp(false)} />}
          {importingBundle && (
            <ImportBundleDialog
              file={importingBundle.file}
              onClose={() => setImportingBundle(null)}
              onImported={(incidentId) => navigate({ name: 'incident', incidentId, tab: 'timeline' })}
            />
          )}
          {teamSyncOpen && <TeamSyncDialog onClose={() => setTeamSyncOpen(false)} />}
          {joining && (
            <JoinIncidentDialog onClose={() => setJoining(false)} onJoined={(incidentId) => navigate({ name: 'incident', incidentId, tab: 'timeline' })} />
          )}
          {creating && (
            <IncidentFormDialog
              open
              onClose={() => setCreating(false)}
              onSaved={(incident) => navigate({ name: 'incident', incidentId: incident.id, tab: 'timeline' })}
            />
          )}
        </div>
      </ToastProvider>
    </OpenExternalContext>
  );
}
