import { expect, test } from './fixtures';
import { exportedMarkdownOfEach } from './pages/team';
import { type SeedEvent, type SeedMilestone } from './pages/review-page';

const EVENTS: SeedEvent[] = [
  { id: 'ev-alert', at: '2024-06-13T06:58:00Z', actorName: 'Alertmanager', text: 'Checkout 5xx rate above 5% for 5 minutes', pinned: true },
  { id: 'ev-rollback', at: '2024-06-13T07:20:00Z', actorName: 'Priya Raman', text: 'Rolling back config 4411', pinned: true },
];
const MILESTONES: SeedMilestone[] = [{ id: 'ms-detect', kind: 'Detect', at: '2024-06-13T06:58:00Z', eventId: 'ev-alert' }];

test('a facilitator and two participants run a full review together: follow, step away, questions, action items, hands, shared timer, minutes, a co-written postmortem exported identically from each machine', async ({ team }) => {
  test.setTimeout(360_000);
  const ana = await team.share('ana', { title: 'Checkout returns 5xx after deploy', severity: 'SEV2', commander: 'Ana', summary: 'A config deploy made checkout return 5xx.' }, async (owner) => {
    await owner.review.seedTimeline(EVENTS, MILESTONES);
    await owner.pm.startDraft();
  });
  const ben = await team.join('ben');
  const cho = await team.join('cho');

  // Ana starts; the participants who open the incident are offered to join.
  await ana.review.open();
  await ana.page.getByRole('button', { name: /Start review meeting/ }).click();
  const anaView = ana.review.meeting;
  await expect(anaView).toContainText('Item 1 of 3');
  for (const side of [ben, cho]) {
    await side.review.open();
    const banner = side.page.getByRole('region', { name: 'Meeting in progress' });
    await expect(banner).toContainText('Ana is running the review meeting.');
    await banner.getByRole('button', { name: 'Join the meeting' }).click();
    await expect(side.review.meeting).toContainText('Following Ana');
    await expect(side.review.meeting).toContainText('Item 1 of 3');
  }

  // Ana moves on: both participants follow within a second.
  await anaView.press('ArrowRight');
  await expect(anaView).toContainText('Item 2 of 3');
  await expect(ben.review.meeting).toContainText('Item 2 of 3', { timeout: 1_000 });
  await expect(cho.review.meeting).toContainText('Item 2 of 3', { timeout: 1_000 });
  await expect(ben.review.meeting).toContainText('Rolling back config 4411');

  // Ben steps away to look back; Ana's next move does not pull him; "Follow again" does.
  await ben.review.meeting.press('ArrowLeft');
  await expect(ben.review.meeting).toContainText('You stepped away');
  await expect(ben.review.meeting).toContainText('Item 1 of 3');
  await anaView.press('ArrowRight');
  await expect(cho.review.meeting).toContainText('Item 3 of 3', { timeout: 1_000 });
  await expect(ben.review.meeting).toContainText('Item 1 of 3');
  await ben.review.meeting.getByRole('button', { name: 'Follow again' }).click();
  await expect(ben.review.meeting).toContainText('Item 3 of 3');
  await expect(ben.review.meeting).toContainText('Following Ana');

  // The item timer is shared: Ana starts it, the participants see it run.
  await anaView.press('t');
  await expect(anaView.getByRole('button', { name: 'Pause timer' })).toBeVisible();
  await expect(cho.review.meeting.getByRole('timer')).not.toContainText('0:00 /', { timeout: 5_000 });

  // Cho asks a question from her laptop: it appears on Ana's projected screen, attributed.
  await cho.review.meeting.press('q');
  await cho.page.keyboard.type('Who can approve a config rollback at night?');
  await cho.page.keyboard.press('Control+Enter');
  await expect(anaView).toContainText('Who can approve a config rollback at night?');
  await expect(anaView.locator('.mt-annotations li').filter({ hasText: 'Who can approve' })).toContainText('Cho');

  // Ben adds an action item from his laptop: Ana's screen shows it, attributed, and it is an action item everywhere.
  await ben.review.meeting.press('a');
  await ben.page.keyboard.type('Add a canary step to config deploys');
  await ben.page.keyboard.press('Enter');
  await expect(ben.page.locator('.toast').filter({ hasText: 'Action item added: Add a canary step to config deploys' })).toBeVisible();
  const added = anaView.getByRole('region', { name: /^Action items added/ });
  await expect(added.getByRole('listitem').filter({ hasText: 'Add a canary step to config deploys' })).toContainText('Ben');

  // Ben raises his hand; Ana sees the queue and clears it once he has spoken.
  await ben.review.meeting.getByRole('button', { name: 'Raise hand' }).click();
  const hands = anaView.getByRole('region', { name: 'Raised hands' });
  await expect(hands).toContainText('Raised hands (1)');
  await expect(hands).toContainText('Ben');
  await ana.page.screenshot({ path: test.info().outputPath('facilitator-meeting.png') });
  await ben.page.screenshot({ path: test.info().outputPath('participant-meeting.png') });
  await hands.getByRole('button', { name: "Clear Ben's hand" }).click();
  await expect(hands).toContainText('Raised hands (0)');
  await expect(ben.review.meeting.getByRole('button', { name: 'Raise hand' })).toBeVisible();

  // Ben leaves and rejoins: he lands on the room's item again.
  await ben.review.meeting.getByRole('button', { name: 'Leave meeting' }).click();
  await ben.page.getByRole('region', { name: 'Meeting in progress' }).getByRole('button', { name: 'Join the meeting' }).click();
  await expect(ben.review.meeting).toContainText('Item 3 of 3');

  // Ana ends the meeting: the participants' views close, and the minutes land in the shared postmortem.
  await anaView.getByRole('button', { name: 'End meeting' }).click();
  await expect(ana.page.getByText('Meeting ended. Its minutes are at the end of the postmortem.')).toBeVisible();
  for (const side of [ben, cho]) await expect(side.review.meeting).toHaveCount(0);
  await expect(cho.page.getByRole('status').filter({ hasText: 'The facilitator ended the meeting.' })).toBeVisible();
  for (const side of [ana, ben, cho]) {
    await side.pm.open();
    await expect(side.pm.editor).toContainText('Review meeting minutes');
    await expect(side.pm.editor).toContainText('Attended: Ana, Ben, Cho');
    await expect(side.pm.editor).toContainText('Spoke up: Ben');
    await expect(side.pm.editor).toContainText('Who can approve a config rollback at night? — Cho');
    await expect(side.pm.editor).toContainText('Add a canary step to config deploys — added by Ben');
  }

  // After the meeting the participants write the postmortem together, each on their machine, at the same time.
  await ben.pm.putCaret(ben.pm.editor.locator('p').filter({ hasText: 'A config deploy made checkout return 5xx.' }));
  await cho.pm.putCaret(cho.pm.editor.locator('li').filter({ hasText: 'Who can approve a config rollback at night?' }));
  await Promise.all([
    ben.page.keyboard.type(' The canary stage did not cover config changes.', { delay: 15 }),
    cho.page.keyboard.type(' Decided: the on-call lead can.', { delay: 15 }),
  ]);
  // Ana refreshes the generated tables while they are done: Ben's action item enters "What we are changing".
  await ana.pm.regenerate();
  for (const side of [ana, ben, cho]) {
    await expect(side.pm.editor).toContainText('The canary stage did not cover config changes.');
    await expect(side.pm.editor).toContainText('Decided: the on-call lead can.');
  }
  await ana.page.screenshot({ path: test.info().outputPath('facilitator-postmortem.png'), fullPage: true });
  await cho.page.screenshot({ path: test.info().outputPath('participant-postmortem.png') });

  // The postmortem they wrote exports to the same Markdown bytes from each machine.
  const [anaMarkdown, ...others] = await exportedMarkdownOfEach([ana, ben, cho]);
  expect(anaMarkdown).toContain('A config deploy made checkout return 5xx. The canary stage did not cover config changes.');
  expect(anaMarkdown).toContain('Who can approve a config rollback at night? — Cho Decided: the on-call lead can.');
  expect(anaMarkdown).toContain('## Review meeting minutes');
  expect(anaMarkdown.match(/Add a canary step to config deploys/g)).toHaveLength(2);
  for (const markdown of others) expect(markdown).toBe(anaMarkdown);
});
