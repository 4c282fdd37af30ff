import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import type { ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import { createTestDatabases } from '@db/test-database';
import { discardSource, emitEventChange, loadVisibleEvents } from '@data/events';
import { putTestSource } from '@data/events/test-events';
import { MIN_MAX_MESSAGE_MB } from '@protocol/message-limits';
import { openSqliteStore } from '../../../server/store/sqlite-store.ts';
import { issueToken } from '../../../server/tokens/issue-token.ts';
import { killAllServerProcesses, startServerProcess, type ServerProcess } from '../../../server/test/server-process.ts';
import { waitUntil } from '../../../server/test/test-client.ts';
import { patchIncident } from '../incidents/incident-writes';
import { putRecord } from '../write-log';
import { checkTeamSyncInput } from './sync-settings';
import { TeamSync } from './team-sync';

const openDatabase = createTestDatabases('team-sync');

/** Two Debrief apps (each its own database) and the real sync server started as `npm run server` does. */
describe('team sync against the real server', { timeout: 60_000 }, () => {
  let dataDir: string;
  let server: ServerProcess;
  const tokens = { ana: '', ben: '', viewer: '', otherTeam: '' };
  const apps: TeamSync[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'debrief-team-sync-'));
    const store = openSqliteStore(dataDir);
    tokens.ana = (await issueToken(store, { team: 'acme', role: 'editor' })).token;
    tokens.ben = (await issueToken(store, { team: 'acme', role: 'editor' })).token;
    tokens.viewer = (await issueToken(store, { team: 'acme', role: 'viewer' })).token;
    tokens.otherTeam = (await issueToken(store, { team: 'globex', role: 'editor' })).token;
    await store.close();
    // The smallest message limit the server allows, and Yjs in development mode (it deep-freezes
    // "any" content, which fails on binary inside objects): what ships must pass both.
    server = await startServerProcess(['--data', dataDir, '--max-message-mb', String(MIN_MAX_MESSAGE_MB)], { env: { NODE_ENV: 'development' } });
  }, 60_000);

  afterAll(() => {
    for (const app of apps) app.stop();
    killAllServerProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function app(userName: string, token: string, team = 'acme') {
    const database = await openDatabase();
    const errors: unknown[] = [];
    const sync = new TeamSync(database, {
      persistence: false,
      WebSocketPolyfill: WebSocket,
      reconnect: { delay: 50, minDelay: 50, maxDelay: 300 },
      onError: (error) => errors.push(error),
    });
    apps.push(sync);
    await sync.configure(checkTeamSyncInput({ server: server.url, team, token, userName, insecureConfirmed: false }));
    return { database, sync, errors };
  }

  const incident: Incident = {
    id: 'inc-checkout',
    title: 'Checkout down',
    severity: 'SEV1',
    status: 'in-review',
    startedAt: 1_700_000_000_000,
    detectedAt: 1_700_000_060_000,
    resolvedAt: 1_700_000_900_000,
    reviewAt: null,
    timeZone: 'Europe/Paris',
    services: ['checkout', 'payments'],
    commander: 'Ana',
    roles: [{ role: 'Incident Commander', name: 'Ana' }],
    summary: 'Payments timed out.',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    deletedAt: null,
  };
  const item: ActionItem = {
    id: 'item-canary',
    incidentId: 'inc-checkout',
    title: 'Canary the payment gateway',
    description: '',
    ownerId: null,
    ownerName: 'Ana',
    priority: 'P2',
    status: 'open',
    wontDoReason: '',
    kind: 'prevent',
    createdAt: 1_700_000_000_000,
    dueAt: 1_701_000_000_000,
    dueSetByHand: false,
    completedAt: null,
    trackerUrl: 'https://tracker.example/PAY-1',
    eventIds: [],
    annotationIds: [],
    updatedAt: 1_700_000_000_000,
  };

  test('share, join with the invite, then edits travel both ways and Leave keeps the copy', async () => {
    const ana = await app('Ana', tokens.ana);
    const ben = await app('Ben', tokens.ben);
    await putRecord(ana.database, 'incidents', incident);
    await putRecord(ana.database, 'actionItems', item);

    const invite = await ana.sync.share(incident.id);
    expect(ana.sync.isShared(incident.id)).toBe(true);
    await waitUntil(() => ana.sync.status(incident.id).state === 'synced', 15_000, 'Ana synced');

    expect(await ben.sync.join(invite)).toBe(incident.id);
    expect(await ben.database.incidents.get(incident.id)).toMatchObject({ title: 'Checkout down', services: ['checkout', 'payments'], deletedAt: null });
    expect(await ben.database.actionItems.get(item.id)).toMatchObject({ ownerName: 'Ana', trackerUrl: 'https://tracker.example/PAY-1' });

    // Through the data layer, as the app writes (sync hears of writes from the write log).
    await putRecord(ben.database, 'actionItems', { ...item, status: 'in-progress', ownerName: 'Ben', updatedAt: Date.now() });
    await patchIncident(incident.id, { title: 'Checkout down (EU)', updatedAt: Date.now() }, ana.database);
    await vi.waitFor(
      async () => {
        expect(await ana.database.actionItems.get(item.id)).toMatchObject({ status: 'in-progress', ownerName: 'Ben' });
        expect((await ben.database.incidents.get(incident.id))?.title).toBe('Checkout down (EU)');
      },
      { timeout: 15_000, interval: 50 },
    );

    await ben.sync.leave(incident.id);
    expect(ben.sync.isShared(incident.id)).toBe(false);
    await patchIncident(incident.id, { title: 'Checkout down (EU, all regions)', updatedAt: Date.now() }, ana.database);
    await waitUntil(() => ana.sync.status(incident.id).state === 'synced', 15_000, 'Ana synced');
    expect((await ben.database.incidents.get(incident.id))?.title).toBe('Checkout down (EU)');
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  });

  test('imported events travel as whole blocks: a joiner gets the timeline, a later import and a removal', async () => {
    const ana = await app('Ana', tokens.ana);
    const ben = await app('Ben', tokens.ben);
    const incidentId = 'inc-events';
    await putRecord(ana.database, 'incidents', { ...incident, id: incidentId });
    const events = Array.from({ length: 9 }, (_, i) => ({ at: 1_700_000_000_000 + i * 1000, text: `deploy step ${i}`, actorName: 'ci-bot' }));
    await putTestSource(ana.database, { id: 'src-deploys', incidentId, state: 'committed' }, events, 4);
    const invite = await ana.sync.share(incidentId);
    await waitUntil(() => ana.sync.status(incidentId).state === 'synced', 15_000, 'Ana synced');

    await ben.sync.join(invite);
    const timeline = await loadVisibleEvents(ben.database, incidentId);
    expect(timeline.map((e) => e.text)).toEqual(events.map((e) => e.text));
    expect(await ben.database.eventBlocks.where('incidentId').equals(incidentId).count()).toBe(3);

    // Ben imports something later; Ana gets it. Then Ana removes the first import; Ben loses it too.
    await putTestSource(ben.database, { id: 'src-alerts', incidentId, state: 'committed', importedAt: 2 }, [{ at: 1_700_000_000_500, text: 'alert fired' }]);
    emitEventChange({ database: ben.database.name, incidentId, type: 'sources', sourceId: 'src-alerts' });
    await vi.waitFor(async () => expect((await loadVisibleEvents(ana.database, incidentId)).map((e) => e.text)).toContain('alert fired'), { timeout: 15_000, interval: 100 });
    await discardSource(ana.database, 'src-deploys');
    await vi.waitFor(async () => expect((await loadVisibleEvents(ben.database, incidentId)).map((e) => e.text)).toEqual(['alert fired']), { timeout: 15_000, interval: 100 });
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  });

  test('an import larger than the server accepts in one message travels in parts, and a joiner gets every event', async () => {
    const logged = server.logs.length;
    const ana = await app('Ana', tokens.ana);
    const ben = await app('Ben', tokens.ben);
    const incidentId = 'inc-large-import';
    await putRecord(ana.database, 'incidents', { ...incident, id: incidentId });
    // One block of 4096 long messages: its texts alone are more than the server takes in one message.
    const filler = 'the checkout latency rose after the rollout of the payment gateway; '.repeat(10);
    const events = Array.from({ length: 4096 }, (_, i) => ({ at: 1_700_000_000_000 + i * 1000, text: `${i}: ${filler}`, actorName: `person-${i % 30}` }));
    await putTestSource(ana.database, { id: 'src-large', incidentId, state: 'committed' }, events, 4096);
    const block = await ana.database.eventBlocks.get(['src-large', 0]);
    expect(block?.data.byteLength).toBeGreaterThan(MIN_MAX_MESSAGE_MB * 1024 * 1024);

    const invite = await ana.sync.share(incidentId);
    await ben.sync.join(invite);
    await vi.waitFor(async () => expect(await ben.database.eventBlocks.where('incidentId').equals(incidentId).count()).toBe(1), { timeout: 30_000, interval: 100 });
    const timeline = await loadVisibleEvents(ben.database, incidentId);
    expect(timeline.length).toBe(events.length);
    expect(timeline.every((event, i) => event.text === events[i]?.text && event.actorName === events[i].actorName)).toBe(true);
    await waitUntil(() => ana.sync.status(incidentId).state === 'synced', 15_000, 'Ana synced');
    expect(server.logs.slice(logged).filter((line) => line.level === 'warn' || line.level === 'error')).toEqual([]);
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  });

  test('a token of another team cannot join, and says why', async () => {
    const ana = await app('Ana', tokens.ana);
    await putRecord(ana.database, 'incidents', { ...incident, id: 'inc-private' });
    const invite = await ana.sync.share('inc-private');
    const eve = await app('Eve', tokens.otherTeam, 'globex');
    await expect(eve.sync.join(invite)).rejects.toMatchObject({ code: 'OTHER_SERVER' });
    // Forging the team in the invite does not help: the server refuses the token.
    const forged = await app('Eve', tokens.otherTeam, 'acme');
    await expect(forged.sync.join(invite, 10_000)).rejects.toMatchObject({ code: 'REFUSED' });
    expect(await forged.database.incidents.get('inc-private')).toBeUndefined();
  });
});
