import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { expect, test } from './fixtures';
import { fixtureFolderPath, ImportPage, type FilePayload } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { TimelinePage } from './pages/timeline-page';

/** The fixture Slack export with one more message whose links try to disguise where they go. */
function slackExportWithDisguisedLinks(): FilePayload {
  const root = fixtureFolderPath('slack-export');
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${entry}/`);
      else files[`${prefix}${entry}`] = new Uint8Array(readFileSync(path));
    }
  };
  walk(root, '');
  const day = 'incident-checkout/2024-06-12.json';
  const messages = JSON.parse(new TextDecoder().decode(files[day])) as unknown[];
  messages.push({
    type: 'message',
    user: 'U01PRIYA',
    text: 'Status at <https://evil.example/login|https://status.acme.com>, questions to <mailto:ops@acme.com?attach=%2Fetc%2Fpasswd&subject=SEV2|ops@acme.com>',
    ts: '1718201500.000400',
  });
  files[day] = new TextEncoder().encode(JSON.stringify(messages));
  return { name: 'disguised-links.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) };
}

test('a Slack link whose label is a trusted URL shows the host it really opens, and mailto keeps only address and subject', async ({ page, network }) => {
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  await library.goto();
  await library.createIncident({ title: 'Disguised links', severity: 'SEV2', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });
  await importer.chooseFiles([slackExportWithDisguisedLinks()]);
  await importer.runImport();
  await importer.close();

  const timeline = new TimelinePage(page);
  const row = await timeline.findRow(/Status at/);
  const disguised = row.getByRole('link', { name: 'https://status.acme.com' });
  await expect(disguised).toHaveAttribute('href', 'https://evil.example/login');
  await expect(row.locator('.link-real-target')).toHaveText('opens (evil.example)');
  await expect(row).toContainText('https://status.acme.com opens (evil.example)');
  await expect(row.getByRole('link', { name: 'ops@acme.com' })).toHaveAttribute('href', 'mailto:ops@acme.com?subject=SEV2');
  await expect(row.locator('.link-real-target')).toHaveCount(1);
  await row.screenshot({ path: test.info().outputPath('disguised-link.png') });
  expect(network.external).toEqual([]);
});
