import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { ActionItemsPage } from './pages/action-items-page';
import { LibraryPage } from './pages/library-page';

// Due dates are days on the viewer's calendar, so the test fixes the viewer's zone.
test.use({ timezoneId: 'America/New_York' });

const REVIEW_DAY = '2024-07-01';
const HOUR = 60 * 60 * 1000;

test('items follow the SLA, go due soon then overdue as time passes, and round-trip through a Jira CSV', async ({ page, network }, testInfo) => {
  await page.clock.install({ time: new Date('2024-07-01T13:00:00Z') });
  const library = new LibraryPage(page);
  const actions = new ActionItemsPage(page);
  await library.goto();
  await library.createIncident({ title: 'Checkout returns 5xx', severity: 'SEV2', timeZone: 'America/New_York', review: `${REVIEW_DAY}T10:00` });
  await actions.openTab();
  await expect(page.getByRole('heading', { name: 'No action items yet' })).toBeVisible();

  // Debrief preset counted from the review on 1 July: P1 7 days, P2 30, P3 90.
  await actions.create({ title: 'Alert on checkout 5xx rate', priority: 'P1', owner: 'Priya Raman', trackerUrl: 'https://acme.atlassian.net/browse/OPS-12' });
  await actions.create({ title: 'Canary stage for config deploys', priority: 'P2', owner: 'Tom Okafor' });
  await actions.create({ title: 'Runbook for payment retries', priority: 'P3' });
  await expect(actions.due('Alert on checkout 5xx rate')).toHaveValue('2024-07-08');
  await expect(actions.due('Canary stage for config deploys')).toHaveValue('2024-07-31');
  await expect(actions.due('Runbook for payment retries')).toHaveValue('2024-09-29');
  await expect(actions.row('Alert on checkout 5xx rate')).toContainText('Jira OPS-12');
  await expect(actions.badge('Alert on checkout 5xx rate')).toHaveText(/On track/);
  await expect(page.locator('.ai-row .ai-title')).toHaveText(['Alert on checkout 5xx rate', 'Canary stage for config deploys', 'Runbook for payment retries']);
  await expect(page.getByText('Keyboard', { exact: true })).toBeVisible();

  // 6 days later the P1 item has less than 48 hours left.
  await page.clock.fastForward(144 * HOUR);
  await expect(actions.badge('Alert on checkout 5xx rate')).toHaveText(/Due soon/);
  await expect(page.getByRole('region', { name: 'Needs attention' })).toContainText('1 action item needs attention: 0 overdue, 1 due soon');
  await page.screenshot({ path: test.info().outputPath('tab-due-soon.png'), fullPage: true });

  // Past the end of 8 July it is overdue.
  await page.clock.fastForward(48 * HOUR);
  await expect(actions.badge('Alert on checkout 5xx rate')).toHaveText(/Overdue/);
  await expect(page.getByRole('region', { name: 'Needs attention' })).toContainText('1 overdue');

  // Keyboard: s cycles status, 4 marks done; a late completion misses the SLA.
  await actions.pressOnRow('Canary stage for config deploys', 's');
  await expect(actions.status('Canary stage for config deploys')).toHaveText('In progress');
  await page.keyboard.press('4');
  await expect(actions.status('Canary stage for config deploys')).toHaveText('Done');
  await expect(actions.badge('Canary stage for config deploys')).toHaveText(/Met SLA/);
  await actions.pressOnRow('Alert on checkout 5xx rate', '4');
  await expect(actions.badge('Alert on checkout 5xx rate')).toHaveText(/Missed SLA/);
  await expect(page.getByRole('region', { name: 'Needs attention' })).toHaveCount(0);
  await expect(page.locator('.ai-compliance')).toContainText('50%');

  // Hand off as a Jira CSV.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Jira CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('checkout-returns-5xx-action-items-jira.csv');
  const exported = testInfo.outputPath('jira.csv');
  await download.saveAs(exported);
  const csv = await readFile(exported, 'utf8');
  expect(csv.split('\r\n')[0]).toContain('Summary,Description,Issue Type,Priority,Status,Due Date,Assignee');
  expect(csv).toContain('Runbook for payment retries');

  // Someone moves the runbook to In Progress in the tracker; meanwhile the canary item is reopened here.
  const runbookLine = csv.split('\r\n').find((l) => l.startsWith('Runbook for payment retries')) ?? '';
  const canaryLine = csv.split('\r\n').find((l) => l.startsWith('Canary stage')) ?? '';
  const header = csv.split('\r\n')[0]?.split(',') ?? [];
  const ghost = header.map((h) => (h === 'Summary' ? 'Ghost item' : h === 'Status' ? 'Done' : h === 'Debrief ID' ? 'no-such-item' : '')).join(',');
  const edited = `${csv.replace(runbookLine, runbookLine.replace(',To Do,', ',In Progress,')).replace(canaryLine, canaryLine.replace(',Done,', ',Blocked,')).trimEnd()}\r\n${ghost}\r\n`;
  const editedPath = testInfo.outputPath('jira-edited.csv');
  await writeFile(editedPath, edited);
  await actions.pressOnRow('Canary stage for config deploys', '1');
  await expect(actions.status('Canary stage for config deploys')).toHaveText('Open');

  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import status updates…' }).click();
  await (await chooserPromise).setFiles(editedPath);
  const preview = actions.dialog;
  await expect(preview.getByRole('heading', { name: /Status updates from jira-edited\.csv/ })).toBeVisible();
  await expect(preview).toContainText('2 items with changes, 1 conflict, 1 unchanged, 1 unknown');
  await expect(preview.getByRole('listitem')).toContainText(['line 5: no action item matches “no-such-item”']);
  const runbookChange = preview.getByRole('row').filter({ hasText: 'Runbook for payment retries' });
  await expect(runbookChange).toContainText('Open');
  await expect(runbookChange).toContainText('In progress');
  const conflict = preview.getByRole('row').filter({ hasText: 'Conflict' });
  await expect(conflict).toContainText('Canary stage for config deploys');
  await expect(conflict.getByRole('checkbox', { name: /Use theirs/ })).not.toBeChecked();
  await page.screenshot({ path: test.info().outputPath('import-preview.png') });
  await preview.getByRole('button', { name: 'Apply 1 change' }).click();
  await expect(preview).toBeHidden();
  await expect(actions.status('Runbook for payment retries')).toHaveText('In progress');
  // The conflict was not taken, so the local reopen stands.
  await expect(actions.status('Canary stage for config deploys')).toHaveText('Open');

  await page.screenshot({ path: test.info().outputPath('tab.png'), fullPage: true });
  await actions.openOverview();
  await expect(actions.row('Runbook for payment retries')).toContainText('Checkout returns 5xx');
  await page.screenshot({ path: test.info().outputPath('overview.png'), fullPage: true });
  expect(network.external).toEqual([]);
});

