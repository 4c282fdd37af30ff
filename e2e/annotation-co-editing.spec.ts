import { expect, test } from './fixtures';

test('three people co-edit one annotation live: concurrent typing converges with every character, cursors and "writing here" show who, undo takes back only your own text', async ({ team }) => {
  test.setTimeout(300_000);
  const ana = await team.share('ana', { title: 'Queue backlog', severity: 'SEV2', services: 'queue', commander: 'Ana' });
  const ben = await team.join('ben');
  const cho = await team.join('cho');

  await ana.review.open();
  await ana.review.setName('Ana');
  await ana.review.addAnnotation('The whole incident');
  await ana.page.keyboard.type('The alert fired early.');
  for (const side of [ben, cho]) {
    await side.review.open();
    await expect(side.review.card('The alert fired early.')).toBeVisible();
  }
  const card = (side: typeof ana) => side.review.card('The alert');
  const text = (side: typeof ana) => side.review.editorOf(card(side));

  // All three type into the same paragraph at once: Ana at its end, Ben after "The alert", Cho at its start.
  await ana.review.putCaret(card(ana));
  await ben.review.putCaret(card(ben), 'The alert'.length);
  await cho.review.putCaret(card(cho), 'start');
  await Promise.all([
    ana.page.keyboard.type(' Ana typed this.', { delay: 20 }),
    ben.page.keyboard.type(' (Ben typed that)', { delay: 20 }),
    cho.page.keyboard.type('Cho first. ', { delay: 20 }),
  ]);
  for (const side of [ana, ben, cho]) {
    for (const typed of ['Ana typed this.', 'The alert (Ben typed that) fired early.', 'Cho first.']) await expect(text(side)).toContainText(typed);
  }
  const converged = await text(ana).innerText();
  expect(await text(ben).innerText()).toBe(converged);
  expect(await text(cho).innerText()).toBe(converged);
  // Every character typed is there once.
  expect(converged).toBe('Cho first. The alert (Ben typed that) fired early. Ana typed this.');

  // Each sees the others' cursors, labelled with their names, and who is writing in this annotation.
  await expect(card(ana).locator('.editor-cursors').getByText('Ben', { exact: true })).toBeVisible();
  await expect(card(ana).locator('.editor-cursors').getByText('Cho', { exact: true })).toBeVisible();
  await expect(card(ana).getByText(/writing here/)).toContainText('Ben');
  await expect(card(ben).locator('.editor-cursors').getByText('Ana', { exact: true })).toBeVisible();
  await ana.page.screenshot({ path: test.info().outputPath('ana-annotation-co-editing.png') });

  // Undo takes back only Ben's own typing.
  await ben.review.putCaret(card(ben));
  await ben.page.keyboard.type(' Typo here');
  await expect(text(ana)).toContainText('Typo here');
  await ben.page.keyboard.press('Control+z');
  for (const side of [ana, ben, cho]) {
    await expect(text(side)).not.toContainText('Typo here');
    await expect(text(side)).toContainText('Ana typed this.');
    await expect(text(side)).toContainText('Cho first.');
  }

  // Cho offline types; Ana types meanwhile; back online, all three have both.
  await cho.page.context().setOffline(true);
  await cho.review.putCaret(card(cho));
  await cho.page.keyboard.type(' Cho, offline.');
  await ana.review.putCaret(card(ana));
  await ana.page.keyboard.type(' Ana, meanwhile.');
  await cho.page.context().setOffline(false);
  for (const side of [ana, ben, cho]) {
    await expect(text(side)).toContainText('Cho, offline.', { timeout: 30_000 });
    await expect(text(side)).toContainText('Ana, meanwhile.');
  }

  // The stored text (search, export, the meeting) is the same on every machine.
  const final = await text(ana).innerText();
  for (const side of [ana, ben, cho]) {
    await expect.poll(async () => Object.values(await side.review.storedTexts())).toEqual([final]);
  }
  await cho.page.screenshot({ path: test.info().outputPath('cho-annotation-co-editing.png') });
});
