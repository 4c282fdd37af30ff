// `npm run bench:join`: a teammate joins a shared 100k-event incident in the real app, in a real
// browser, through the real sync server, the way a user does (Team sync → Join incident… → the
// invite), and the figure is the time from Join until their Timeline counts every event. Goal
// (issue "Team sync"): under 10 s on this machine. The share (the facilitator's side) is printed too.
import { join } from 'node:path';
import { createIncident, importThroughWizard, openApp } from '../app-driver.mjs';
import { launchChromium, line, loadAverage, seconds, serveAll } from '../bench-server.mjs';
import { DATA_DIR, EXPORTS, generateExports } from '../generate-slack-export.mjs';
import { startE2eSyncServer } from '../../e2e/team-sync-server.ts';

const JOIN_GOAL_MS = 10_000;

/** Settings → Team sync, then the restart the first server needs (its origin enters the CSP at boot). */
async function connect(page, server, token, name) {
  await page.getByRole('banner').getByRole('button', { name: /Team sync/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Server address').fill(server);
  await dialog.getByLabel('Team').fill('acme');
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByLabel('Access token').fill(token);
  await dialog.getByRole('button', { name: 'Save and connect' }).click();
  await dialog.getByRole('button', { name: 'Restart now' }).click();
  await page.getByRole('banner').getByRole('status', { name: /^Team sync/ }).waitFor();
}

const chip = (page) => page.locator('.workspace-actions').getByRole('status', { name: /^This incident/ });

/** Waits until the incident's chip says Synced, printing what it says meanwhile. */
async function untilSynced(page, who) {
  const deadline = Date.now() + 300_000;
  let said = '';
  while (Date.now() < deadline) {
    const text = ((await chip(page).textContent().catch(() => '')) ?? '').trim();
    if (text === 'Synced') return;
    if (text !== said) console.error(`join bench: ${who}'s incident says "${text}"`);
    said = text;
    await page.waitForTimeout(250);
  }
  throw new Error(`${who}'s incident never said Synced (last: "${said}")`);
}

await generateExports({ only: '100k' });
const site = await serveAll();
const sync = await startE2eSyncServer({ ana: { team: 'acme', role: 'editor' }, ben: { team: 'acme', role: 'editor' } });
const browser = await launchChromium();
const contexts = [];
try {
  const open = async (name, token) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await openApp(context, site.origin);
    await connect(page, sync.url, token, name);
    return page;
  };
  const ana = await open('Ana', sync.tokens.ana ?? '');
  await createIncident(ana, { title: 'Bench: shared 100k-event incident', started: '2024-06-12T02:00', resolved: '2024-06-21T22:00' });
  console.error('join bench: importing the 100k-message export…');
  const imported = await importThroughWizard(ana, join(DATA_DIR, EXPORTS['100k'].file));
  const total = (await ana.locator('.tl-count').textContent({ timeout: 120_000 })) ?? '';
  console.error(`join bench: imported (${imported.summary?.trim()}), the Timeline says ${total}; sharing…`);

  const loadAtShare = loadAverage();
  const shareStarted = Date.now();
  await ana.locator('.workspace-actions').getByRole('button', { name: 'Share…' }).click();
  await ana.getByRole('dialog').getByRole('button', { name: 'Share with acme' }).click();
  const inviteField = ana.getByRole('dialog').getByLabel('Invite');
  await inviteField.waitFor();
  const invite = await inviteField.inputValue();
  await ana.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await untilSynced(ana, 'Ana');
  const shareMs = Date.now() - shareStarted;

  const ben = await open('Ben', sync.tokens.ben ?? '');
  await ben.getByRole('banner').getByRole('button', { name: 'Join incident…' }).click();
  await ben.getByRole('dialog').getByLabel('Invite').fill(invite);
  const joinStarted = Date.now();
  await ben.getByRole('dialog').getByRole('button', { name: 'Join' }).click();
  await ben.locator('.tl-count').filter({ hasText: total }).waitFor({ timeout: 300_000 });
  const joinMs = Date.now() - joinStarted;

  console.log(`Team sync through the app in Chromium (${loadAtShare} at the share; ${loadAverage()} after the join)`);
  line('Share a 100k-event incident (Share… until Synced)', seconds(shareMs));
  line(`Join it (Join until the Timeline says "${total}")`, seconds(joinMs), '< 10 s', joinMs < JOIN_GOAL_MS);
} catch (error) {
  // The server's side of a failure (a refused or dropped update says why there).
  for (const entry of sync.process.logs) if (entry.level === 'warn' || entry.level === 'error') console.error(`join bench: server ${entry.level}: ${JSON.stringify(entry)}`);
  throw error;
} finally {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser.close();
  await sync.stop();
  await site.close();
}
