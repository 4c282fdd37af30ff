import type { Page } from '@playwright/test';
import type { E2eSyncServer } from '../team-sync-server';
import { ActionItemsPage } from './action-items-page';
import { LibraryPage } from './library-page';
import { PostmortemPage } from './postmortem-page';
import { ReviewPage } from './review-page';
import { TeamSyncPage } from './team-sync-page';
import { TimelinePage } from './timeline-page';

/** One person of the team: their own browser profile, connected to the sync server with their token. */
export interface Teammate {
  /** As others see it (the token's name, capitalised): "Ana". */
  name: string;
  page: Page;
  sync: TeamSyncPage;
  library: LibraryPage;
  actions: ActionItemsPage;
  timeline: TimelinePage;
  review: ReviewPage;
  pm: PostmortemPage;
}

/** The team every sync server of the e2e suite grants its tokens for. */
export const TEAM = 'acme';

/**
 * Opens Debrief in `page` (a profile of `name`'s own) and sets up Team sync with their token,
 * `server.tokens[name]`.
 */
export async function connectTeammate(page: Page, server: E2eSyncServer, name: string): Promise<Teammate> {
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[${name}] ${message.text()}`);
  });
  const shownName = name.charAt(0).toUpperCase() + name.slice(1);
  const library = new LibraryPage(page);
  const sync = new TeamSyncPage(page);
  await library.goto();
  await sync.setUp({ server: server.url, team: TEAM, token: server.tokens[name] ?? '', name: shownName });
  return { name: shownName, page, sync, library, actions: new ActionItemsPage(page), timeline: new TimelinePage(page), review: new ReviewPage(page), pm: new PostmortemPage(page) };
}
