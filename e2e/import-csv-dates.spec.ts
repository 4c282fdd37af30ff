import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { ImportPage, type FilePayload } from './pages/import-page';

async function newIncident(page: Page, title: string): Promise<ImportPage> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title, severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });
  return new ImportPage(page);
}

const csv = (name: string, lines: string[]): FilePayload => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });

test('a CSV with day-first dates that no row settles asks for the date format, naming the line, and imports once chosen', async ({ page }) => {
  const importer = await newIncident(page, 'EU deploy timeline');
  await importer.chooseFiles([csv('deploys-eu.csv', ['time,actor,message', '12/06/2024 14:05,ci-bot,Deploy checkout v42 started', '12/06/2024 14:40,Priya,Rollback of checkout v42 finished'])]);
  const item = importer.item('deploys-eu.csv');
  const importButton = importer.dialog.getByRole('button', { name: 'Import', exact: true });
  await expect(item.getByLabel('Format of deploys-eu.csv')).toHaveValue('csv-timeline');
  await expect(item.getByRole('alert')).toContainText(
    'deploys-eu.csv, line 2, field time: "12/06/2024 14:05" can be read day first or month first (12 June or December 6) and no row settles it: choose the date format',
  );
  await expect(importButton).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('import-csv-date-format.png'), fullPage: true });

  await item.getByLabel('Date format').selectOption('day-first');
  await expect(item.getByRole('alert')).toHaveCount(0);
  await expect(importButton).toBeEnabled();
  await importer.runImport();
  await expect(importer.result('deploys-eu.csv')).toContainText('2 added');
  await importer.close();
  const events = page.getByRole('tabpanel');
  await expect(events.getByText('Rollback of checkout v42 finished')).toBeVisible();
  // Day first: 12 June, the incident's day; month first would have put both on 6 December.
  await expect(events.getByText('Deploy checkout v42 started')).toBeVisible();
  await expect(events.getByRole('heading', { name: 'Wednesday, 12 June 2024 · UTC' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('import-csv-date-timeline.png'), fullPage: true });
});

test('a CSV whose rows settle day first is detected and imports without a question', async ({ page }) => {
  const importer = await newIncident(page, 'EU paging timeline');
  await importer.chooseFiles([csv('pages-eu.csv', ['time,actor,message', '12/06/2024 14:02,PagerDuty,Checkout 5xx page', '13/06/2024 09:15,Priya,Follow-up review booked'])]);
  const item = importer.item('pages-eu.csv');
  await expect(item.getByLabel('Date format')).toHaveValue('day-first');
  await expect(item.getByLabel('Date format').locator('option:checked')).toHaveText('Day first (13/06/2024), detected');
  await expect(item.getByRole('alert')).toHaveCount(0);
  await importer.runImport();
  await expect(importer.result('pages-eu.csv')).toContainText('2 added');
});

test('a CSV that mixes day-first and month-first dates is refused before import, naming both lines', async ({ page }) => {
  const importer = await newIncident(page, 'Mixed dates');
  await importer.chooseFiles([csv('mixed.csv', ['time,message', '13/06/2024 14:02,a', '06/14/2024 09:15,b'])]);
  const item = importer.item('mixed.csv');
  await expect(item.getByRole('alert')).toContainText('mixed.csv, line 3, field time: the "time" column mixes date formats: line 2 has "13/06/2024 14:02" (day first) and line 3 has "06/14/2024 09:15" (month first)');
  await expect(importer.dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
});
