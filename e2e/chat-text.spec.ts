import { expect, test } from './fixtures';
import { PostmortemPage } from './pages/postmortem-page';
import { ReviewPage } from './pages/review-page';
import { TimelinePage } from './pages/timeline-page';
import { openSlackFormattingIncident } from './pages/slack-formatting-incident';

/**
 * Slack mrkdwn is rendered, never shown raw: in the timeline, in the meeting view and, as
 * Markdown, in the postmortem (fixture: e2e/fixtures/import/slack-formatting).
 */
test('Slack formatting, emoji and mentions render in the timeline, the meeting view and the postmortem', async ({ page, network }) => {
  await openSlackFormattingIncident(page);

  const tl = new TimelinePage(page);
  const declared = tl.row(/SEV2.*declared/);
  await expect(declared.locator('strong')).toHaveText('SEV2');
  await expect(declared.locator('em')).toHaveText('502s');
  await expect(declared.locator('s')).toHaveText('16:00');
  await expect(declared.locator('code')).toHaveText('payments-api');
  await expect(declared.getByRole('img', { name: 'rotating light' })).toHaveText('🚨');
  // The whole name is one mention, not "@Maria" and "Lopez".
  await expect(declared.locator('.chat-mention')).toHaveText('@Maria Lopez');
  await expect(declared).not.toContainText('*SEV2*');
  await expect(declared).not.toContainText(':rotating_light:');

  const plan = tl.row(/on it\. Plan/);
  await expect(plan.locator('blockquote')).toHaveText('customers see 502s on /pay');
  await expect(plan.getByRole('img', { name: '+1' })).toHaveText('👍🏼');
  await expect(plan.locator('ul li')).toHaveText(['check the checkout dashboard', 'roll back the config']);
  await expect(plan.locator('ul li').first().getByRole('link', { name: 'checkout dashboard' })).toBeVisible();
  await expect(plan.locator('pre')).toHaveText('kubectl rollout undo deploy/payments-api');
  await expect(plan).not.toContainText('```');

  const clear = tl.row(/All Clear/);
  await expect(clear.locator('strong')).toHaveText('All Clear');
  await expect(clear.locator('.chat-emoji-custom')).toHaveText(':partyparrot:');
  await expect(clear.locator('.tl-reaction')).toContainText('🎉 1');
  await page.screenshot({ path: test.info().outputPath('chat-text-timeline.png') });

  // The meeting view shows a key moment's message with the same formatting.
  await tl.select(/SEV2.*declared/);
  await page.keyboard.press('p');
  await expect(declared).toContainText('key moment');
  const review = new ReviewPage(page);
  await review.open();
  await page.keyboard.press('f');
  await expect(review.meeting).toBeVisible();
  await expect(review.meeting.locator('strong')).toHaveText('SEV2');
  await expect(review.meeting.locator('.chat-mention')).toHaveText('@Maria Lopez');
  await expect(review.meeting.getByRole('img', { name: 'rotating light' })).toBeVisible();
  await expect(review.meeting).not.toContainText('*SEV2*');
  await page.screenshot({ path: test.info().outputPath('chat-text-meeting.png') });
  await page.keyboard.press('Escape');

  // The postmortem's timeline carries it as Markdown: bold, code, emoji, a safe link.
  const pm = new PostmortemPage(page);
  await pm.open();
  await pm.createDraft('Incident review');
  await expect(pm.editor.locator('strong', { hasText: 'SEV2' }).first()).toBeVisible();
  await expect(pm.editor.locator('code', { hasText: 'payments-api' }).first()).toBeVisible();
  await expect(pm.editor).toContainText('🚨');
  await expect(pm.editor).not.toContainText('*SEV2*');
  await page.screenshot({ path: test.info().outputPath('chat-text-postmortem.png') });
  const { text } = await pm.exportMarkdown();
  expect(text).toContain('**SEV2**');
  expect(text).toContain('[checkout dashboard](https://grafana.example/d/checkout)');
  expect(text).toContain('`kubectl rollout undo deploy/payments-api`');
  expect(text).not.toContain(':rotating_light:');
  expect(network.external).toEqual([]);
});
