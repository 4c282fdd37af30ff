import * as Y from 'yjs';
import type { StoredDocument } from './sync-store.ts';

/**
 * Applies a stored snapshot and log to `doc`, one entry at a time so that an entry Yjs cannot
 * apply is reported and skipped instead of hiding the rest of the document.
 */
export function applyStoredDocument(doc: Y.Doc, stored: StoredDocument, onBadEntry: (id: number | 'snapshot', error: unknown) => void): void {
  if (stored.snapshot) {
    try {
      Y.applyUpdate(doc, stored.snapshot);
    } catch (error) {
      onBadEntry('snapshot', error);
    }
  }
  for (const { id, update } of stored.updates) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      onBadEntry(id, error);
    }
  }
}

/**
 * The compacted state of a stored document: snapshot and log applied to a fresh garbage-collected
 * Y.Doc and encoded again, so deleted content does not pile up in storage. Built from what is
 * stored, never from a server's memory, so instances that have not yet seen each other's updates
 * cannot drop them.
 */
export function compactStoredDocument(stored: StoredDocument, onBadEntry: (id: number | 'snapshot', error: unknown) => void): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    applyStoredDocument(doc, stored, onBadEntry);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
