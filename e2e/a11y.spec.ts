import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ActionItemsPage } from './pages/action-items-page';
import { BackupPage } from './pages/backup-page';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';
import { ReviewPage } from './pages/review-page';
import { TimelinePage, timelineFixture } from './pages/timeline-page';

/**
 * The axe sweep (issue 18): every screen and dialog, in light and in dark, has no serious or
 * critical WCAG 2.1 A/AA finding. Visible text must be part of a control's name, so axe's
 * experimental label-content-name-mismatch rule runs too.
 */
async function sweep(page: Page, state: string, found: string[]): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
      .analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      found.push(`${state} (${colorScheme}) ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function closeWithEscape(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

test('every screen and dialog has no serious or critical axe finding, light and dark', async ({ page }) => {
  test.slow();
  const found: string[] = [];
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  const tl = new TimelinePage(page);
  const review = new ReviewPage(page);
  const pm = new PostmortemPage(page);
  const actions = new ActionItemsPage(page);
  const backup = new BackupPage(page);
  const dialog = page.locator('dialog[open]');
  const nav = page.getByRole('navigation', { name: 'Main' });

  await library.goto();
  await sweep(page, 'library, empty', found);
  await library.openNewIncident();
  await sweep(page, 'New incident dialog', found);
  await closeWithEscape(page, dialog);

  await library.createIncident({ title: 'Checkout 5xx after config 4512', severity: 'SEV2', status: 'Resolved', timeZone: 'America/Los_Angeles', started: '2024-06-12T23:52', resolved: '2024-06-13T01:10', commander: 'Priya Raman' });
  await importer.chooseFiles([timelineFixture('pagerduty-log.json', 'application/json'), timelineFixture('timeline.csv', 'text/csv')]);
  await sweep(page, 'import wizard, preview', found);
  await importer.runImport();
  await sweep(page, 'import wizard, finished', found);
  await importer.close();
  await expect(page).toHaveTitle('Checkout 5xx after config 4512 — Timeline — Debrief');
  await sweep(page, 'Timeline tab', found);

  await importer.openSources();
  await sweep(page, 'Sources dialog', found);
  await closeWithEscape(page, dialog);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Edit incident' })).toBeVisible();
  await sweep(page, 'Edit incident dialog', found);
  await closeWithEscape(page, dialog);
  await tl.milestones.getByRole('button', { name: '+ Milestone' }).click();
  await expect(tl.dialog.getByRole('heading', { name: /milestone/ })).toBeVisible();
  await sweep(page, 'milestone dialog', found);
  await closeWithEscape(page, dialog);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: /shortcuts/i })).toBeVisible();
  await sweep(page, 'shortcut sheet', found);
  await closeWithEscape(page, dialog);
  await page.keyboard.press('ControlOrMeta+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await sweep(page, 'command palette', found);
  await closeWithEscape(page, dialog);

  await review.open();
  await expect(page).toHaveTitle('Checkout 5xx after config 4512 — Review — Debrief');
  await sweep(page, 'Review tab with the catalog', found);
  await page.getByRole('button', { name: /Start review meeting/ }).click();
  await expect(review.meeting).toBeVisible();
  await expect(review.meeting.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await sweep(page, 'meeting view', found);
  await review.meeting.focus();
  await page.keyboard.press('Escape');
  await expect(review.meeting).toHaveCount(0);

  await pm.open();
  await pm.createDraft('Incident review');
  // One h1 on the page: the document's own title heading sits under the incident's.
  // (Chromium and screen readers take aria-level over the tag; Playwright's level reads the tag.)
  await expect(pm.editor.locator('h1').first()).toHaveAttribute('aria-level', '2');
  await expect(page.locator('h1:not([aria-level]), [aria-level="1"]')).toHaveCount(1);
  await sweep(page, 'Postmortem tab', found);
  await pm.toolbar.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog).toBeVisible();
  await sweep(page, 'Export dialog', found);
  await closeWithEscape(page, dialog);

  await actions.openTab();
  await actions.create({ title: 'Add a canary for config pushes', priority: 'P1', owner: 'Priya Raman' });
  await sweep(page, 'Action items tab', found);
  await page.getByRole('button', { name: 'SLA policy…' }).first().click();
  await expect(dialog).toBeVisible();
  await sweep(page, 'SLA policy dialog', found);
  await closeWithEscape(page, dialog);

  await actions.openOverview();
  await expect(page).toHaveTitle('Action items — Debrief');
  await sweep(page, 'Action items overview', found);
  await nav.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await sweep(page, 'People', found);
  await nav.getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await sweep(page, 'Insights', found);

  await library.backToLibrary();
  await expect(library.row('Checkout 5xx')).toBeVisible();
  await sweep(page, 'library with an incident', found);
  await backup.open();
  await sweep(page, 'Backup dialog', found);
  await closeWithEscape(page, dialog);
  await page.getByRole('banner').getByRole('button', { name: /Team sync/ }).click();
  await expect(dialog.getByRole('heading', { name: 'Team sync' })).toBeVisible();
  await sweep(page, 'Team sync settings dialog', found);
  await closeWithEscape(page, dialog);
  await page.getByRole('banner').getByRole('button', { name: 'Join incident…' }).click();
  await expect(dialog).toBeVisible();
  await sweep(page, 'Join incident dialog', found);
  await closeWithEscape(page, dialog);

  expect(found).toEqual([]);
});

test('the dialogs the screen sweep does not open have no serious or critical axe finding either', async ({ page }) => {
  test.slow();
  const found: string[] = [];
  const library = new LibraryPage(page);
  const importer = new ImportPage(page);
  const tl = new TimelinePage(page);
  const pm = new PostmortemPage(page);
  const actions = new ActionItemsPage(page);
  const dialog = page.locator('dialog[open]');
  const opened = async (state: string, open: () => Promise<void>) => {
    await open();
    await expect(dialog).toBeVisible();
    await sweep(page, state, found);
    await closeWithEscape(page, dialog);
  };

  await library.goto();
  await library.createIncident({ title: 'Checkout 5xx after config 4512', severity: 'SEV2', status: 'Resolved', timeZone: 'America/Los_Angeles', started: '2024-06-12T23:52', resolved: '2024-06-13T01:10' });
  await opened('Paste text dialog', async () => {
    await page.getByRole('button', { name: 'More import options' }).click();
    await page.getByRole('menuitem', { name: 'Paste text…' }).click();
  });
  await importer.chooseFiles([timelineFixture('pagerduty-log.json', 'application/json'), timelineFixture('timeline.csv', 'text/csv')]);
  await importer.runImport();
  await importer.close();
  await opened('manual event dialog', () => tl.keyMoments.getByRole('button', { name: '+ Event' }).click());
  await opened('Redact dialog', async () => (await tl.rowButton(tl.row('Triggered through the API'), /^Redact /)).click());
  await opened('Export bundle dialog', () => page.getByRole('button', { name: 'Export bundle…' }).click());

  await pm.open();
  await pm.createDraft('Incident review');
  await opened('Save version dialog', () => pm.toolbar.getByRole('button', { name: 'Save version…' }).click());
  await opened('Versions dialog', () => pm.toolbar.getByRole('button', { name: 'Versions' }).click());
  await opened('New draft dialog', () => pm.toolbar.getByRole('button', { name: 'New draft…' }).click());

  await actions.openTab();
  await opened('New action item dialog', () => page.getByRole('button', { name: 'New action item' }).first().click());

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  await opened('Your team’s words dialog', () => page.getByRole('button', { name: 'Your team’s words…' }).click());

  expect(found).toEqual([]);
});
