import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ActionItemsPage } from './pages/action-items-page';
import { LibraryPage } from './pages/library-page';
import { TeamSyncPage } from './pages/team-sync-page';
import { startE2eSyncServer, type E2eSyncServer } from './team-sync-server';

let server: E2eSyncServer;

test.beforeAll(async () => {
  server = await startE2eSyncServer({ ana: { team: 'acme', role: 'editor' }, ben: { team: 'acme', role: 'editor' } });
});

test.afterAll(async () => {
  await server?.stop();
});

async function person(browser: Browser, name: 'ana' | 'ben'): Promise<{ page: Page; sync: TeamSyncPage; library: LibraryPage; actions: ActionItemsPage }> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[${name}] ${message.text()}`);
  });
  const library = new LibraryPage(page);
  const sync = new TeamSyncPage(page);
  await library.goto();
  await sync.setUp({ server: server.url, team: 'acme', token: server.tokens[name] ?? '', name: name === 'ana' ? 'Ana' : 'Ben' });
  return { page, sync, library, actions: new ActionItemsPage(page) };
}

test('two people share an incident, join it with the invite and see each other’s edits, online and after being offline', async ({ browser }) => {
  test.setTimeout(240_000);
  const ana = await person(browser, 'ana');
  await ana.library.createIncident({ title: 'Checkout returns 5xx', severity: 'SEV2', services: 'checkout', commander: 'Ana' });
  await ana.actions.openTab();
  await ana.actions.create({ title: 'Alert on checkout 5xx rate', priority: 'P1', owner: 'Priya' });
  const invite = await ana.sync.share('acme');
  await expect(ana.sync.incidentStatus).toHaveText('Synced');

  const ben = await person(browser, 'ben');
  await ben.sync.join(invite);
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Checkout returns 5xx' })).toBeVisible();
  await expect(ben.sync.incidentStatus).toHaveText('Synced');
  await ben.actions.openTab();
  await expect(ben.actions.row('Alert on checkout 5xx rate')).toBeVisible();
  await expect(ben.page.getByLabel('Owner of Alert on checkout 5xx rate')).toHaveValue('Priya');

  // Live: Ben reassigns, Ana renames the incident.
  await ben.page.getByLabel('Owner of Alert on checkout 5xx rate').fill('Tom');
  await ben.page.getByLabel('Owner of Alert on checkout 5xx rate').press('Enter');
  await expect(ana.page.getByLabel('Owner of Alert on checkout 5xx rate')).toHaveValue('Tom');
  await ana.page.locator('.workspace-actions').getByRole('button', { name: 'Edit' }).click();
  await ana.library.fill({ title: 'Checkout returns 5xx in EU' });
  await ana.page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Checkout returns 5xx in EU' })).toBeVisible();
  await ben.page.screenshot({ path: test.info().outputPath('ben-joined.png'), fullPage: true });

  // Ana goes offline; both edit the same action item: different fields both win, the same field goes to the later edit.
  await ana.page.context().setOffline(true);
  await expect(ana.sync.incidentStatus).toHaveText(/^Offline/);
  await ana.actions.pressOnRow('Alert on checkout 5xx rate', 's');
  await expect(ana.actions.status('Alert on checkout 5xx rate')).toHaveText('In progress');
  await ana.page.getByLabel('Owner of Alert on checkout 5xx rate').fill('Sam');
  await ana.page.getByLabel('Owner of Alert on checkout 5xx rate').press('Enter');
  await expect(ana.sync.incidentStatus).toHaveText(/Offline · \d+ changes? waiting/);
  await ana.page.screenshot({ path: test.info().outputPath('ana-offline.png'), fullPage: true });
  await ben.page.getByLabel('Owner of Alert on checkout 5xx rate').fill('Kim');
  await ben.page.getByLabel('Owner of Alert on checkout 5xx rate').press('Enter');
  await ana.page.context().setOffline(false);

  for (const side of [ana, ben]) {
    await expect(side.sync.incidentStatus).toHaveText('Synced', { timeout: 20_000 });
    await expect(side.actions.status('Alert on checkout 5xx rate')).toHaveText('In progress');
    await expect(side.page.getByLabel('Owner of Alert on checkout 5xx rate')).toHaveValue('Kim');
  }

  // Leave keeps Ben's copy; Ana's later edits no longer reach it.
  await ben.sync.leave();
  await expect(ben.page.locator('.workspace-actions').getByRole('button', { name: 'Share…' })).toBeVisible();
  await ana.actions.pressOnRow('Alert on checkout 5xx rate', '4');
  await expect(ana.actions.status('Alert on checkout 5xx rate')).toHaveText('Done');
  await expect(ana.sync.incidentStatus).toHaveText('Synced');
  await expect(ben.actions.status('Alert on checkout 5xx rate')).toHaveText('In progress');
});
