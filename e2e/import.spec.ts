import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { fixtureFile, fixtureFolderPath, ImportPage, zipFixtureFolder } from './pages/import-page';
import { TimelinePage } from './pages/timeline-page';

test('imports a Slack export, a PagerDuty log, a Statuspage file and a CSV into one incident; re-imports, refuses a broken file, removes a source', async ({ page, network }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout 5xx after config deploy', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });

  const slack = zipFixtureFolder('slack-export', 'acme-slack-export.zip');
  await importer.chooseFiles([slack, fixtureFile('pagerduty-log.json', 'application/json'), fixtureFile('statuspage.json', 'application/json'), fixtureFile('timeline.csv', 'text/csv')]);

  // Each file's format is detected from its content.
  await expect(importer.item('acme-slack-export.zip').getByLabel('Format of acme-slack-export.zip')).toHaveValue('slack-export');
  await expect(importer.item('pagerduty-log.json').getByLabel('Format of pagerduty-log.json')).toHaveValue('pagerduty');
  await expect(importer.item('statuspage.json').getByLabel('Format of statuspage.json')).toHaveValue('statuspage');
  await expect(importer.item('timeline.csv').getByLabel('Format of timeline.csv')).toHaveValue('csv-timeline');

  // Slack preview: the conversation, its day file, its message count, and the default window.
  const slackItem = importer.item('acme-slack-export.zip');
  const row = slackItem.getByRole('row', { name: /#incident-checkout/ });
  await expect(row).toContainText('2024-06-12');
  // Counted in the window below: the chat long before the incident is outside it.
  await expect(row.getByRole('cell').last()).toHaveText('4');
  await expect(slackItem.getByLabel('From')).toHaveValue('2024-06-12T12:00');
  await expect(slackItem.getByLabel('To')).toHaveValue('2024-06-12T18:00');
  // CSV preview: guessed mapping over the first rows.
  const csvItem = importer.item('timeline.csv');
  await expect(csvItem.getByLabel('Time column')).toHaveValue('timestamp');
  await expect(csvItem.getByRole('cell', { name: 'All Clear declared' })).toBeVisible();
  // Other formats: a summary with sample lines.
  await expect(importer.item('pagerduty-log.json')).toContainText('3 events');
  await page.screenshot({ path: test.info().outputPath('import-preview.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('import-preview-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  await importer.runImport();
  await expect(importer.result('acme-slack-export.zip')).toContainText('4 added');
  await expect(importer.result('acme-slack-export.zip')).toContainText('outside time window (1)');
  await expect(importer.result('pagerduty-log.json')).toContainText('3 added');
  await expect(importer.result('statuspage.json')).toContainText('2 added');
  await expect(importer.result('timeline.csv')).toContainText('3 added');
  await page.screenshot({ path: test.info().outputPath('import-summary.png'), fullPage: true });
  await importer.close();
  // The Timeline shows the merged record of all four sources.
  // The event list itself: the Milestones panel quotes some of these messages as evidence.
  const timeline = new TimelinePage(page).list;
  await expect(timeline.getByText('I am Incident Commander. Checkout is returning 5xx since the 14:00 deploy')).toBeVisible();
  await expect(timeline.getByText('Acknowledged by Priya Raman')).toBeVisible();
  await expect(timeline.getByText('Investigating: Some customers cannot complete checkout.')).toBeVisible();
  await expect(timeline.getByText('payments-api config 2024.06.12-1 rolled out')).toBeVisible();
  await expect(timeline.getByText('Unrelated chat long before the incident')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('import-timeline.png'), fullPage: true });

  const sources = await importer.openSources();
  await expect(sources.getByRole('listitem')).toHaveCount(4);
  await expect(importer.sourceRow('acme-slack-export.zip')).toContainText('4 events added');
  await expect(importer.sourceRow('acme-slack-export.zip')).toContainText('Slack export');
  await expect(importer.sourceRow('timeline.csv')).toContainText('3 events added');
  await page.screenshot({ path: test.info().outputPath('import-sources.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('import-sources-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await importer.dialog.getByRole('button', { name: 'Close' }).click();

  // Re-importing the same file (dropped this time) adds nothing and says when it came in first.
  await importer.dropFiles([fixtureFile('pagerduty-log.json', 'application/json')]);
  await importer.runImport();
  await expect(importer.result('pagerduty-log.json')).toContainText('0 added');
  await expect(importer.result('pagerduty-log.json')).toContainText('3 already present');
  await expect(importer.result('pagerduty-log.json')).toContainText('already imported on');
  await expect(importer.result('pagerduty-log.json')).toContainText('Sources is unchanged');
  await importer.close();
  await expect(page.getByRole('button', { name: 'Sources (4)' })).toBeVisible();

  // A broken file is refused in its preview with its file, line and field named, Import stays
  // disabled, and nothing changes.
  await importer.chooseFiles([fixtureFile('broken-timeline.csv', 'text/csv')]);
  await expect(importer.item('broken-timeline.csv').getByRole('alert')).toContainText('broken-timeline.csv, line 3, field timestamp');
  await expect(importer.dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('import-error.png'), fullPage: true });
  await importer.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(importer.dialog).toBeHidden();
  await importer.openSources();
  await expect(importer.dialog.getByRole('list', { name: 'Imported sources' }).getByRole('listitem')).toHaveCount(4);
  await expect(importer.dialog).not.toContainText('broken-timeline.csv');

  // Removing one import removes exactly its events, after a confirmation.
  await importer.sourceRow('statuspage.json').getByRole('button', { name: 'Remove statuspage.json' }).click();
  await importer.sourceRow('statuspage.json').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText('Removed statuspage.json and its 2 events.')).toBeVisible();
  await expect(importer.sourceRow('statuspage.json')).toHaveCount(0);
  await expect(importer.dialog.getByRole('list', { name: 'Imported sources' }).getByRole('listitem')).toHaveCount(3);
  await importer.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(timeline.getByText('Investigating: Some customers cannot complete checkout.')).toHaveCount(0);
  await expect(timeline.getByText('Acknowledged by Priya Raman')).toBeVisible();

  // People: one person across Slack (display name "priya", real name "Priya Raman"), PagerDuty and
  // the CSV, each match explained and undoable with Split out; merging people is covered by the people tests.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  const people = page.getByRole('list', { name: 'People' });
  const priya = people.getByRole('listitem', { name: /^(priya|Priya Raman)$/ });
  await expect(priya).toHaveCount(1);
  await expect(priya).toContainText('6 events');
  await expect(priya).toContainText('matched by');
  await expect(priya.getByRole('button', { name: /^Split out Priya Raman \(PPRIYA\) from/ })).toBeVisible();
  await expect(people.getByRole('listitem', { name: /^(tom|Tom Okafor)$/ })).toContainText('2 events');
  await page.screenshot({ path: test.info().outputPath('import-people.png'), fullPage: true });

  expect(network.external).toEqual([]);
});

test('imports an unpacked Slack export picked as a folder, and the preview choices decide what comes in', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout folder import', severity: 'SEV3', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'More import options' }).click();
  await page.getByRole('menuitem', { name: 'Choose folder…' }).click();
  await (await chooser).setFiles(fixtureFolderPath('slack-export'));
  const item = importer.item('slack-export');
  await expect(item.getByLabel('Format of slack-export')).toHaveValue('slack-export');
  await expect(item).toContainText('folder, 6 files');

  // Widening the window to no limit brings in the early message too.
  await item.getByLabel('From').fill('');
  await importer.runImport();
  await expect(importer.result('slack-export')).toContainText('5 added');
  await importer.close();
  await expect(page.getByRole('tabpanel').getByText('Unrelated chat long before the incident')).toBeVisible();
});
