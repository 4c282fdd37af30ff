import { expect, test } from './fixtures';
import { CatalogPage } from './pages/catalog-page';
import { LibraryPage } from './pages/library-page';
import { ReviewPage } from './pages/review-page';

test('the review fills the catalog; the library filters, groups and exports it', async ({ page, network }) => {
  // A long user journey over three incidents.
  test.slow();
  const library = new LibraryPage(page);
  const review = new ReviewPage(page);
  const catalog = new CatalogPage(page);
  await library.goto();

  await library.createIncident({ title: 'Checkout 5xx after deploy', severity: 'SEV2', timeZone: 'UTC', services: 'checkout', started: '2025-03-04T10:00', resolved: '2025-03-04T11:30' });
  await review.open();
  await review.setName('Tom Okafor');
  // A contributing factor written during the review is offered to the catalog.
  await review.addAnnotation('The whole incident');
  await page.keyboard.type('Canary skipped the EU region');
  await review.tag(review.card('Canary skipped the EU region'), 'Contributing factor').click();
  await catalog.section.getByRole('button', { name: '+ Canary skipped the EU region' }).click();
  await catalog.fill({ domains: ['edge'], ownDomain: 'payments gateway', trigger: 'deploy', detection: 'alert', resolution: 'rollback', wentWell: 'Rollback took four minutes', impactMinutes: '25' });
  await expect(catalog.section.getByText('90 min')).toBeVisible();
  await catalog.save();

  // Kept across a reload.
  await page.reload();
  await expect(catalog.section.getByLabel('Trigger')).toHaveValue('deploy');
  await expect(catalog.section.getByRole('group', { name: 'Failure domains' }).getByRole('button', { name: 'payments gateway' })).toHaveAttribute('aria-pressed', 'true');
  await expect(catalog.section.getByRole('group', { name: 'Contributing factors' }).getByRole('button', { name: 'Canary skipped the EU region' })).toHaveAttribute('aria-pressed', 'true');
  await expect(catalog.section.getByLabel('Went well')).toHaveValue('Rollback took four minutes');

  await library.backToLibrary();
  await library.createIncident({ title: 'Search slow under load', severity: 'SEV3', timeZone: 'UTC', services: 'search', started: '2025-04-10T08:00', resolved: '2025-04-10T12:00' });
  await review.open();
  // The team's own word from the first incident is offered here too.
  await expect(catalog.section.getByRole('group', { name: 'Failure domains' }).getByRole('button', { name: 'payments gateway' })).toHaveAttribute('aria-pressed', 'false');
  await catalog.fill({ domains: ['data layer'], trigger: 'capacity', detection: 'customer', resolution: 'scale' });
  await catalog.save();

  await library.backToLibrary();
  await library.createIncident({ title: 'Login errors, not catalogued', severity: 'SEV4', timeZone: 'UTC' });
  await library.backToLibrary();
  await expect(page.getByText('3 incidents')).toBeVisible();

  await catalog.filter('Trigger', /^deploy/);
  await expect(page.getByText('1 of 3 incidents')).toBeVisible();
  await expect(library.row('Checkout 5xx after deploy')).toBeVisible();
  await catalog.filter('Trigger', 'Any');
  await catalog.filter('Customer impact', /^30 min – 2 h|^under 30 min/);
  await expect(page.getByText('1 of 3 incidents')).toBeVisible();
  await catalog.filter('Customer impact', 'Any');

  await catalog.groupBy('Detection method');
  const groups = page.locator('.library-group h2');
  await expect(groups).toHaveText(['alert (1)', 'customer (1)', 'Not set (1)']);
  await expect(page.getByRole('region', { name: 'customer: 1 incident' }).getByRole('listitem')).toHaveText(/Search slow under load/);

  await page.getByRole('button', { name: 'Catalog table' }).click();
  await expect(catalog.table.getByRole('row')).toHaveCount(4);
  const checkoutRow = catalog.table.getByRole('row', { name: /Checkout 5xx after deploy/ });
  await expect(checkoutRow).toContainText('edge, payments gateway');
  await expect(checkoutRow).toContainText('25 min');

  const csv = await catalog.export('CSV');
  expect(csv.download.suggestedFilename()).toBe('incident-catalog.csv');
  const lines = csv.text.trim().split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toContain('Failure domains,Trigger,Contributing factors');
  expect(lines.find((l) => l.includes('Checkout 5xx'))).toContain('edge; payments gateway,deploy,Canary skipped the EU region,alert,rollback,1,0,0,90,25');

  const md = await catalog.export('Markdown');
  expect(md.text).toContain('| Search slow under load | SEV3 |');
  expect(network.external).toEqual([]);
});

test('a team replaces Debrief’s catalog words with its own, and a word too long is refused with its line', async ({ page }) => {
  const library = new LibraryPage(page);
  const review = new ReviewPage(page);
  const catalog = new CatalogPage(page);
  await library.goto();
  await library.createIncident({ title: 'Payments timeouts', severity: 'SEV2', timeZone: 'UTC', started: '2025-05-02T09:00' });
  await review.open();
  const domains = catalog.section.getByRole('group', { name: 'Failure domains' });
  await expect(domains.getByRole('button', { name: 'edge', exact: true })).toBeVisible();

  const dialog = await catalog.setTeamWords({ 'Failure domains': ['Payments gateway', 'x'.repeat(121)] });
  await expect(dialog.getByRole('alert')).toHaveText('Failure domains, line 2: a word can be at most 120 characters.');
  await dialog.getByLabel('Failure domains').fill('Payments gateway\nSearch cluster\npayments GATEWAY');
  await dialog.getByRole('button', { name: 'Save words' }).click();
  await expect(dialog).toBeHidden();

  // The team's list replaces the shipped one, here and after a reload; the others stay Debrief's.
  await expect(domains.getByRole('button', { name: 'Payments gateway' })).toBeVisible();
  await expect(domains.getByRole('button', { name: 'Search cluster' })).toBeVisible();
  await expect(domains.getByRole('button', { name: 'edge', exact: true })).toHaveCount(0);
  await page.reload();
  await expect(domains.getByRole('button', { name: 'Search cluster' })).toBeVisible();
  await expect(catalog.section.getByLabel('Trigger')).toBeVisible();
  await page.screenshot({ path: 'test-results/team-words.png' });
});
