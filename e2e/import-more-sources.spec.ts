import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { fixtureFile, ImportPage } from './pages/import-page';
import { TimelinePage } from './pages/timeline-page';

test('imports a Mattermost bulk export (JSONL), detected from its content, with its thread replies', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Ledger lag', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T10:55', resolved: '2024-06-12T12:00' });
  await importer.chooseFiles([fixtureFile('mattermost-bulk.jsonl', 'application/x-ndjson')]);
  await expect(importer.item('mattermost-bulk.jsonl').getByLabel('Format of mattermost-bulk.jsonl')).toHaveValue('mattermost');
  await expect(importer.item('mattermost-bulk.jsonl')).toContainText('6 events');
  await importer.runImport();
  await expect(importer.result('mattermost-bulk.jsonl')).toContainText('6 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('Ledger consumer lag at 40k messages, declaring SEV2')).toBeVisible();
  await expect(timeline.getByText('Should we page the storage on-call?')).toBeVisible();
  await page.screenshot({ path: '/tmp/import13-mattermost.png', fullPage: true });
});

test('imports a DiscordChatExporter channel export and a Microsoft Teams Graph message list, each detected from its content', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Search latency and VPN', severity: 'SEV3', timeZone: 'UTC', started: '2024-03-01T22:00', resolved: '2024-03-04T23:00' });
  await importer.chooseFiles([fixtureFile('discord-channel.json', 'application/json'), fixtureFile('teams-channel-messages.json', 'application/json')]);
  await expect(importer.item('discord-channel.json').getByLabel('Format of discord-channel.json')).toHaveValue('discord');
  await expect(importer.item('teams-channel-messages.json').getByLabel('Format of teams-channel-messages.json')).toHaveValue('teams');
  await importer.runImport();
  await expect(importer.result('discord-channel.json')).toContainText('4 added');
  await expect(importer.result('teams-channel-messages.json')).toContainText('5 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('Taking IC for this one.')).toBeVisible();
  // The Teams body was HTML: it shows as text, entities decoded and the mention kept, no markup.
  await expect(timeline.getByText(/dropped 3 tunnels & users can't connect/)).toBeVisible();
  await expect(timeline.getByText('<p>')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/import13-discord-teams.png', fullPage: true });
});

test('imports GitHub deployments with their statuses, Kubernetes events and an Argo CD history as deploys', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Search rollback', severity: 'SEV3', timeZone: 'UTC', started: '2024-03-01T21:50', resolved: '2024-03-01T22:40' });
  await importer.chooseFiles([
    fixtureFile('github-deployments.json', 'application/json'),
    fixtureFile('github-deployment-statuses.json', 'application/json'),
    fixtureFile('kubernetes-events.json', 'application/json'),
    fixtureFile('argocd-app.json', 'application/json'),
  ]);
  await expect(importer.item('github-deployments.json').getByLabel('Format of github-deployments.json')).toHaveValue('github-deployments');
  await expect(importer.item('kubernetes-events.json').getByLabel('Format of kubernetes-events.json')).toHaveValue('kubernetes-events');
  await expect(importer.item('argocd-app.json').getByLabel('Format of argocd-app.json')).toHaveValue('kubernetes-events');
  await importer.runImport();
  await expect(importer.result('github-deployments.json')).toContainText('2 added');
  await expect(importer.result('github-deployment-statuses.json')).toContainText('2 added');
  await expect(importer.result('kubernetes-events.json')).toContainText('4 added');
  await expect(importer.result('argocd-app.json')).toContainText('2 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('Deployment of v3.14.1 (9f2c1e0) to production created: Rollback to v3.14.1')).toBeVisible();
  await expect(timeline.getByText(/Readiness probe failed.*\(14 times/)).toBeVisible();
  await expect(timeline.getByText(/Argo CD synced search-api to 9f2c1e0/)).toBeVisible();
  await page.screenshot({ path: '/tmp/import13-deploys.png', fullPage: true });
});
