import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildSlackdumpSqlite, ledgerIncidentArchive } from '../src-renderer/core/importers/__fixtures__/build-slackdump-sqlite';
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
  await page.screenshot({ path: test.info().outputPath('mattermost.png'), fullPage: true });
});

test('imports a DiscordChatExporter channel\'s pages and a Microsoft Teams conversation\'s Graph pages, each picked one by one as one source', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Search latency and VPN', severity: 'SEV3', timeZone: 'UTC', started: '2024-03-01T22:00', resolved: '2024-03-04T23:00' });
  await importer.chooseFiles([
    fixtureFile('discord-channel.json', 'application/json'),
    fixtureFile('teams-channel-messages.json', 'application/json'),
    fixtureFile('discord-channel-part2.json', 'application/json'),
    fixtureFile('teams-channel-replies.json', 'application/json'),
  ]);
  const discord = 'discord-channel.json + discord-channel-part2.json';
  const teams = 'teams-channel-messages.json + teams-channel-replies.json';
  await expect(importer.item(discord).getByLabel(`Format of ${discord}`)).toHaveValue('discord');
  await expect(importer.item(discord)).toContainText('folder, 2 files');
  await expect(importer.item(teams).getByLabel(`Format of ${teams}`)).toHaveValue('teams');
  await expect(importer.item(teams)).toContainText('6 events');
  await page.screenshot({ path: test.info().outputPath('discord-teams-pages.png'), fullPage: true });
  await importer.runImport();
  await expect(importer.result(discord)).toContainText('6 added');
  await expect(importer.result(teams)).toContainText('6 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('Taking IC for this one.')).toBeVisible();
  await expect(timeline.getByText('Calling All Clear for search')).toBeVisible();
  // The Teams body was HTML: it shows as text, entities decoded and the mention kept, no markup.
  await expect(timeline.getByText(/dropped 3 tunnels & users can't connect/)).toBeVisible();
  await expect(timeline.getByText('<p>')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('discord-teams.png'), fullPage: true });
});

/** A DiscordChatExporter channel export of `count` messages of ~8 KB each (a pasted log), written in batches. */
function writeLargeDiscordExport(path: string, count: number): number {
  const file = openSync(path, 'w');
  const start = Date.parse('2024-03-01T22:00:00Z');
  writeSync(file, '{\n  "guild": { "id": "700000000000000001", "name": "Lumen Platform" },\n  "channel": { "id": "800000000000000077", "type": "GuildTextChat", "name": "inc-311-logs" },\n  "exportedAt": "2024-03-02T09:00:00.000-08:00",\n  "messages": [\n');
  for (let from = 0; from < count; from += 500) {
    const batch: string[] = [];
    for (let i = from; i < Math.min(count, from + 500); i++) {
      const log = Array.from({ length: 120 }, (_, line) => `2024-03-01T22:${String(line % 60).padStart(2, '0')}:00Z worker-${i % 9} queue depth ${i * 60 + line} retrying shard ${line % 7}`).join('\n');
      const message = { id: String(1213000000000000000n + BigInt(i)), type: 'Default', timestamp: new Date(start + i * 1000).toISOString(), timestampEdited: null, content: `Log paste ${i + 1} of ${count}\n${log}`, author: { id: `90000000000000000${i % 3}`, name: `oncall${i % 3}`, nickname: null, isBot: false }, attachments: [], embeds: [], reactions: [] };
      batch.push(`    ${JSON.stringify(message)}${i === count - 1 ? '' : ','}\n`);
    }
    writeSync(file, batch.join(''));
  }
  writeSync(file, `  ],\n  "messageCount": ${count}\n}\n`);
  closeSync(file);
  return statSync(path).size;
}

test('imports a DiscordChatExporter export larger than the 64 MB one-file limit, read as a stream', async ({ page }) => {
  // 71 MB is read, parsed and saved twice over (preview, then import) on a shared 2-core box.
  test.setTimeout(300_000);
  const path = test.info().outputPath('inc-311-logs.json');
  expect(writeLargeDiscordExport(path, 9000)).toBeGreaterThan(64 * 1024 * 1024);
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Queue backlog', severity: 'SEV3', timeZone: 'UTC', started: '2024-03-01T22:00', resolved: '2024-03-02T01:00' });
  await importer.chooseFiles([path]);
  await expect(importer.item('inc-311-logs.json').getByLabel('Format of inc-311-logs.json')).toHaveValue('discord', { timeout: 60_000 });
  await expect(importer.item('inc-311-logs.json')).toContainText('9,000 events', { timeout: 60_000 });
  await importer.runImport(180_000);
  await expect(importer.result('inc-311-logs.json')).toContainText('9,000 added');
  await importer.close();
  await expect(new TimelinePage(page).list.getByText('Log paste 1 of 9000', { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('discord-over-64mb.png') });
});

test('imports GitHub statuses picked before their deployments as one source naming the ref, Kubernetes events and an Argo CD history as deploys', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Search rollback', severity: 'SEV3', timeZone: 'UTC', started: '2024-03-01T21:50', resolved: '2024-03-01T22:40' });
  await importer.chooseFiles([
    fixtureFile('github-deployment-statuses.json', 'application/json'),
    fixtureFile('kubernetes-events.json', 'application/json'),
    fixtureFile('github-deployments.json', 'application/json'),
    fixtureFile('argocd-app.json', 'application/json'),
  ]);
  const github = 'github-deployment-statuses.json + github-deployments.json';
  await expect(importer.item(github).getByLabel(`Format of ${github}`)).toHaveValue('github-deployments');
  await expect(importer.item('kubernetes-events.json').getByLabel('Format of kubernetes-events.json')).toHaveValue('kubernetes-events');
  await expect(importer.item('argocd-app.json').getByLabel('Format of argocd-app.json')).toHaveValue('kubernetes-events');
  await importer.runImport();
  await expect(importer.result(github)).toContainText('4 added');
  await expect(importer.result('kubernetes-events.json')).toContainText('4 added');
  await expect(importer.result('argocd-app.json')).toContainText('2 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('Deployment of v3.14.1 (9f2c1e0) to production created: Rollback to v3.14.1')).toBeVisible();
  await expect(timeline.getByText('Deployment v3.15.0 to production: success — Deployed v3.15.0 to 12/12 pods')).toBeVisible();
  await expect(timeline.getByText(/Readiness probe failed.*\(14 times/)).toBeVisible();
  await expect(timeline.getByText(/Argo CD synced search-api to 9f2c1e0/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('deploys.png'), fullPage: true });
});

test('imports a chat log pasted into the paste box, and text pasted with Ctrl+V on the incident', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Pasted bridge chat', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T16:40', resolved: '2024-06-12T18:00' });
  await page.getByRole('button', { name: 'More import options' }).click();
  await page.getByRole('menuitem', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text to import' });
  await paste.getByRole('button', { name: 'Preview import' }).click();
  await expect(paste.getByRole('alert')).toContainText('Paste some text first');
  await paste.getByLabel('Pasted text').fill('[16:45] priya: declaring SEV2, checkout 5xx\n[16:47] tom: rolling back payments-api\nconfig 2024.06.12-1\n[16:58] priya: 5xx back to baseline');
  await paste.getByLabel('Name in Sources').fill('Bridge chat');
  await page.screenshot({ path: test.info().outputPath('paste.png') });
  await paste.getByRole('button', { name: 'Preview import' }).click();
  await expect(importer.item('Bridge chat.txt').getByLabel('Format of Bridge chat.txt')).toHaveValue('chat-log');
  await expect(importer.item('Bridge chat.txt')).toContainText('3 events');
  await importer.runImport();
  await expect(importer.result('Bridge chat.txt')).toContainText('3 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('declaring SEV2, checkout 5xx')).toBeVisible();
  await expect(timeline.getByText('rolling back payments-api', { exact: false }).first()).toBeVisible();

  // Ctrl/Cmd+V with nothing focused: the clipboard's text opens in the paste box for review.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '[17:10] tom: all clear');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(paste.getByLabel('Pasted text')).toHaveValue('[17:10] tom: all clear');
  await paste.getByRole('button', { name: 'Preview import' }).click();
  await importer.runImport();
  await expect(importer.result('Pasted chat log.txt')).toContainText('1 added');
});

test('imports a slackdump chunk archive (gzipped) and then its dump, which adds only what is new', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Ledger lag from slackdump', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T10:55', resolved: '2024-06-12T12:00' });
  const chunks = fixtureFile('slackdump-chunks.jsonl', 'application/gzip');
  await importer.chooseFiles([{ name: 'C07Q3M1N2PX.jsonl.gz', mimeType: 'application/gzip', buffer: gzipSync(chunks.buffer) }]);
  await expect(importer.item('C07Q3M1N2PX.jsonl.gz').getByLabel('Format of C07Q3M1N2PX.jsonl.gz')).toHaveValue('slackdump');
  await importer.runImport();
  await expect(importer.result('C07Q3M1N2PX.jsonl.gz')).toContainText('3 added');
  await importer.close();
  await importer.chooseFiles([fixtureFile('slackdump-dump.json', 'application/json')]);
  await expect(importer.item('slackdump-dump.json').getByLabel('Format of slackdump-dump.json')).toHaveValue('slackdump');
  await importer.runImport();
  await expect(importer.result('slackdump-dump.json')).toContainText('2 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('Lag back under 1k, monitoring')).toBeVisible();
  await expect(timeline.getByText('Triggered: ledger-consumer lag > 10k')).toBeVisible();
});

test('imports a slackdump SQLite archive (slackdump archive), detected from its content, with its thread and a DM', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Ledger lag from the archive', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T10:55', resolved: '2024-06-12T12:00' });
  const archive = Buffer.from(await buildSlackdumpSqlite(await ledgerIncidentArchive()));
  await importer.chooseFiles([{ name: 'slackdump.sqlite', mimeType: 'application/vnd.sqlite3', buffer: archive }]);
  await expect(importer.item('slackdump.sqlite').getByLabel('Format of slackdump.sqlite')).toHaveValue('slackdump');
  await expect(importer.item('slackdump.sqlite')).toContainText('6 events');
  await importer.runImport();
  await expect(importer.result('slackdump.sqlite')).toContainText('6 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('Lag back under 1k, monitoring (edited)')).toBeVisible();
  await expect(timeline.getByText('I can take the broker side')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('slackdump-sqlite.png') });
});
