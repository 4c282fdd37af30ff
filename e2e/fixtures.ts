import { test as base, expect, type BrowserContext } from '@playwright/test';
import { openTeammate, type Teammate } from './pages/teammate';
import type { E2eSyncServer } from './team-sync-server';

export interface NetworkLog {
  /** Every request the page made to a host other than the local server. */
  external: string[];
}

/** Opens a teammate's own browser profile on a sync server (see pages/teammate.ts). */
export type OpenTeammate = (server: E2eSyncServer, name: string) => Promise<Teammate>;

/**
 * Each test gets a fresh browser context (empty IndexedDB), a log of outside requests and, for
 * team tests, `teammate` profiles that are closed when the test ends, pass or fail.
 */
export const test = base.extend<{ network: NetworkLog; teammate: OpenTeammate }>({
  network: async ({ page }, use) => {
    const log: NetworkLog = { external: [] };
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (!local && !['data:', 'blob:'].includes(url.protocol)) log.external.push(request.url());
    });
    await use(log);
  },
  teammate: async ({ browser }, use) => {
    const profiles: BrowserContext[] = [];
    await use(async (server, name) => {
      const { teammate, context } = await openTeammate(browser, server, name);
      profiles.push(context);
      return teammate;
    });
    await Promise.all(profiles.map((context) => context.close()));
  },
});

export { expect };
