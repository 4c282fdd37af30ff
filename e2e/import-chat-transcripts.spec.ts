import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { fixtureFile, ImportPage } from './pages/import-page';
import { TimelinePage } from './pages/timeline-page';

test('imports an IRC log, a pasted chat log and a bridge-call transcript, each detected from its content', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout 5xx bridge call', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T23:50', resolved: '2024-06-13T01:00' });
  await importer.chooseFiles([fixtureFile('chat-irc.log', 'text/plain'), fixtureFile('chat-pasted.txt', 'text/plain'), fixtureFile('bridge-call.vtt', 'text/vtt')]);
  await expect(importer.item('chat-irc.log').getByLabel('Format of chat-irc.log')).toHaveValue('chat-log');
  await expect(importer.item('chat-pasted.txt').getByLabel('Format of chat-pasted.txt')).toHaveValue('chat-log');
  await expect(importer.item('bridge-call.vtt').getByLabel('Format of bridge-call.vtt')).toHaveValue('transcript');
  await expect(importer.item('bridge-call.vtt')).toContainText('3 events');
  await page.screenshot({ path: test.info().outputPath('import-chat-transcripts.png'), fullPage: true });
  await importer.runImport();
  await expect(importer.result('chat-irc.log')).toContainText('4 added');
  await expect(importer.result('chat-pasted.txt')).toContainText('3 added');
  await expect(importer.result('bridge-call.vtt')).toContainText('3 added');
  await importer.close();
  // The event list itself: the Milestones panel quotes some of these messages as evidence.
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('declaring SEV2 for checkout 5xx')).toBeVisible();
  await expect(timeline.getByText('I am Incident Commander. Checkout is returning 5xx.')).toBeVisible();
  await expect(timeline.getByText('5xx back to baseline')).toBeVisible();
});

test('imports an Opsgenie alert log and its notes, detected from their content', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout alert', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });
  await importer.chooseFiles([fixtureFile('opsgenie-alert-logs.json', 'application/json'), fixtureFile('opsgenie-alert-notes.json', 'application/json')]);
  await expect(importer.item('opsgenie-alert-logs.json').getByLabel('Format of opsgenie-alert-logs.json')).toHaveValue('opsgenie');
  await importer.runImport();
  await expect(importer.result('opsgenie-alert-logs.json')).toContainText('4 added');
  await expect(importer.result('opsgenie-alert-notes.json')).toContainText('1 added');
  await importer.close();
  await expect(new TimelinePage(page).list.getByText('Rolled back payments-api config 2024.06.12-1')).toBeVisible();
});

test('imports a WeeChat log and an SRT bridge-call transcript, each detected from its content', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout 5xx, second bridge', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T23:50', resolved: '2024-06-13T01:00' });
  await importer.chooseFiles([fixtureFile('chat-weechat.log', 'text/plain'), fixtureFile('bridge-call.srt', 'application/x-subrip')]);
  await expect(importer.item('chat-weechat.log').getByLabel('Format of chat-weechat.log')).toHaveValue('chat-log');
  await expect(importer.item('bridge-call.srt').getByLabel('Format of bridge-call.srt')).toHaveValue('transcript');
  await expect(importer.item('bridge-call.srt')).toContainText('2 events');
  await importer.runImport();
  // Two messages plus a join and a quit (system events) from WeeChat; two transcript lines.
  await expect(importer.result('chat-weechat.log')).toContainText('4 added');
  await expect(importer.result('bridge-call.srt')).toContainText('2 added');
  await importer.close();
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('alice rolls back to v411')).toBeVisible();
  await expect(timeline.getByText('Rolling back the payments-api config now.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('import-weechat-srt.png'), fullPage: true });
});
