import { expect, test } from './fixtures';
import { fixtureFile, ImportPage, zipFixtureFolder } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';
import { TimelinePage } from './pages/timeline-page';

/**
 * One real-world event from two sources is one row (fixture: e2e/fixtures/import/same-event): the
 * deploy bot's Slack post and the deploy CSV row; the PagerDuty trigger and the Alertmanager
 * alert. A person's message about the rollback stays its own row. Split is undoable.
 */
test('the same deploy and the same alert from two sources are one row each, and can be split and joined again', async ({ page }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout 5xx after config deploy', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T15:00' });
  const file = (name: string, mimeType: string) => ({ ...fixtureFile(`same-event/${name}`, mimeType), name });
  await importer.chooseFiles([
    zipFixtureFolder('same-event/slack', 'slack.zip'),
    file('deploys.csv', 'text/csv'),
    file('pagerduty-log.json', 'application/json'),
    file('alertmanager.json', 'application/json'),
  ]);
  await importer.runImport();
  await expect(importer.result('slack.zip')).toContainText('3 added');
  await expect(importer.result('deploys.csv')).toContainText('2 added');
  await expect(importer.result('pagerduty-log.json')).toContainText('2 added');
  await expect(importer.result('alertmanager.json')).toContainText('1 added');
  await importer.close();

  const tl = new TimelinePage(page);
  const deploy = tl.row(/2024\.06\.12-1 rolled out/);
  await expect(deploy).toHaveCount(1);
  await expect(deploy.locator('.tl-sources .tl-source')).toHaveText(['CSV', 'Slack']);
  await expect(deploy.locator('.tl-also-from')).toContainText('Also from Slack 14:00:04 deploy-bot: payments-api config 2024.06.12-1 rolled out to all regions 🚀');
  const alert = tl.row(/checkout 5xx rate above 5%/);
  await expect(alert).toHaveCount(1);
  await expect(alert.locator('.tl-sources .tl-source')).toHaveText(['Alertmanager', 'PagerDuty']);
  // Tom saying he rolled back is a message of its own, not the CSV's rollback row.
  await expect(tl.row(/rolled back/)).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('same-event.png') });

  // Split: two rows; Undo: one row again.
  await deploy.getByRole('button', { name: /^Split the Slack record out of/ }).click();
  await expect(tl.row(/2024\.06\.12-1 rolled out/)).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(tl.row(/2024\.06\.12-1 rolled out/)).toHaveCount(1);
  // A split is remembered across reloads.
  await tl.row(/2024\.06\.12-1 rolled out/).getByRole('button', { name: /^Split the Slack record/ }).click();
  await expect(tl.row(/2024\.06\.12-1 rolled out/)).toHaveCount(2);
  await page.reload();
  await expect(tl.row(/2024\.06\.12-1 rolled out/)).toHaveCount(2);
  await expect(tl.row(/checkout 5xx rate above 5%/)).toHaveCount(1);

  // The postmortem tells the story the timeline shows: the merged alert once, the split deploy twice.
  const postmortem = new PostmortemPage(page);
  await postmortem.open();
  await postmortem.createDraft('Incident review');
  const { text } = await postmortem.exportMarkdown();
  const timeline = text.slice(text.search(/^#+ .*Timeline/m));
  expect(timeline.match(/checkout 5xx rate above 5%/g)).toHaveLength(1);
  expect(timeline.match(/2024\.06\.12-1 rolled out/g)).toHaveLength(2);
});
