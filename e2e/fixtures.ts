import { test as base, expect } from '@playwright/test';
import { Team } from './pages/team';
import { TEAM } from './pages/teammate';
import { startE2eSyncServer, type E2eSyncServer } from './team-sync-server';

export interface NetworkLog {
  /** Every request the page made to a host other than the local server. */
  external: string[];
}

/**
 * Each test gets a fresh browser context (empty IndexedDB), a log of outside requests and, for
 * team tests, a `team` whose profiles are closed when the test ends, pass or fail. The sync server
 * behind it is started once per worker (the first team test starts it) with editor tokens for ana,
 * ben and cho of the team acme; each test shares its own incident on it.
 */
export const test = base.extend<{ network: NetworkLog; team: Team }, { syncServer: E2eSyncServer }>({
  network: async ({ page }, use) => {
    const log: NetworkLog = { external: [] };
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (!local && !['data:', 'blob:'].includes(url.protocol)) log.external.push(request.url());
    });
    await use(log);
  },
  syncServer: [
    // Playwright reads a fixture's dependencies from its destructured first argument: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startE2eSyncServer({ ana: { team: TEAM, role: 'editor' }, ben: { team: TEAM, role: 'editor' }, cho: { team: TEAM, role: 'editor' } });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  team: async ({ browser, syncServer }, use) => {
    const team = new Team(browser, syncServer);
    await use(team);
    await team.close();
  },
});

export { expect };
