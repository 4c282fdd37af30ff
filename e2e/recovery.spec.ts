import { expect, test } from './fixtures';

test('when an old window holds the database, the app explains it, and Try again recovers without losing data', async ({ page, context }) => {
  // Another (older) program on the same origin holds the database open and ignores upgrade requests.
  await page.route('**/blank.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>old window</title>' }));
  await page.goto('/blank.html');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('debrief', 1);
        request.onsuccess = () => {
          (window as unknown as { held: IDBDatabase }).held = request.result;
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );

  const app = await context.newPage();
  await app.goto('/');
  await expect(app.getByRole('heading', { name: 'Another Debrief window is using your data' })).toBeVisible();
  await expect(app.getByText('No incidents yet')).toHaveCount(0);

  await page.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
  await app.getByRole('button', { name: 'Try again' }).click();
  await expect(app.getByRole('heading', { name: 'No incidents yet' })).toBeVisible();
});
