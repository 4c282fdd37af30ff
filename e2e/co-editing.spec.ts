import { expect, test } from './fixtures';
import { exportedMarkdownOfEach } from './pages/team';

test('three people co-edit the postmortem live: text converges, cursors and avatars show who is there, Markdown is the same everywhere', async ({ team }) => {
  test.setTimeout(300_000);
  const ana = await team.share('ana', { title: 'Checkout returns 5xx', severity: 'SEV2', services: 'checkout', commander: 'Ana' }, (owner) => owner.pm.startDraft());

  const ben = await team.join('ben');
  await ben.pm.open();
  // Ben gets the draft Ana wrote before sharing: her machine seeded the shared document.
  await expect(ben.pm.editor).toContainText('Checkout returns 5xx');
  await expect(ana.pm.toolbar.getByRole('group', { name: '2 people here' })).toBeVisible();
  await expect(ben.pm.toolbar.getByRole('group', { name: '2 people here' })).toBeVisible();

  // Both type into the same paragraph at once: Ana at its end, Ben at its start.
  await ana.pm.putCaret(ana.pm.lastParagraph);
  await ben.pm.putCaret(ben.pm.lastParagraph, 'start');
  await Promise.all([ana.page.keyboard.type(' Ana wrote this.', { delay: 15 }), ben.page.keyboard.type('Ben wrote that. ', { delay: 15 })]);
  for (const side of [ana, ben]) {
    await expect(side.pm.editor).toContainText('Ana wrote this.');
    await expect(side.pm.editor).toContainText('Ben wrote that.');
  }
  expect(await ana.pm.editor.innerText()).toBe(await ben.pm.editor.innerText());
  // Each sees the other's cursor, labelled with their name.
  await expect(ana.page.locator('.editor-cursors').getByText('Ben', { exact: true })).toBeVisible();
  await expect(ben.page.locator('.editor-cursors').getByText('Ana', { exact: true })).toBeVisible();
  await ana.page.screenshot({ path: test.info().outputPath('ana-co-editing.png') });

  // A third person joins; Cho goes offline, types, and comes back.
  const cho = await team.join('cho');
  await cho.pm.open();
  await expect(cho.pm.editor).toContainText('Ben wrote that.');
  await expect(ana.pm.toolbar.getByRole('group', { name: '3 people here' })).toBeVisible();
  await cho.page.context().setOffline(true);
  await cho.pm.putCaret(cho.pm.lastParagraph);
  await cho.page.keyboard.type(' Cho, offline.');
  await ana.pm.putCaret(ana.pm.lastParagraph);
  await ana.page.keyboard.type(' Ana, meanwhile.');
  await cho.page.context().setOffline(false);
  for (const side of [ana, ben, cho]) {
    await expect(side.pm.editor).toContainText('Cho, offline.', { timeout: 30_000 });
    await expect(side.pm.editor).toContainText('Ana, meanwhile.');
  }

  // Undo takes back only your own typing.
  await ben.pm.putCaret(ben.pm.lastParagraph);
  await ben.page.keyboard.type(' Typo here');
  await expect(ana.pm.editor).toContainText('Typo here');
  await ben.page.keyboard.press('Control+z');
  for (const side of [ana, ben, cho]) {
    await expect(side.pm.editor).not.toContainText('Typo here');
    await expect(side.pm.editor).toContainText('Ana, meanwhile.');
  }

  // The same document state exports the same Markdown bytes on every machine.
  const exports = await exportedMarkdownOfEach([ana, ben, cho]);
  expect(exports[0]).toContain('Ana wrote this.');
  expect(exports[1]).toBe(exports[0]);
  expect(exports[2]).toBe(exports[0]);
  await ben.page.screenshot({ path: test.info().outputPath('ben-co-editing.png') });
});

