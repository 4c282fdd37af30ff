import { expect, type Page } from '@playwright/test';
import { ImportPage, zipFixtureFolder } from './import-page';
import { LibraryPage } from './library-page';

/**
 * A new incident holding the Slack export in e2e/fixtures/import/slack-formatting (mrkdwn, emoji,
 * mentions, a broadcast thread reply, a bot, a file comment), imported through the wizard; the
 * Timeline is open when it returns.
 */
export async function openSlackFormattingIncident(page: Page): Promise<void> {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout 502s', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T15:00' });
  await importer.chooseFiles([zipFixtureFolder('slack-formatting', 'formatting.zip')]);
  await importer.runImport();
  await expect(importer.result('formatting.zip')).toContainText('9 added');
  await importer.close();
}
