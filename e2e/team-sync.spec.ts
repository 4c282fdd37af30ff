import { expect, test } from './fixtures';

test('two people share an incident, join it with the invite and see each other’s edits, online and after being offline', async ({ team }) => {
  test.setTimeout(240_000);
  const ana = await team.share('ana', { title: 'Checkout returns 5xx', severity: 'SEV2', services: 'checkout', commander: 'Ana' }, async (owner) => {
    await owner.actions.openTab();
    await owner.actions.create({ title: 'Alert on checkout 5xx rate', priority: 'P1', owner: 'Priya' });
  });
  const ben = await team.join('ben');
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Checkout returns 5xx' })).toBeVisible();
  await expect(ben.sync.incidentStatus).toHaveText('Synced');
  await ben.actions.openTab();
  await expect(ben.actions.row('Alert on checkout 5xx rate')).toBeVisible();
  await expect(ben.page.getByLabel('Owner of Alert on checkout 5xx rate')).toHaveValue('Priya');

  // Live: Ben reassigns, Ana renames the incident.
  await ben.page.getByLabel('Owner of Alert on checkout 5xx rate').fill('Tom');
  await ben.page.getByLabel('Owner of Alert on checkout 5xx rate').press('Enter');
  await expect(ana.page.getByLabel('Owner of Alert on checkout 5xx rate')).toHaveValue('Tom');
  await ana.page.locator('.workspace-actions').getByRole('button', { name: 'Edit' }).click();
  await ana.library.fill({ title: 'Checkout returns 5xx in EU' });
  await ana.page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Checkout returns 5xx in EU' })).toBeVisible();
  await ben.page.screenshot({ path: test.info().outputPath('ben-joined.png'), fullPage: true });

  // Ana goes offline; both edit the same action item: different fields both win, the same field goes to the later edit.
  await ana.page.context().setOffline(true);
  await expect(ana.sync.incidentStatus).toHaveText(/^Offline/);
  await ana.actions.pressOnRow('Alert on checkout 5xx rate', 's');
  await expect(ana.actions.status('Alert on checkout 5xx rate')).toHaveText('In progress');
  await ana.page.getByLabel('Owner of Alert on checkout 5xx rate').fill('Sam');
  await ana.page.getByLabel('Owner of Alert on checkout 5xx rate').press('Enter');
  await expect(ana.sync.incidentStatus).toHaveText(/Offline · \d+ changes? waiting/);
  await ana.page.screenshot({ path: test.info().outputPath('ana-offline.png'), fullPage: true });
  await ben.page.getByLabel('Owner of Alert on checkout 5xx rate').fill('Kim');
  await ben.page.getByLabel('Owner of Alert on checkout 5xx rate').press('Enter');
  await ana.page.context().setOffline(false);

  for (const side of [ana, ben]) {
    await expect(side.sync.incidentStatus).toHaveText('Synced', { timeout: 20_000 });
    await expect(side.actions.status('Alert on checkout 5xx rate')).toHaveText('In progress');
    await expect(side.page.getByLabel('Owner of Alert on checkout 5xx rate')).toHaveValue('Kim');
  }

  // The item's history shows the owner Ana set, which Ben's later change replaced.
  await ana.actions.pressOnRow('Alert on checkout 5xx rate', 'Enter');
  const history = ana.page.getByRole('dialog').getByRole('region', { name: 'History' });
  await expect(history).toContainText('Owner: Kim by Ben');
  await expect(history).toContainText('replaced Sam by Ana');
  await expect(history).not.toContainText('Status');
  await ana.page.screenshot({ path: test.info().outputPath('ana-history.png') });
  await ana.page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // Leave keeps Ben's copy; Ana's later edits no longer reach it.
  await ben.sync.leave();
  await expect(ben.page.locator('.workspace-actions').getByRole('button', { name: 'Share…' })).toBeVisible();
  await ana.actions.pressOnRow('Alert on checkout 5xx rate', '4');
  await expect(ana.actions.status('Alert on checkout 5xx rate')).toHaveText('Done');
  await expect(ana.sync.incidentStatus).toHaveText('Synced');
  await expect(ben.actions.status('Alert on checkout 5xx rate')).toHaveText('In progress');
});

