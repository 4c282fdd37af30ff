import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { E2eSyncServer } from '../team-sync-server';
import type { IncidentFields } from './library-page';
import { TEAM, connectTeammate, type Teammate } from './teammate';

export interface OpenOptions {
  /** A page of a profile the test made itself (e.g. a persistent one it will crash); default: a new context. */
  page?: Page;
  /** Browser permissions on top of the clipboard (e.g. 'notifications'). */
  permissions?: string[];
}

/**
 * A team working on one sync server: each person on their own browser profile. One of them
 * creates and shares an incident; the others join it with the invite. The profiles opened here are
 * closed by `close()` (the fixture calls it when the test ends, pass or fail): left open, they keep
 * reconnecting to a stopped server and slow every spec after it.
 */
export class Team {
  private readonly contexts: BrowserContext[] = [];
  private sharedInvite: string | null = null;

  constructor(
    private readonly browser: Browser,
    readonly server: E2eSyncServer,
  ) {}

  /** The invite of the incident `share` shared. */
  get invite(): string {
    if (this.sharedInvite === null) throw new Error('Nothing shared yet: call team.share first');
    return this.sharedInvite;
  }

  /** Opens `name`'s profile, connected to the team's server. */
  async open(name: string, options: OpenOptions = {}): Promise<Teammate> {
    let page = options.page;
    if (!page) {
      const context = await this.browser.newContext();
      this.contexts.push(context);
      page = await context.newPage();
    }
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write', ...(options.permissions ?? [])]);
    return connectTeammate(page, this.server, name);
  }

  /**
   * `name` opens their profile, creates the incident, prepares it (`prepare` runs on the new
   * incident, before sharing) and shares it with the team; its invite is kept for `join`.
   */
  async share(name: string, incident: IncidentFields, prepare?: (owner: Teammate) => Promise<void>): Promise<Teammate> {
    const owner = await this.open(name);
    await owner.library.createIncident(incident);
    await prepare?.(owner);
    this.sharedInvite = await owner.sync.share(TEAM);
    await expect(owner.sync.incidentStatus).toHaveText('Synced');
    return owner;
  }

  /** `name` opens their profile and joins the shared incident with its invite. */
  async join(name: string, options: OpenOptions = {}): Promise<Teammate> {
    const teammate = await this.open(name, options);
    await teammate.sync.join(this.invite);
    return teammate;
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close().catch(() => undefined)));
  }
}

/**
 * Export Markdown of the postmortem open at each person's, once their editor says it is in sync
 * with the team: the same document state must give the same bytes on every machine.
 */
export async function exportedMarkdownOfEach(teammates: readonly Teammate[]): Promise<string[]> {
  for (const side of teammates) await expect(side.pm.toolbar.getByRole('status').filter({ hasText: 'Synced' })).toBeVisible();
  const texts: string[] = [];
  for (const side of teammates) texts.push((await side.pm.exportMarkdown()).text);
  return texts;
}
