import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { syncDocName } from '../protocol/doc-names.ts';
import { SYNC_REFUSALS } from '../protocol/refusals.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../store/sqlite-store.ts';
import { applyStoredDocument } from '../store/stored-state.ts';
import { issueToken } from '../tokens/issue-token.ts';
import { authMessage, openRawSocket, updateMessage } from './raw-socket.ts';
import { killAllServerProcesses, runServerCli, startServerProcess, type ServerProcess } from './server-process.ts';
import { connectClient, waitUntil, type TestClient } from './test-client.ts';

const incident = (id: string, team = 'acme') => syncDocName({ kind: 'incident', team, incidentId: id });

describe('sync server with its embedded SQLite store', { timeout: 30_000 }, () => {
  let dataDir: string;
  let server: ServerProcess;
  const tokens = { editor: '', viewer: '', otherTeam: '', toRevoke: '', toRevokeId: '' };
  const clients: TestClient[] = [];
  const connect = (name: string, token: string): TestClient => {
    const client = connectClient({ urls: server.url, name, token });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'debrief-sync-test-'));
    const store = openSqliteStore(dataDir);
    tokens.editor = (await issueToken(store, { team: 'acme', role: 'editor' })).token;
    tokens.viewer = (await issueToken(store, { team: 'acme', role: 'viewer' })).token;
    tokens.otherTeam = (await issueToken(store, { team: 'globex', role: 'editor' })).token;
    const revocable = await issueToken(store, { team: 'acme', role: 'editor', label: 'lost laptop' });
    tokens.toRevoke = revocable.token;
    tokens.toRevokeId = revocable.record.id;
    await store.close();
    server = await startServerProcess([
      '--data', dataDir,
      '--log-level', 'debug',
      '--token-recheck-seconds', '0.3',
      '--max-message-mb', '2',
      '--max-messages-per-second', '50',
    ]);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    killAllServerProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('two clients on one incident see each other’s edits, both ways', async () => {
    const name = incident('two-clients');
    const ana = connect(name, tokens.editor);
    const ben = connect(name, tokens.editor);
    await Promise.all([ana.settled(), ben.settled()]);

    ana.doc.getMap('incident').set('title', 'Checkout errors');
    ben.doc.getArray('actionItems').push(['Add a canary for the payment gateway']);
    await waitUntil(() => ben.doc.getMap('incident').get('title') === 'Checkout errors', 5000, 'Ben to see Ana’s title');
    await waitUntil(() => ana.doc.getArray('actionItems').length === 1, 5000, 'Ana to see Ben’s action item');
    expect(ana.doc.getArray('actionItems').toArray()).toEqual(['Add a canary for the payment gateway']);
  });

  test('a wrong token is refused and the document never syncs', async () => {
    const forged = connect(incident('secret'), 'dbr_0123456789_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const garbage = connect(incident('secret'), 'not a token');
    await waitUntil(() => forged.refusals.length > 0 && garbage.refusals.length > 0, 5000, 'both refusals');
    expect(forged.refusals).toEqual([SYNC_REFUSALS.invalidToken]);
    expect(garbage.refusals).toEqual([SYNC_REFUSALS.invalidToken]);
    expect(forged.provider.synced).toBe(false);
  });

  test('a viewer reads the incident, but the server refuses its edits', async () => {
    const name = incident('viewer');
    const editor = connect(name, tokens.editor);
    await editor.settled();
    editor.doc.getMap('incident').set('severity', 'SEV2');
    await editor.settled();

    const viewer = connect(name, tokens.viewer);
    await waitUntil(() => viewer.provider.synced, 5000, 'the viewer to sync');
    expect(viewer.doc.getMap('incident').get('severity')).toBe('SEV2');

    viewer.doc.getMap('incident').set('severity', 'SEV4');
    editor.doc.getMap('incident').set('summary', 'after the viewer’s attempt');
    await editor.settled();
    const fresh = connect(name, tokens.editor);
    await fresh.settled();
    expect(fresh.doc.getMap('incident').get('summary')).toBe('after the viewer’s attempt');
    expect(fresh.doc.getMap('incident').get('severity')).toBe('SEV2');
    expect(editor.doc.getMap('incident').get('severity')).toBe('SEV2');
    // The viewer's provider keeps its change as unacknowledged: the app can show it as not shared.
    expect(viewer.provider.unsyncedChanges).toBeGreaterThan(0);
  });

  test('a token of team A cannot open team B’s incident, nor a name outside the contract', async () => {
    const acmeDoc = connect(incident('acme-only'), tokens.otherTeam);
    const badName = connect('acme/../globex/incident/x', tokens.editor);
    await waitUntil(() => acmeDoc.refusals.length > 0 && badName.refusals.length > 0, 5000, 'both refusals');
    expect(acmeDoc.refusals).toEqual([SYNC_REFUSALS.wrongTeam]);
    expect(badName.refusals).toEqual([SYNC_REFUSALS.invalidDocumentName]);
  });

  test('revoking a token with `token revoke` closes the documents it has open', async () => {
    const name = incident('revoked');
    const lost = connect(name, tokens.toRevoke);
    await lost.settled();
    const result = await runServerCli(['token', 'revoke', tokens.toRevokeId, '--data', dataDir]);
    expect(result.code).toBe(0);
    await waitUntil(() => lost.closes.includes(SYNC_REFUSALS.tokenRevoked), 5000, 'the revoked token’s document to close');
    lost.doc.getMap('incident').set('title', 'written after revocation');
    const editor = connect(name, tokens.editor);
    await editor.settled();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(editor.doc.getMap('incident').get('title')).toBeUndefined();
  });

  test('garbage, malformed, oversized and flooding frames leave the server up and the document intact', async () => {
    const name = incident('hostile');
    const ana = connect(name, tokens.editor);
    const ben = connect(name, tokens.editor);
    await Promise.all([ana.settled(), ben.settled()]);
    ana.doc.getText('postmortem').insert(0, 'What happened: the cache stampeded.');
    await waitUntil(() => ben.doc.getText('postmortem').length > 0, 5000, 'Ben to get the text');

    // Not a Hocuspocus message at all, binary and text.
    const garbage = await openRawSocket(server.url);
    garbage.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    garbage.send('GET / HTTP/1.1');
    // An authenticated connection that sends an update Yjs cannot decode.
    const malformed = await openRawSocket(server.url);
    malformed.send(authMessage(name, tokens.editor));
    malformed.send(updateMessage(name, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])));
    await server.waitForLog((line) => line.msg === 'malformed update dropped' && line.doc === name);
    // A frame over --max-message-mb 2.
    const huge = await openRawSocket(server.url);
    huge.send(authMessage(name, tokens.editor));
    huge.send(updateMessage(name, new Uint8Array(3 * 1024 * 1024)));
    expect((await huge.closed).code).toBe(1009);
    // A flood far above --max-messages-per-second 50: slowed down, not fatal.
    const flood = await openRawSocket(server.url);
    flood.send(authMessage(name, tokens.editor));
    for (let i = 0; i < 600; i++) flood.send(authMessage(incident(`flood-${i}`), 'x'));
    await server.waitForLog((line) => line.msg === 'connection throttled');

    ben.doc.getText('postmortem').insert(0, 'Summary. ');
    await waitUntil(() => ana.doc.getText('postmortem').toString().startsWith('Summary. '), 5000, 'Ana to get Ben’s edit after the attacks');
    const fresh = connect(name, tokens.editor);
    await fresh.settled();
    expect(fresh.doc.getText('postmortem').toString()).toBe('Summary. What happened: the cache stampeded.');
    const health = await fetch(`${server.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', mode: 'sqlite' });
    for (const socket of [garbage, malformed, flood]) socket.ws.terminate();
    expect(server.strayOutput.filter((text) => text.trim())).toEqual([]);
  });
});

describe('token commands', { timeout: 30_000 }, () => {
  test('create prints the token once, list shows it without the secret, the file keeps only a hash', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'debrief-sync-tokens-'));
    try {
      const created = await runServerCli(['token', 'create', '--team', 'acme', '--role', 'viewer', '--label', 'Projector', '--data', dataDir]);
      expect(created.code).toBe(0);
      const token = /dbr_[a-z0-9]{10}_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0] ?? '';
      expect(token).not.toBe('');
      const id = token.slice(4, 14);

      const listed = await runServerCli(['token', 'list', '--json', '--data', dataDir]);
      expect(JSON.parse(listed.stdout)).toMatchObject([{ id, team: 'acme', role: 'viewer', label: 'Projector', revokedAt: null }]);
      expect(listed.stdout).not.toContain(token.slice(15));
      expect(readFileSync(join(dataDir, SQLITE_FILE_NAME)).includes(Buffer.from(token))).toBe(false);

      const unknown = await runServerCli(['token', 'revoke', 'nope', '--data', dataDir]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('No token has the id "nope"');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('graceful shutdown', { timeout: 30_000 }, () => {
  test('SIGTERM stores every open document and exits cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'debrief-sync-stop-'));
    let client: TestClient | undefined;
    try {
      let store = openSqliteStore(dataDir);
      const { token } = await issueToken(store, { team: 'acme', role: 'editor' });
      await store.close();
      const server = await startServerProcess(['--data', dataDir]);
      const name = incident('shutdown');
      client = connectClient({ urls: server.url, name, token });
      await client.settled();
      for (let i = 0; i < 20; i++) client.doc.getArray('events').push([i]);
      await client.settled();

      server.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.logs.map((line) => line.msg)).toContain('stopped');

      store = openSqliteStore(dataDir);
      const stored = await store.loadDocument(name);
      await store.close();
      expect(stored.updates).toEqual([]);
      const doc = new Y.Doc();
      applyStoredDocument(doc, stored, () => undefined);
      expect(doc.getArray('events').toArray()).toEqual([...Array(20).keys()]);
    } finally {
      client?.destroy();
      killAllServerProcesses();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