test("a teammate's cursor label stays on their text when the text moves on your screen only", async ({ team }) => {
  test.setTimeout(180_000);
  const ana = await team.share('ana', { title: 'Queue backlog', severity: 'SEV3', services: 'queue', commander: 'Ana' }, (owner) => owner.pm.startDraft());
  const ben = await team.join('ben');
  await ben.pm.open();
  await ben.pm.putCaret(ben.pm.lastParagraph);
  const words = ' The consumer lag alert fired twice before anyone looked at the dashboard, because the threshold was tuned for the old traffic pattern and nobody owned it.';
  await ben.page.keyboard.type(words);
  const paragraph = ana.pm.editor.locator('p').filter({ hasText: 'nobody owned it.' });
  await expect(paragraph).toBeVisible();
  const label = ana.page.locator('.editor-cursors').getByText('Ben', { exact: true });
  await expect(label).toBeVisible();
  // Ben's caret is at the end of his paragraph: its label must sit on the paragraph's last line.
  const onLastLine = async (): Promise<boolean> => {
    const [labelBox, textBox] = await Promise.all([label.boundingBox(), paragraph.boundingBox()]);
    if (!labelBox || !textBox) return false;
    const lastLineTop = textBox.y + textBox.height - 2 * labelBox.height;
    const middle = labelBox.y + labelBox.height / 2;
    return middle > lastLineTop - labelBox.height && middle < textBox.y + textBox.height && labelBox.x >= textBox.x && labelBox.x <= textBox.x + textBox.width;
  };
  await expect.poll(onLastLine).toBe(true);
  const wide = await paragraph.boundingBox();

  // Ana's window gets narrower: the paragraph rewraps on her screen only, so nothing reaches Ben
  // and his cursor does not move; its label must follow the rewrapped text all the same.
  await ana.page.setViewportSize({ width: 760, height: 900 });
  await expect.poll(async () => (await paragraph.boundingBox())?.height ?? 0).toBeGreaterThan(wide?.height ?? 0);
  // Within 1.5 s: Ben's machine re-announces his (unchanged) cursor every 15 s, which would hide a
  // label that only follows the text when that happens.
  await expect.poll(onLastLine, { message: "Ben's label is at the end of his paragraph on Ana's screen", timeout: 1_500 }).toBe(true);
  await paragraph.scrollIntoViewIfNeeded();
  await expect.poll(onLastLine).toBe(true);
  await ana.page.screenshot({ path: test.info().outputPath('ana-sees-ben-after-rewrap.png') });
});

test('review status travels: approval by a teammate locks the postmortem for everyone until it is reopened; versions reach the team', async ({ team }) => {
  test.setTimeout(240_000);
  const ana = await team.share('ana', { title: 'Search latency', severity: 'SEV3', services: 'search', commander: 'Ana' }, (owner) => owner.pm.startDraft());
  const ben = await team.join('ben');
  await ben.pm.open();
  await expect(ben.pm.editor).toContainText('Search latency');

  const review = (side: typeof ana) => side.pm.toolbar.getByRole('group', { name: 'Review status' });
  await expect(review(ana).getByRole('status')).toHaveText('Draft');
  await review(ana).getByRole('button', { name: 'Send for review' }).click();
  await expect(review(ben).getByRole('status')).toHaveText('In review');
  await review(ben).getByRole('button', { name: 'Approve…' }).click();
  await expect(ben.page.getByRole('dialog').getByLabel('Approved by')).toHaveValue('Ben');
  await ben.page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  for (const side of [ana, ben]) {
    await expect(review(side).getByRole('status')).toHaveText('Approved');
    await expect(review(side)).toContainText('Approved by Ben');
    await expect(side.pm.editor).toHaveAttribute('contenteditable', 'false');
    await expect(side.pm.toolbar.getByRole('button', { name: 'Regenerate' })).toBeDisabled();
  }
  await ana.page.screenshot({ path: test.info().outputPath('ana-approved.png') });

  await review(ana).getByRole('button', { name: 'Reopen' }).click();
  for (const side of [ana, ben]) {
    await expect(review(side).getByRole('status')).toHaveText('Draft');
    await expect(side.pm.editor).toHaveAttribute('contenteditable', 'true');
  }

  // A version Ana saves is in Ben's Versions, with its text.
  await ana.pm.saveVersion('Sent to reviewers');
  await ben.pm.toolbar.getByRole('button', { name: 'Versions' }).click();
  await ben.pm.dialog.getByText('Sent to reviewers').click();
  await expect(ben.pm.dialog).toContainText('Search latency');
});

test('a comment thread round trip: a teammate sees the commented text, replies, it resolves for both and reopens with its text marked again; the export leaves comments out', async ({ team }) => {
  test.setTimeout(240_000);
  const ana = await team.share('ana', { title: 'Queue backlog', severity: 'SEV3', services: 'jobs', commander: 'Ana' }, (owner) => owner.pm.startDraft());
  const ben = await team.join('ben');
  await ben.pm.open();
  await expect(ben.pm.editor).toContainText('Queue backlog');
  await expect(ana.pm.toolbar.getByRole('button', { name: 'Comment', exact: true })).toBeDisabled();

  await ana.pm.commentOn('Queue backlog', 'Is “backlog” the word the customers saw?');
  const markdownWithComment = (await ana.pm.exportMarkdown()).text;
  expect(markdownWithComment).not.toContain('customers saw');

  // Ben sees the commented text highlighted and the thread beside the document.
  const benThread = ben.pm.thread('Queue backlog');
  await expect(benThread).toContainText('Ana');
  await expect(benThread).toContainText('Is “backlog” the word the customers saw?');
  await expect(ben.pm.editor.locator('mark', { hasText: 'Queue backlog' }).first()).toBeVisible();
  await benThread.getByRole('button', { name: 'Reply…' }).click();
  await benThread.getByRole('combobox', { name: 'Reply' }).fill('Yes: the status page said “delayed”.');
  await benThread.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(ana.pm.thread('Queue backlog')).toContainText('Yes: the status page said “delayed”.');
  await ben.page.screenshot({ path: test.info().outputPath('ben-comment-thread.png') });

  // Resolving takes the highlight off for everyone; the thread stays under "resolved".
  await ana.pm.thread('Queue backlog').getByRole('button', { name: 'Resolve' }).click();
  for (const side of [ana, ben]) {
    await expect(side.pm.editor.locator('mark')).toHaveCount(0);
    await expect(side.pm.comments.getByRole('button', { name: 'Show 1 resolved' })).toBeVisible();
  }
  await ben.pm.comments.getByRole('button', { name: 'Show 1 resolved' }).click();
  await expect(ben.pm.thread('Queue backlog')).toContainText('Resolved by Ana');
  // The same text with and without comments exports the same bytes.
  expect((await ana.pm.exportMarkdown()).text).toBe(markdownWithComment);

  // Reopened, the thread highlights its text again, for both.
  await ben.pm.thread('Queue backlog').getByRole('button', { name: 'Reopen' }).click();
  for (const side of [ana, ben]) {
    await expect(side.pm.editor.locator('mark', { hasText: 'Queue backlog' }).first()).toBeVisible();
    await expect(side.pm.thread('Queue backlog')).not.toContainText('Resolved by');
  }
  expect((await ana.pm.exportMarkdown()).text).toBe(markdownWithComment);
});

