import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syncDocName } from '../protocol/doc-names.ts';
import { openPostgresStore } from '../store/postgres-store.ts';
import { issueToken } from '../tokens/issue-token.ts';
import { firstEdits, storedDocument, streamEdits } from './edit-stream.ts';
import { killAllServerProcesses, startServerProcess, type ServerProcess } from './server-process.ts';
import { missingServices, startPostgres, startRedis, type RedisService, type RunningService } from './services.ts';
import { connectClient, waitUntil, type TestClient } from './test-client.ts';

const missing = missingServices();
// In CI the services must be there (.ci/run installs them): there the tests run and fail loudly.
const skip = missing !== null && !process.env.CI;
if (skip) console.warn(`Skipping: ${missing}`);

describe.skipIf(skip)('scale-out: two instances sharing Redis and PostgreSQL', { timeout: 60_000 }, () => {
  let redis: RedisService;
  let postgres: RunningService;
  let a: ServerProcess;
  let b: ServerProcess;
  let token = '';
  const clients: TestClient[] = [];
  const connect = (urls: string | string[], name: string): TestClient => {
    const client = connectClient({ urls, name, token });
    clients.push(client);
    return client;
  };
  const incident = (id: string) => syncDocName({ kind: 'incident', team: 'acme', incidentId: id });

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    const store = await openPostgresStore(postgres.url);
    token = (await issueToken(store, { team: 'acme', role: 'editor' })).token;
    await store.close();
    const shared = ['--redis', redis.url, '--postgres', postgres.url];
    [a, b] = await Promise.all([startServerProcess([...shared, '--name', 'a']), startServerProcess([...shared, '--name', 'b'])]);
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    killAllServerProcesses();
    await Promise.all([redis?.stop(), postgres?.stop()]);
  }, 30_000);

  test('clients on different instances converge', async () => {
    const name = incident('across-instances');
    const onA = connect(a.url, name);
    const onB = connect(b.url, name);
    await Promise.all([onA.settled(), onB.settled()]);
    onA.doc.getText('postmortem').insert(0, 'Impact: checkout failed for 12 minutes.');
    onB.doc.getMap('incident').set('severity', 'SEV1');
    await waitUntil(() => onB.doc.getText('postmortem').length > 0 && onA.doc.getMap('incident').get('severity') === 'SEV1', 10_000, 'both edits to cross');
    onA.doc.getText('postmortem').insert(0, 'A: ');
    onB.doc.getText('postmortem').insert(onB.doc.getText('postmortem').length, ' (B)');
    await waitUntil(() => onA.doc.getText('postmortem').toString() === onB.doc.getText('postmortem').toString() && onA.doc.getText('postmortem').toString().endsWith('(B)') && onB.doc.getText('postmortem').toString().startsWith('A: '), 10_000, 'the texts to converge');
    expect(onA.doc.getText('postmortem').toString()).toBe('A: Impact: checkout failed for 12 minutes. (B)');
  });

  test('an edit acknowledged by an instance that dies before relaying it still reaches the others', async () => {
    const name = incident('unrelayed');
    const onA = connect(a.url, name);
    const onB = connect(b.url, name);
    await Promise.all([onA.settled(), onB.settled()]);
    // Freeze Redis so instance A cannot relay, then let A acknowledge an edit and die with its client.
    redis.pause();
    onA.doc.getMap('incident').set('title', 'Stored before the crash');
    await onA.settled();
    onA.destroy();
    const stillA = a;
    stillA.kill('SIGKILL');
    await stillA.exited;
    redis.resume();
    await waitUntil(() => onB.doc.getMap('incident').get('title') === 'Stored before the crash', 10_000, 'the edit to reach B from the shared log');
    a = await startServerProcess(['--redis', redis.url, '--postgres', postgres.url, '--name', 'a2']);
  });

  test('an instance killed during edits: its clients move to the other, no acknowledged edit is lost', async () => {
    const name = incident('failover');
    const mover = connect([a.url, b.url], name);
    const stayer = connect(b.url, name);
    await Promise.all([mover.settled(), stayer.settled()]);
    const stream = streamEdits(mover, 'mover', 5);
    await waitUntil(() => stream.acknowledged >= 100, 30_000, 'edits acknowledged by instance A');
    a.kill('SIGKILL');
    await a.exited;
    const acknowledgedAtKill = stream.acknowledged;

    const store = await openPostgresStore(postgres.url);
    const stored = await storedDocument(store, name);
    await store.close();
    expect(stored.getArray<number>('mover').toArray().slice(0, acknowledgedAtKill)).toEqual(firstEdits(acknowledgedAtKill));

    await new Promise((resolve) => setTimeout(resolve, 300));
    stream.stop();
    await mover.settled(20_000);
    expect(mover.socket.configuration.url).toBe(b.url);
    await waitUntil(() => stayer.doc.getArray('mover').length === stream.made, 10_000, 'the other instance’s client to get every edit');
    expect(stayer.doc.getArray<number>('mover').toArray()).toEqual(firstEdits(stream.made));
  });
});
