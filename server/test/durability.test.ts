import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { syncDocName } from '../protocol/doc-names.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { issueToken } from '../tokens/issue-token.ts';
import { firstEdits, storedDocument, streamEdits } from './edit-stream.ts';
import { killAllServerProcesses, startServerProcess } from './server-process.ts';
import { connectClient, waitUntil, type TestClient } from './test-client.ts';

describe('durability of acknowledged edits', { timeout: 60_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'debrief-sync-crash-'));
  const clients: TestClient[] = [];

  afterAll(() => {
    for (const client of clients) client.destroy();
    killAllServerProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('kill -9 during edits loses no acknowledged edit, and clients reconnect by themselves', async () => {
    const setup = openSqliteStore(dataDir);
    const { token } = await issueToken(setup, { team: 'acme', role: 'editor' });
    await setup.close();
    const server = await startServerProcess(['--data', dataDir, '--log-level', 'debug']);
    const name = syncDocName({ kind: 'incident', team: 'acme', incidentId: 'crash' });
    const writers = ['ana', 'ben'].map((writer) => {
      const client = connectClient({ urls: server.url, name, token });
      clients.push(client);
      return { writer, client };
    });
    await Promise.all(writers.map(({ client }) => client.settled()));

    const streams = writers.map(({ writer, client }) => streamEdits(client, writer, 5));
    // Kill in the middle of the stream, after the log was compacted into the snapshot at least once.
    await server.waitForLog((line) => line.msg === 'document compacted' && line.doc === name, 30_000);
    const compactedAt = streams.map((s) => s.acknowledged);
    await waitUntil(() => streams.every((s, i) => s.acknowledged >= (compactedAt[i] ?? 0) + 50), 30_000, 'more acknowledged edits');
    server.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    // Any acknowledgement a client ever got was sent before the process died.
    const acknowledgedAtKill = streams.map((s) => s.acknowledged);

    const store = openSqliteStore(dataDir);
    const onDisk = await storedDocument(store, name);
    await store.close();
    writers.forEach(({ writer }, i) => {
      const acknowledged = acknowledgedAtKill[i] ?? 0;
      expect(onDisk.getArray<number>(writer).toArray().slice(0, acknowledged)).toEqual(firstEdits(acknowledged));
    });

    // The writers go on offline, then the server comes back on the same port.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const restarted = await startServerProcess(['--data', dataDir], { port: server.port });
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const stream of streams) stream.stop();
    await Promise.all(writers.map(({ client }) => client.settled(20_000)));

    const observer = connectClient({ urls: restarted.url, name, token });
    clients.push(observer);
    await observer.settled();
    writers.forEach(({ writer }, i) => {
      expect(observer.doc.getArray<number>(writer).toArray()).toEqual(firstEdits(streams[i]?.made ?? -1));
    });
  });
});