test('an @mention in a comment notifies the teammate on their machine, wherever they are in the app, and Open shows the thread', async ({ team }) => {
  test.setTimeout(240_000);
  const ana = await team.share('ana', { title: 'Cache stampede', severity: 'SEV2', services: 'api', commander: 'Ana' }, (owner) => owner.pm.startDraft());
  const ben = await team.join('ben', { permissions: ['notifications'] });
  // Ben is on the timeline, not the postmortem: the notice must reach him anyway.
  await expect(ben.page.getByRole('tab', { name: /Timeline/, selected: true })).toBeVisible();
  // Records the desktop notifications the page shows (the real ones are still shown).
  await ben.page.evaluate(() => {
    const Real = window.Notification;
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title} | ${options?.body ?? ''}`);
      }
    }
    window.Notification = Recorded as typeof Notification;
  });

  // Ana mentions Ben, picking his name from the suggestions.
  await ana.pm.selectText('Cache stampede');
  await ana.pm.toolbar.getByRole('button', { name: 'Comment', exact: true }).click();
  const box = ana.pm.comments.getByRole('combobox', { name: 'New comment' });
  await box.pressSequentially('Can you add the cache hit rate? @Be');
  await ana.pm.comments.getByRole('option', { name: 'Ben' }).click();
  await expect(box).toHaveValue('Can you add the cache hit rate? @Ben ');
  await box.press('Control+Enter');
  await expect(ana.pm.thread('Cache stampede')).toBeVisible();

  const toast = ben.page.locator('.toast').filter({ hasText: 'Ana mentioned you' });
  await expect(toast).toContainText('Can you add the cache hit rate? @Ben');
  await expect(ben.page.getByRole('button', { name: 'Mentions, 1 unread' })).toBeVisible();
  await expect.poll(() => ben.page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toEqual([
    'Ana mentioned you | On “Cache stampede”: Can you add the cache hit rate? @Ben',
  ]);
  await ben.page.screenshot({ path: test.info().outputPath('ben-mentioned.png') });
  // Ana, who wrote it, is not notified of her own comment.
  await expect(ana.page.getByRole('button', { name: /^Mentions/ })).toHaveCount(0);

  await toast.getByRole('button', { name: 'Open' }).click();
  await expect(ben.pm.thread('Cache stampede')).toHaveAttribute('aria-current', 'true');
  await expect(ben.page.getByRole('button', { name: 'Mentions', exact: true })).toBeVisible();
  await ben.page.screenshot({ path: test.info().outputPath('ben-opened-mention.png') });

  // A reload does not notify again.
  await ben.page.reload();
  await expect(ben.page.getByRole('button', { name: 'Mentions', exact: true })).toBeVisible();
  await expect(ben.page.locator('.toast').filter({ hasText: 'mentioned you' })).toHaveCount(0);

  // "@" in the postmortem text offers the teammates present; mentioning Ben there notifies him too.
  await ben.page.getByRole('tab', { name: /Timeline/ }).click();
  await ana.pm.typeAfter('Incident Commander: Ana', ' Owner: @Be');
  await ana.page.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: 'Ben' }).click();
  await expect(ana.pm.editor.locator('.editor-mention', { hasText: '@Ben' })).toBeVisible();
  await expect(ben.page.locator('.toast').filter({ hasText: 'A teammate mentioned you' })).toContainText('Owner: @Ben');
  await expect(ben.page.getByRole('button', { name: 'Mentions, 1 unread' })).toBeVisible();
});