test('changing the SLA policy shows each moved due date first and leaves dates set by hand alone', async ({ page }) => {
  await page.clock.install({ time: new Date('2024-07-01T13:00:00Z') });
  const library = new LibraryPage(page);
  const actions = new ActionItemsPage(page);
  await library.goto();
  await library.createIncident({ title: 'Search latency', severity: 'SEV3', timeZone: 'America/New_York', review: `${REVIEW_DAY}T10:00` });
  await actions.openTab();
  await actions.create({ title: 'Cache warm-up', priority: 'P1' });
  await actions.create({ title: 'Index shard review', priority: 'P2' });
  // A due date typed by hand (d focuses the row's date field).
  await actions.pressOnRow('Index shard review', 'd');
  await page.keyboard.type('08152024');
  await page.keyboard.press('Enter');
  await expect(actions.row('Index shard review')).toContainText('by hand');

  await page.getByRole('button', { name: 'SLA policy…' }).click();
  await actions.dialog.getByLabel('Start from').selectOption('atlassian');
  await actions.dialog.getByRole('button', { name: 'Review changes' }).click();
  const confirm = actions.dialog;
  await expect(confirm.getByRole('heading', { name: 'Apply the new SLA policy?' })).toBeVisible();
  const moved = confirm.getByRole('row').filter({ hasText: 'Cache warm-up' });
  await expect(moved).toContainText('Mon 8 Jul 2024');
  await expect(moved).toContainText('Mon 29 Jul 2024');
  await expect(confirm).toContainText('Untouched because their due date was set by hand: “Index shard review”');
  await confirm.getByRole('button', { name: 'Save and move 1 due date' }).click();
  await expect(actions.due('Cache warm-up')).toHaveValue('2024-07-29');
  await expect(actions.due('Index shard review')).toHaveValue('2024-08-15');

  // p: P1 → P2 keeps the date (both 4 weeks); P2 → P3 moves it, so it is shown first.
  await actions.pressOnRow('Cache warm-up', 'p');
  await expect(actions.row('Cache warm-up')).toContainText('P2');
  await expect(actions.due('Cache warm-up')).toHaveValue('2024-07-29');
  await actions.pressOnRow('Cache warm-up', 'p');
  const priority = actions.dialog;
  await expect(priority.getByRole('heading', { name: 'Change priority and due date?' })).toBeVisible();
  await expect(priority.getByRole('row').filter({ hasText: 'Cache warm-up' })).toContainText('Mon 26 Aug 2024');
  await page.keyboard.press('Escape');
  await expect(actions.row('Cache warm-up')).toContainText('P2');
  await expect(actions.row('Cache warm-up')).toBeFocused();

  // Won't do needs a reason; delete can be undone.
  await actions.pressOnRow('Cache warm-up', '5');
  await actions.dialog.getByRole('button', { name: "Mark won't do" }).click();
  await expect(actions.dialog.getByRole('alert')).toContainText("Say why this won't be done");
  await actions.dialog.getByLabel(/Reason for not doing/).fill('Cache is being removed');
  await page.keyboard.press('Enter');
  await expect(actions.status('Cache warm-up')).toHaveText("Won't do");
  await actions.row('Index shard review').getByRole('button', { name: 'Delete Index shard review' }).click();
  await expect(actions.row('Index shard review')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(actions.due('Index shard review')).toHaveValue('2024-08-15');
});

test('moving the review meeting moves the due dates that count from it, after showing them, and Undo puts both back', async ({ page }) => {
  await page.clock.install({ time: new Date('2024-07-01T13:00:00Z') });
  const library = new LibraryPage(page);
  const actions = new ActionItemsPage(page);
  await library.goto();
  await library.createIncident({ title: 'Queue backlog', severity: 'SEV2', timeZone: 'America/New_York', review: `${REVIEW_DAY}T10:00` });
  await actions.openTab();
  await actions.create({ title: 'Autoscale consumers', priority: 'P1' });
  await actions.create({ title: 'Backlog alert', priority: 'P2' });
  await actions.pressOnRow('Backlog alert', 'd');
  await page.keyboard.type('08152024');
  await page.keyboard.press('Enter');
  await expect(actions.row('Backlog alert')).toContainText('by hand');
  await expect(actions.due('Autoscale consumers')).toHaveValue('2024-07-08');

  // The review meeting moves a week later: the P1 item (7 days from the review) moves with it.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await library.fill({ review: '2024-07-08T10:00' });
  await library.dialog.getByRole('button', { name: 'Save changes' }).click();
  const confirm = library.dialog;
  await expect(confirm.getByRole('heading', { name: 'Move 1 due date?' })).toBeVisible();
  await expect(confirm).toContainText('1 due date will move');
  const moved = confirm.getByRole('row').filter({ hasText: 'Autoscale consumers' });
  await expect(moved).toContainText('Mon 8 Jul 2024');
  await expect(moved).toContainText('Mon 15 Jul 2024');
  await expect(confirm).toContainText('Items whose due date was set by hand keep it.');
  await page.screenshot({ path: test.info().outputPath('incident-dates-preview.png') });

  // Back keeps what was typed; saving from there applies both.
  await confirm.getByRole('button', { name: 'Back' }).click();
  await expect(library.dialog.getByLabel(/^Review meeting/)).toHaveValue('2024-07-08T10:00');
  await library.dialog.getByRole('button', { name: 'Save changes' }).click();
  await library.dialog.getByRole('button', { name: 'Save and move 1 due date' }).click();
  await expect(library.dialog).toBeHidden();
  await expect(actions.due('Autoscale consumers')).toHaveValue('2024-07-15');
  await expect(actions.due('Backlog alert')).toHaveValue('2024-08-15');
  await expect(page.getByRole('status').filter({ hasText: '1 due date moved with its dates' })).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(actions.due('Autoscale consumers')).toHaveValue('2024-07-08');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(library.dialog.getByLabel(/^Review meeting/)).toHaveValue('2024-07-01T10:00');
  await page.keyboard.press('Escape');

  // An edit that touches neither date saves at once, as before.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await library.fill({ summary: 'Consumers fell behind.' });
  await library.dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(library.dialog).toBeHidden();
  await expect(actions.due('Autoscale consumers')).toHaveValue('2024-07-08');
});

test('the overview filters across incidents, notifies once when items fall due, snoozes, and passes an accessibility check', async ({ page }) => {
  // Desktop notifications go through the web Notification API here; record them instead of showing them.
  await page.addInitScript(() => {
    const notices: string[] = [];
    Object.assign(window, { __notices: notices });
    // Called with `new` by the app; a plain function keeps the stub minimal.
    function RecordingNotification(title: string) {
      notices.push(title);
    }
    Object.assign(RecordingNotification, { permission: 'granted', requestPermission: async () => 'granted' });
    Object.assign(window, { Notification: RecordingNotification });
  });
  await page.clock.install({ time: new Date('2024-07-01T13:00:00Z') });
  const library = new LibraryPage(page);
  const actions = new ActionItemsPage(page);
  await library.goto();
  await library.createIncident({ title: 'Orders database down', severity: 'SEV1', timeZone: 'America/New_York', review: `${REVIEW_DAY}T10:00` });
  await actions.openTab();
  await actions.create({ title: 'Failover drill', priority: 'P1', owner: 'Priya Raman' });
  await library.backToLibrary();
  await library.createIncident({ title: 'Typo on status page', severity: 'SEV4', timeZone: 'America/New_York', review: `${REVIEW_DAY}T10:00` });
  await actions.openTab();
  await actions.create({ title: 'Spell-check status posts', priority: 'P4', owner: 'Lena Fischer' });

  await actions.openOverview();
  await expect(page.locator('.ai-row .ai-title')).toHaveText(['Failover drill', 'Spell-check status posts']);
  await page.getByRole('group', { name: 'Filter by incident severity' }).getByRole('button', { name: 'SEV4' }).click();
  await expect(page.locator('.ai-row .ai-title')).toHaveText(['Spell-check status posts']);
  await page.getByRole('group', { name: 'Filter by incident severity' }).getByRole('button', { name: 'SEV4' }).click();
  await page.getByLabel('Group by').selectOption({ label: 'Owner' });
  await expect(page.getByRole('rowheader', { name: /Priya Raman/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Lena Fischer/ })).toBeVisible();

  await page.clock.fastForward(144 * HOUR);
  await expect(actions.badge('Failover drill')).toHaveText(/Due soon/);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __notices: string[] }).__notices)).toEqual(['Due soon: Failover drill']);

  // Another hour: the same state is not notified again the same day.
  await page.clock.fastForward(HOUR);
  await page.getByRole('button', { name: '1 week snooze: “Failover drill”' }).click();
  await expect(page.getByRole('region', { name: 'Needs attention' })).toContainText('Snoozed: “Failover drill” until');
  await page.clock.fastForward(48 * HOUR);
  await expect(actions.badge('Failover drill')).toHaveText(/Overdue/);
  await page.getByRole('button', { name: 'Overdue', exact: true }).click();
  await expect(page.locator('.ai-row .ai-title')).toHaveText(['Failover drill']);
  await page.getByRole('button', { name: 'Overdue', exact: true }).click();
  // Snoozed: no overdue notice either.
  await page.clock.fastForward(HOUR);
  expect(await page.evaluate(() => (window as unknown as { __notices: string[] }).__notices)).toEqual(['Due soon: Failover drill']);

  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(await serious()).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('overview-dark.png'), fullPage: true });
  await actions.pressOnRow('Failover drill', 'Enter');
  await expect(actions.dialog.getByRole('heading', { name: 'Edit action item' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('editor-dark.png') });
  await page.keyboard.press('Escape');
  await expect(actions.row('Failover drill')).toBeFocused();
  await page.getByRole('button', { name: 'SLA policy…' }).click();
  await page.screenshot({ path: test.info().outputPath('policy-dark.png') });
  expect(await serious()).toEqual([]);
});
