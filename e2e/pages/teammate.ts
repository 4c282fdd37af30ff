import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { E2eSyncServer } from '../team-sync-server';
import { ActionItemsPage } from './action-items-page';
import { LibraryPage } from './library-page';
import { PostmortemPage } from './postmortem-page';
import { ReviewPage } from './review-page';
import { TeamSyncPage } from './team-sync-page';
import { TimelinePage } from './timeline-page';

/** One person of the team: their own browser profile, connected to the sync server with their token. */
export interface Teammate {
  page: Page;
  sync: TeamSyncPage;
  library: LibraryPage;
  actions: ActionItemsPage;
  timeline: TimelinePage;
  review: ReviewPage;
  pm: PostmortemPage;
}

/**
 * Opens `name`'s profile (their token is `server.tokens[name]`, shown to others capitalised) and
 * sets up Team sync in it. The caller closes `context` after the test, pass or fail: left open, it
 * keeps reconnecting to a stopped server and slows every spec after it.
 */
export async function openTeammate(browser: Browser, server: E2eSyncServer, name: string): Promise<{ teammate: Teammate; context: BrowserContext }> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[${name}] ${message.text()}`);
  });
  const library = new LibraryPage(page);
  const sync = new TeamSyncPage(page);
  await library.goto();
  await sync.setUp({ server: server.url, team: 'acme', token: server.tokens[name] ?? '', name: name.charAt(0).toUpperCase() + name.slice(1) });
  const teammate = { page, sync, library, actions: new ActionItemsPage(page), timeline: new TimelinePage(page), review: new ReviewPage(page), pm: new PostmortemPage(page) };
  return { teammate, context };
}