test('milestones, key moments, typed-in events, CAN reports and annotations reach the teammate, and offline edits on both sides converge', async ({ team }) => {
  test.setTimeout(240_000);
  const ana = await team.share('ana', { title: 'Search is slow', severity: 'SEV3', services: 'search', commander: 'Ana', started: '2026-03-02T09:00' }, async (owner) => {
    await owner.page.getByRole('button', { name: 'Add a manual event' }).click();
    await owner.timeline.dialog.getByLabel(/^Time/).fill('2026-03-02T09:05:00');
    await owner.timeline.dialog.getByLabel('What happened').fill('Latency alert fired for search');
    await owner.timeline.dialog.getByRole('button', { name: 'Add event' }).click();
    await expect(owner.timeline.row('Latency alert fired for search')).toBeVisible();
  });
  const ben = await team.join('ben');
  await expect(ben.timeline.row('Latency alert fired for search')).toBeVisible();

  // Live: a milestone and a key moment made by Ana appear at Ben's.
  await ana.timeline.milestones.getByRole('button', { name: '+ Milestone' }).click();
  await ana.timeline.saveMilestone('Under Control', '2026-03-02T09:40:00');
  await expect(ben.timeline.milestones).toContainText('Under Control');
  await (await ana.timeline.rowButton(ana.timeline.row('Latency alert fired for search'), /^Pin /)).click();
  await expect(ben.timeline.keyMoments).toContainText('Latency alert fired for search');

  // An annotation written by Ben appears, with its text, at Ana's.
  await ben.review.open();
  await ben.review.setName('Ben');
  await ben.review.addAnnotation('The whole incident');
  await ben.page.keyboard.type('The alert fired before any customer noticed');
  await ana.review.open();
  await expect(ana.review.card('The alert fired before any customer noticed')).toBeVisible();

  // Ana offline: she adds a CAN report; Ben adds an event and a milestone. Back online, both have everything.
  await ana.page.getByRole('tab', { name: 'Timeline' }).click();
  await ben.page.getByRole('tab', { name: 'Timeline' }).click();
  await ana.page.context().setOffline(true);
  await expect(ana.sync.incidentStatus).toHaveText(/^Offline/);
  await ana.timeline.canReports.getByRole('button', { name: '+ CAN report' }).click();
  await ana.timeline.dialog.getByLabel(/^Time/).fill('2026-03-02T09:20:00');
  await ana.timeline.dialog.getByLabel('Who').fill('Ana');
  await ana.timeline.dialog.getByLabel('Conditions').fill('p99 at 4 s in EU');
  await ana.timeline.dialog.getByLabel('Actions').fill('Scaling the search cluster');
  await ana.timeline.dialog.getByLabel('Needs').fill('A DBA on the bridge');
  await ana.timeline.dialog.getByRole('button', { name: 'Add CAN report' }).click();
  await expect(ana.sync.incidentStatus).toHaveText(/Offline · \d+ changes? waiting/);
  await ben.timeline.keyMoments.getByRole('button', { name: '+ Event' }).click();
  await ben.timeline.dialog.getByLabel(/^Time/).fill('2026-03-02T09:25:00');
  await ben.timeline.dialog.getByLabel('Who').fill('Ben');
  await ben.timeline.dialog.getByLabel('What happened').fill('Rolled back the index change');
  await ben.timeline.dialog.getByRole('button', { name: 'Add event' }).click();
  await ben.timeline.milestones.getByRole('button', { name: '+ Milestone' }).click();
  await ben.timeline.saveMilestone('All Clear', '2026-03-02T10:10:00');
  await ana.page.context().setOffline(false);

  for (const side of [ana, ben]) {
    await expect(side.sync.incidentStatus).toHaveText('Synced', { timeout: 20_000 });
    await expect(side.timeline.canReports).toContainText('A DBA on the bridge');
    await expect(side.timeline.row('Rolled back the index change')).toBeVisible();
    await expect(side.timeline.milestones).toContainText('Under Control');
    await expect(side.timeline.milestones).toContainText('All Clear');
  }
  await ana.page.screenshot({ path: test.info().outputPath('ana-converged.png'), fullPage: true });
});
