import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import type { Team } from './pages/team';
import type { Teammate } from './pages/teammate';
import { TeamSyncPage } from './pages/team-sync-page';

const ITEM = 'Alert on checkout 5xx rate';

/** Ana's incident with one action item, shared with the team. */
async function anaShares(team: Team): Promise<Teammate> {
  return team.share('ana', { title: 'Checkout returns 5xx', severity: 'SEV2', services: 'checkout', commander: 'Ana' }, async (owner) => {
    await owner.actions.openTab();
    await owner.actions.create({ title: ITEM, priority: 'P1', owner: 'Priya' });
  });
}

async function setOwner(page: Page, owner: string): Promise<void> {
  await page.getByLabel(`Owner of ${ITEM}`).fill(owner);
  await page.getByLabel(`Owner of ${ITEM}`).press('Enter');
}

/** SIGKILLs the browser whose profile is `profile` (its main process, the one without --type). */
function killBrowser(profile: string): void {
  const processes = execFileSync('ps', ['-eo', 'pid=,args=']).toString().split('\n');
  const main = processes.find((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='));
  if (!main) throw new Error(`No browser process found for the profile ${profile}`);
  process.kill(Number(main.trim().split(/\s+/)[0]), 'SIGKILL');
}

test('the server is killed (-9) during edits: every acknowledged edit is there after its restart, and the app reconnects by itself', async ({ team }) => {
  test.setTimeout(240_000);
  const server = team.server;
  const ana = await anaShares(team);
  await setOwner(ana.page, 'Tom');
  await ana.actions.pressOnRow(ITEM, 's');
  await expect(ana.sync.incidentStatus).toHaveText('Synced');

  // Acknowledged ("Synced"): on the server's disk. The server dies without any shutdown.
  server.process.kill('SIGKILL');
  await server.process.exited;
  await expect(ana.sync.incidentStatus).toHaveText(/^(Offline|Connecting)/);
  // Work goes on while it is down; the edit waits on this machine.
  await ana.actions.pressOnRow(ITEM, '4');
  await expect(ana.actions.status(ITEM)).toHaveText('Done');
  await expect(ana.sync.incidentStatus).toHaveText(/\d+ changes? waiting/);
  await ana.page.screenshot({ path: test.info().outputPath('ana-server-down.png') });

  await server.restart();
  // Nobody clicks anything: the app reconnects and sends what was waiting.
  await expect(ana.sync.incidentStatus).toHaveText('Synced', { timeout: 60_000 });

  // A teammate joining now gets the edits acknowledged before the kill and the one made during it.
  const ben = await team.join('ben');
  await ben.actions.openTab();
  await expect(ben.page.getByLabel(`Owner of ${ITEM}`)).toHaveValue('Tom');
  await expect(ben.actions.status(ITEM)).toHaveText('Done');
});

test('a teammate’s browser killed mid-edit: the edit kept on their machine reaches the team when they start Debrief again', async ({ team, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const ana = await anaShares(team);
  // Ben on a profile on disk, so killing his browser is a crash his next start has to deal with.
  const profile = mkdtempSync(join(tmpdir(), 'debrief-sync-crash-'));
  const contexts: BrowserContext[] = [];
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL, viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    return context;
  };
  try {
    let context = await launch();
    const ben = await team.join('ben', { page: context.pages()[0] ?? (await context.newPage()) });
    await ben.actions.openTab();
    await expect(ben.page.getByLabel(`Owner of ${ITEM}`)).toHaveValue('Priya');

    // Offline, so the edit cannot have reached the server; then the browser process dies.
    await context.setOffline(true);
    await expect(ben.sync.incidentStatus).toHaveText(/^Offline/);
    await setOwner(ben.page, 'Lee');
    await expect(ben.sync.incidentStatus).toHaveText(/\d+ changes? waiting/);
    killBrowser(profile);
    await context.close().catch(() => undefined);
    await expect(ana.page.getByLabel(`Owner of ${ITEM}`)).toHaveValue('Priya');

    // Ben starts Debrief again (online): his edit goes out without him doing anything.
    context = await launch();
    const page = context.pages()[0] ?? (await context.newPage());
    const again = new LibraryPage(page);
    await again.goto();
    await expect(ana.page.getByLabel(`Owner of ${ITEM}`)).toHaveValue('Lee', { timeout: 60_000 });
    await expect(new TeamSyncPage(page).appStatus).toHaveText(/Synced/);
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
});
