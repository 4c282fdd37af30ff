import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { LibraryPage, type IncidentFields } from './pages/library-page';

const INCIDENT: IncidentFields = {
  title: 'Checkout returns 5xx after deploy',
  severity: 'SEV2',
  status: 'Resolved',
  timeZone: 'America/Los_Angeles',
  started: '2024-06-12T23:52',
  detected: '2024-06-12T23:58',
  resolved: '2024-06-13T01:10',
  review: '2024-06-17T10:00',
  services: 'checkout, payments-api',
  commander: 'Priya Raman',
  roles: [
    { role: 'Scribe', name: 'Tom Okafor' },
    { role: 'Customer experience', name: 'Lena Fischer' },
  ],
  summary: 'A config change made checkout return 5xx for 78 minutes.',
};

test('a new user sees how to start, creates an incident with every field, and finds it after a reload', async ({ page, network }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expect(page.getByRole('heading', { name: 'No incidents yet' })).toBeVisible();

  await library.createIncident(INCIDENT);
  await page.reload();

  const facts = page.locator('.workspace-facts');
  await expect(page.getByRole('heading', { level: 1, name: INCIDENT.title })).toBeVisible();
  // Times are shown in the incident's zone (PDT), crossing midnight.
  await expect(facts).toContainText('Started 2024-06-12 23:52 PDT');
  await expect(facts).toContainText('Resolved 2024-06-13 01:10 PDT');
  await expect(facts).toContainText('Incident Commander Priya Raman');
  await expect(facts).toContainText('Services checkout, payments-api');

  await page.getByRole('button', { name: 'Edit' }).click();
  const form = library.dialog;
  await expect(form.getByLabel('Title')).toHaveValue(INCIDENT.title);
  await expect(form.getByRole('radio', { name: /SEV2/ })).toBeChecked();
  await expect(form.getByLabel('Status')).toHaveValue('resolved');
  await expect(form.getByLabel('Time zone')).toHaveValue('America/Los_Angeles');
  await expect(form.getByLabel(/^Detected/)).toHaveValue('2024-06-12T23:58');
  await expect(form.getByLabel(/^Review meeting/)).toHaveValue('2024-06-17T10:00');
  await expect(form.getByLabel('Affected services')).toHaveValue('checkout, payments-api');
  await expect(form.getByLabel('Name for role 1')).toHaveValue('Tom Okafor');
  await expect(form.getByLabel('Role 2', { exact: true })).toHaveValue('Customer experience');
  await expect(form.getByLabel('Summary')).toHaveValue(INCIDENT.summary ?? '');

  expect(network.external).toEqual([]);
});

test('editing an incident changes it everywhere, and a bad zone is refused with a message', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title: 'Search latency', severity: 'SEV3' });

  await page.getByRole('button', { name: 'Edit' }).click();
  await library.fill({ title: 'Search latency in EU', severity: 'SEV1', timeZone: 'Europe/Nowhere' });
  await library.dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(library.dialog.getByRole('alert')).toContainText('not a time zone name');
  await library.fill({ timeZone: 'Europe/Berlin' });
  await library.dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(library.dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Search latency in EU' })).toBeVisible();

  await library.backToLibrary();
  await expect(library.row('Search latency in EU')).toContainText('SEV1');
  await page.reload();
  await expect(library.row('Search latency in EU')).toContainText('CET');
});

test('the library searches, filters by severity and status, and sorts', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title: 'Pager storm', severity: 'SEV4', started: '2024-01-02T10:00', timeZone: 'UTC' });
  await library.backToLibrary();
  await library.createIncident({ title: 'Database failover', severity: 'SEV1', status: 'Closed', started: '2024-03-04T10:00', timeZone: 'UTC', services: 'orders-db' });
  await library.backToLibrary();

  const titles = page.locator('.incident-title');
  await expect(titles).toHaveText(['Database failover', 'Pager storm']);
  await page.getByLabel('Sort').selectOption({ label: 'Oldest first' });
  await expect(titles).toHaveText(['Pager storm', 'Database failover']);

  await page.getByRole('group', { name: 'Filter by severity' }).getByRole('button', { name: 'SEV1' }).click();
  await expect(titles).toHaveText(['Database failover']);
  await page.getByRole('group', { name: 'Filter by severity' }).getByRole('button', { name: 'SEV1' }).click();

  await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: 'Active' }).click();
  await expect(titles).toHaveText(['Pager storm']);
  await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: 'Active' }).click();

  await page.keyboard.press('/');
  await page.keyboard.type('orders');
  await expect(titles).toHaveText(['Database failover']);
  await page.getByLabel('Search incidents').fill('nothing like this');
  await expect(page.getByRole('heading', { name: 'No incident matches these filters' })).toBeVisible();
});

test('deleting an incident can be undone, and without undo it stays gone after a reload', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createIncident({ title: 'Keep me', severity: 'SEV3' });
  await library.backToLibrary();
  await library.createIncident({ title: 'Delete me', severity: 'SEV3' });
  await library.backToLibrary();

  await page.getByRole('button', { name: 'Delete Keep me' }).click();
  await expect(library.row('Keep me')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(library.row('Keep me')).toBeVisible();

  await page.getByRole('button', { name: 'Delete Delete me' }).click();
  await expect(library.row('Delete me')).toHaveCount(0);
  await page.reload();
  await expect(library.row('Delete me')).toHaveCount(0);
  await expect(library.row('Keep me')).toBeVisible();
});

test('keyboard: C opens the new-incident form, Ctrl+Enter saves, Alt+number switches tabs', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await page.keyboard.press('c');
  await expect(library.dialog.getByRole('heading', { name: 'New incident' })).toBeVisible();
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard only' })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('tab', { name: 'Postmortem' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/\/postmortem$/);
});

test('the library and the editor form have no serious or critical accessibility violations', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);

  expect(await serious()).toEqual([]);
  await library.createIncident({ title: 'Accessible', severity: 'SEV2', services: 'api' });
  await library.backToLibrary();
  expect(await serious()).toEqual([]);
  await library.openNewIncident();
  expect(await serious()).toEqual([]);
});
