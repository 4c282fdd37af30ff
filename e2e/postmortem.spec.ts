import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { ActionItemsPage } from './pages/action-items-page';
import { LibraryPage, type IncidentFields } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';
import { expectPopoverBeside } from './pages/geometry';

const INCIDENT: IncidentFields = {
  title: 'INC-482 Checkout returns 5xx',
  severity: 'SEV2',
  status: 'Resolved',
  timeZone: 'America/Los_Angeles',
  started: '2024-06-12T23:52',
  detected: '2024-06-12T23:58',
  resolved: '2024-06-13T01:10',
  review: '2024-06-17T10:00',
  services: 'checkout, payments-api',
  commander: 'Priya Raman',
  roles: [{ role: 'Scribe', name: 'Tom Okafor' }],
  summary: 'A config change cut the payments connection pool from 50 to 5.',
};

const SHOT = (name: string) => `/tmp/postmortem-e2e-${name}.png`;

test('a scribe drafts, writes, checks blameless language, regenerates, versions and exports a postmortem', async ({ page, network }) => {
  const library = new LibraryPage(page);
  const pm = new PostmortemPage(page);
  await library.goto();
  await library.createIncident(INCIDENT);
  const actions = new ActionItemsPage(page);
  await actions.openTab();
  await actions.create({ title: 'Send config deploys through canary', priority: 'P1', owner: 'Marco Silva' });
  await pm.open();

  await expect(page.getByRole('radio', { name: /Incident review/ })).toBeChecked();
  await page.screenshot({ path: SHOT('empty') });

  // Every shipped template produces a document from the incident's records.
  await pm.createDraft('Executive summary');
  await expect(pm.editor).toContainText(INCIDENT.title);
  await pm.newDraft('Google SRE');
  await expect(pm.editor.locator('table').first()).toBeVisible();
  await pm.newDraft('Incident review');
  await expect(pm.editor.getByRole('heading', { name: 'Contributing factors' })).toBeVisible();
  await expect(pm.editor).toContainText('Incident started: 2024-06-12 23:52 PDT');
  await expect(pm.editor).toContainText('Resolved: 2024-06-13 01:10 PDT');
  await expect(pm.editor.locator('table').filter({ hasText: 'Time to detect' })).toContainText('6m 00s');
  await page.screenshot({ path: SHOT('draft'), fullPage: false });

  // Prose, then a blaming phrase: it is flagged with an explanation and the suggestion applied.
  await pm.typeAfter('Describe who was affected', ' About one in three checkouts failed.');
  await expect(pm.findings).toHaveText('Blameless check: no findings');
  await page.keyboard.type(' The cause was human error');
  await expect(pm.findings).toHaveText('Blameless check: 1 finding');
  await expect(pm.suggestion).toContainText('ends the inquiry at a person');
  await expectPopoverBeside(page, pm.suggestion, pm.editor.getByText('human error', { exact: false }).last());
  await page.screenshot({ path: SHOT('blameless') });
  await pm.suggestion.getByRole('button', { name: 'Replace with suggestion' }).click();
  await expect(pm.editor).toContainText('The cause was the runbook step was ambiguous');
  await expect(pm.findings).toHaveText('Blameless check: no findings');

  // A second one is dismissed; the dismissal is stored with the document.
  await pm.typeAfter('How did we find out', ' Bob should have');
  await expect(pm.findings).toHaveText('Blameless check: 1 finding');
  // Keyboard only: Alt+Enter moves into the suggestion, Tab to Dismiss.
  await page.keyboard.press('Alt+Enter');
  await expect(pm.suggestion.getByRole('button', { name: 'Replace with suggestion' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(pm.findings).toHaveText('Blameless check: no findings');
  await page.keyboard.type(' seen the alert');
  await pm.waitSaved();

  // A new action item arrives; regenerating puts it in the table and keeps every word written.
  await actions.openTab();
  await actions.create({ title: 'Alert on pool saturation', priority: 'P2', owner: 'Tom Okafor' });
  await pm.open();
  await expect(pm.editor).toContainText('About one in three checkouts failed.');
  await expect(pm.editor).not.toContainText('Alert on pool saturation');
  await pm.regenerate();
  await expect(pm.editor.locator('table').filter({ hasText: 'Priority' })).toContainText('Alert on pool saturation');
  await expect(pm.editor).toContainText('About one in three checkouts failed. The cause was the runbook step was ambiguous');
  await expect(pm.editor).toContainText('Bob should have seen the alert');

  await pm.saveVersion('Before the review meeting');
  await pm.toolbar.getByRole('button', { name: 'Versions' }).click();
  await expect(pm.dialog.getByRole('button', { name: /Before the review meeting/ })).toBeVisible();
  await page.screenshot({ path: SHOT('versions') });
  await pm.dialog.getByRole('button', { name: 'Close' }).click();

  await pm.typeAfter('How did we find out', ' Nobody was careless.');
  await expect(pm.findings).toHaveText('Blameless check: 1 finding');
  await pm.toolbar.getByRole('button', { name: 'Export…' }).click();
  await expect(pm.dialog.getByRole('status')).toHaveText(/1 blameless-language finding remains/);
  await page.screenshot({ path: SHOT('export') });
  await pm.dialog.getByRole('button', { name: 'Close' }).click();

  const { download, text } = await pm.exportMarkdown();
  expect(download.suggestedFilename()).toBe('postmortem-inc-482-checkout-returns-5xx.md');
  await writeFile('/tmp/postmortem-e2e-export.md', text);
  expect(text.startsWith('---\nid: ')).toBe(true);
  expect(text).toContain('title: INC-482 Checkout returns 5xx\n');
  expect(text).toContain('timeZone: America/Los_Angeles\n');
  expect(text).toContain('template: incident-review\n');
  expect(text).toContain('| Metric | Value |\n| --- | --- |\n| Time to detect | 6m 00s |');
  expect(text).toContain('| Priority | Action | Owner | Due | Status | Type |');
  expect(text).toMatch(/\| P1 \| Send config deploys through canary \| Marco Silva \|/);
  expect(text).toMatch(/\| P2 \| Alert on pool saturation \| Tom Okafor \|/);
  expect(text).toContain('About one in three checkouts failed.');
  const body = text.slice(text.indexOf('\n---\n') + 5);
  expect(body).not.toMatch(/<[a-z!/]/i);
  expect(body).not.toMatch(/\]\((javascript|data):/i);

  // The exported file imports back into the editor and exports to the same bytes.
  await pm.importMarkdown('postmortem.md', text);
  await expect(pm.editor).toContainText('About one in three checkouts failed.');
  expect((await pm.exportMarkdown()).text).toBe(text);

  const html = (await pm.exportAs('HTML page (.html)')).text;
  await writeFile('/tmp/postmortem-e2e-export.html', html);
  expect(html).toContain('<td>Alert on pool saturation</td>');
  expect(html).toContain('About one in three checkouts failed.');
  expect(html).not.toMatch(/<script/i);

  // PDF in the browser is the print dialog: the print stylesheet shows only the document.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: SHOT('print') });
  await expect(page.getByRole('button', { name: 'New incident' })).not.toBeVisible();
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  await page.screenshot({ path: SHOT('dark') });
  await page.emulateMedia({ colorScheme: 'light' });

  // After a reload every keystroke is there, and the dismissed finding stays dismissed.
  await page.reload();
  await pm.open();
  await expect(pm.editor).toContainText('About one in three checkouts failed. The cause was the runbook step was ambiguous');
  await expect(pm.editor).toContainText('Bob should have seen the alert Nobody was careless.');
  await expect(pm.findings).toHaveText('Blameless check: 1 finding');
  expect(network.external).toEqual([]);
});

test('a template with a mistake is refused with its line; a good one can be used', async ({ page }) => {
  const library = new LibraryPage(page);
  const pm = new PostmortemPage(page);
  await library.goto();
  await library.createIncident({ title: 'Search latency', severity: 'SEV3' });
  await pm.open();

  const add = async (name: string, content: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add template…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(content) });
  };
  await add('broken.md', '---\nid: ours\nname: Ours\ndescription: Team format\n---\n# {{incident.title}}\n\n{{incident.nope}}\n');
  await expect(page.getByRole('alert')).toHaveText('broken.md, line 8: Unknown placeholder "{{incident.nope}}".');

  await add('ours.md', '---\nid: ours\nname: Our team format\ndescription: Just the facts.\n---\n# {{incident.title}}\n\n## Actions\n\n{{table:actionItems}}\n');
  await expect(page.getByRole('radio', { name: /Our team format/ })).toBeChecked();
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(pm.editor.getByRole('heading', { name: 'Search latency' })).toBeVisible();
  await expect(pm.editor).toContainText('No action items yet.');
  await page.screenshot({ path: SHOT('user-template') });
});
