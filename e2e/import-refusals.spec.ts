import { zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { zipDeclaringEntries } from '../src-renderer/core/importers/__fixtures__/hostile-archives';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { ImportPage, type FilePayload } from './pages/import-page';

const text = (value: string) => new TextEncoder().encode(value);
const file = (name: string, bytes: Uint8Array): FilePayload => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });

async function newIncident(page: Page): Promise<ImportPage> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title: 'Hostile files', severity: 'SEV3', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });
  return new ImportPage(page);
}

test('each hostile or broken file is refused with its real reason, in plain words, before anything is imported', async ({ page }) => {
  const importer = await newIncident(page);
  const slack = zipSync({ 'users.json': text('[]'), 'channels.json': text('[{"id":"C1","name":"inc"}]'), 'inc/2024-06-12.json': text('[]') });
  const cases: [FilePayload, string][] = [
    [file('empty.zip', new Uint8Array(0)), 'empty.zip: the file is empty'],
    [file('cut.zip', slack.subarray(0, slack.length - 30)), 'cut.zip: the archive is cut short'],
    [file('photo.zip', text('GIF89a a renamed picture, not an archive')), 'photo.zip: not a ZIP archive'],
    [file('notes.zip', zipSync({ 'readme.txt': text('hello') })), 'notes.zip: this ZIP archive holds no export Debrief knows'],
    [file('huge.zip', zipDeclaringEntries(200_001)), 'huge.zip: exceeds the limit of 200,000 files'],
    [file('deep.json', text(`${'['.repeat(100)}${']'.repeat(100)}`)), 'deep.json, line 1: JSON nested deeper than the limit of 64 levels'],
  ];
  await importer.chooseFiles(cases.map(([payload]) => payload));
  for (const [payload, reason] of cases) {
    await expect(importer.item(payload.name).getByRole('alert')).toContainText(reason);
  }
  const all = await importer.dialog.textContent();
  expect(all).not.toContain('not a format Debrief can import');
  expect(all).not.toMatch(/Invalid input|\(root\)|536870912/);
  // Nothing can be imported while every preview shows an error.
  await expect(importer.dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('import-refusals.png'), fullPage: true });
});

test('entries whose names leave the export are left out, each one named', async ({ page }) => {
  const importer = await newIncident(page);
  const zip = zipSync({
    'users.json': text('[{"id":"U1","name":"priya"}]'),
    'channels.json': text('[{"id":"C1","name":"inc"}]'),
    'inc/2024-06-12.json': text('[{"type":"message","user":"U1","text":"kept","ts":"1718201100.000100"}]'),
    '../escape/2024-06-12.json': text('[{"type":"message","user":"U1","text":"escaped","ts":"1718201200.000100"}]'),
    '__proto__/2024-06-12.json': text('[]'),
  });
  await importer.chooseFiles([file('traversal.zip', zip)]);
  const item = importer.item('traversal.zip');
  await expect(item).toContainText('left out 2 entries whose names point outside the export: ../escape/2024-06-12.json, __proto__/2024-06-12.json');
  await importer.runImport();
  await expect(importer.result('traversal.zip')).toContainText('1 added');
  await expect(importer.result('traversal.zip')).toContainText('../escape/2024-06-12.json');
});
