import * as Y from 'yjs';
import type { SyncStore } from '../store/sync-store.ts';
import { applyStoredDocument } from '../store/stored-state.ts';
import type { TestClient } from './test-client.ts';

/**
 * A writer that keeps editing: every tick it appends the next number to its own array
 * (`doc.getArray(writer)`), so which edits survived is easy to read back. `acknowledged` is the
 * number of edits the server had confirmed the last time every local change was acknowledged.
 */
export interface EditStream {
  made: number;
  acknowledged: number;
  stop(): void;
}

export function streamEdits(client: TestClient, writer: string, everyMs: number): EditStream {
  const stream: EditStream = { made: 0, acknowledged: 0, stop: () => clearInterval(timer) };
  client.onAllAcknowledged(() => {
    stream.acknowledged = stream.made;
  });
  const timer = setInterval(() => {
    stream.made += 1;
    client.doc.getArray<number>(writer).push([stream.made]);
  }, everyMs);
  return stream;
}

/** 1, 2, … n: what a writer's array holds once its first n edits are there. */
export function firstEdits(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** The document as the store holds it right now (snapshot and log), read the way the server loads it. */
export async function storedDocument(store: SyncStore, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  applyStoredDocument(doc, await store.loadDocument(name), () => undefined);
  return doc;
}
