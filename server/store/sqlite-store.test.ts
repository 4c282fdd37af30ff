import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from './sqlite-store.ts';
import { applyStoredDocument, compactFromOpenDocument, compactStoredDocument } from './stored-state.ts';
import type { SyncStore } from './sync-store.ts';

const edit = (doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array => {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  change(doc);
  return update;
};

describe('SQLite store: snapshot plus update log', () => {
  let dir: string;
  let store: SyncStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'debrief-store-'));
    store = openSqliteStore(dir);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('compaction folds the log into the snapshot and keeps entries appended while it ran', async () => {
    const writer = new Y.Doc();
    await store.appendUpdate('acme/incident/a', edit(writer, (d) => d.getText('t').insert(0, 'hello')));
    await store.appendUpdate('acme/incident/a', edit(writer, (d) => d.getText('t').insert(5, ' world')));
    const late = edit(writer, (d) => d.getText('t').insert(0, '> '));
    const result = await store.compactDocument('acme/incident/a', (stored) => {
      // Another client's edit is appended after the log was read, while the merge is computed.
      void store.appendUpdate('acme/incident/a', late);
      return compactStoredDocument(stored, () => undefined);
    });
    expect(result.merged).toBe(2);
    const stored = await store.loadDocument('acme/incident/a');
    expect(stored.updates.map((u) => u.update)).toEqual([Buffer.from(late)]);
    const doc = new Y.Doc();
    applyStoredDocument(doc, stored, () => undefined);
    expect(doc.getText('t').toString()).toBe('> hello world');
  });

  test('compaction from the open document folds only the entries it has applied', async () => {
    const writer = new Y.Doc();
    const open = new Y.Doc();
    const applied = edit(writer, (d) => d.getText('t').insert(0, 'applied'));
    const notYet = edit(writer, (d) => d.getText('t').insert(7, ' pending'));
    const appliedId = await store.appendUpdate('acme/incident/a', applied);
    await store.appendUpdate('acme/incident/a', notYet);
    Y.applyUpdate(open, applied);
    const result = await store.compactDocument('acme/incident/a', (stored) => compactFromOpenDocument(open, stored, appliedId));
    expect(result.merged).toBe(1);
    const stored = await store.loadDocument('acme/incident/a');
    expect(stored.updates.map((u) => u.update)).toEqual([Buffer.from(notYet)]);
    const reloaded = new Y.Doc();
    applyStoredDocument(reloaded, stored, () => undefined);
    expect(reloaded.getText('t').toString()).toBe('applied pending');
  });

  test('a stored entry Yjs cannot apply is reported and skipped, the rest of the document loads', async () => {
    const writer = new Y.Doc();
    await store.appendUpdate('acme/incident/a', edit(writer, (d) => d.getMap('m').set('title', 'kept')));
    await store.appendUpdate('acme/incident/a', new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
    const bad: Array<number | 'snapshot'> = [];
    const doc = new Y.Doc();
    applyStoredDocument(doc, await store.loadDocument('acme/incident/a'), (id) => bad.push(id));
    expect(doc.getMap('m').get('title')).toBe('kept');
    expect(bad).toHaveLength(1);
  });
});
