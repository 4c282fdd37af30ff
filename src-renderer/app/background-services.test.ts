import { describe, expect, it } from 'vitest';
import { rendererSources } from './test-renderer-sources';

/**
 * Background services run once per window: each is started in one place, the app shell
 * (app/App.tsx), never by a screen that mounts and unmounts (a second notifier checked again
 * on every visit to a screen; a second sync start would open a second connection).
 */
const SERVICES = ['<ActionItemNotifier', 'useAbandonedImportCleanup(', 'useTeamSyncService(', 'teamSync.addCompanion(', '<MentionsInbox'];

describe('background services', () => {
  const files = rendererSources();

  it.each(SERVICES)('%s is started once, in the app shell', (service) => {
    // Uses only: a hook's own definition (`function useX(`) is not a start.
    const uses = files.flatMap(({ path, text }) => text.replaceAll(`function ${service}`, '').split(service).slice(1).map(() => path));
    expect(uses).toEqual(['app/App.tsx']);
  });
});
