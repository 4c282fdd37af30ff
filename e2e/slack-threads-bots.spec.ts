import { expect, test } from './fixtures';
import { TimelinePage } from './pages/timeline-page';
import { openSlackFormattingIncident } from './pages/slack-formatting-incident';

/**
 * Who said what in a Slack export: a thread reply also sent to the channel stands in the channel
 * flow, a bot is named (from its bot_add), a file comment is credited to its commenter
 * (fixture: e2e/fixtures/import/slack-formatting).
 */
test('a broadcast thread reply shows in the channel flow; bots and file comments are attributed by name', async ({ page }) => {
  await openSlackFormattingIncident(page);

  const tl = new TimelinePage(page);
  // The thread is closed: its quiet reply is hidden, the broadcast one is in the channel flow.
  const broadcast = tl.row('Found it: the pool was capped at 5');
  await expect(broadcast).toHaveCount(1);
  await expect(broadcast).toContainText('also sent to the channel');
  await expect(broadcast.locator('.tl-actor')).toHaveText('Maria Lopez');
  await expect(tl.row('pool size looks fine from here')).toHaveCount(0);
  // Opening the thread shows both replies, the broadcast one marked there too.
  await tl.select('Investigating the DB pool');
  await page.keyboard.press('t');
  await expect(tl.row('pool size looks fine from here')).toHaveCount(1);
  await expect(tl.row('Found it: the pool was capped at 5')).toHaveCount(2);

  // The deploy bot posts under the name it was added with, never its id.
  await expect(tl.row('config 2024.06.12-2 rolled back').locator('.tl-actor')).toHaveText('deploy-bot');
  await expect(tl.list).not.toContainText('B0DEPLOY');
  await expect(tl.row('added an integration').locator('.tl-kind')).toHaveText('system');
  // A file comment is the commenter's.
  await expect(tl.row('spike starts at 14:00 exactly').locator('.tl-actor')).toHaveText('Maria Lopez');
  await page.screenshot({ path: test.info().outputPath('slack-threads-bots.png') });
});
