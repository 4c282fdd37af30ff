import * as Y from 'yjs';
import type { Compaction, StoredDocument } from './sync-store.ts';

/**
 * Applies a stored snapshot and log to `doc`. The log is merged into one update first (applying
 * hundreds of keystroke updates one by one costs a transaction each); if that fails, entries are
 * applied one at a time so that an entry Yjs cannot apply is reported and skipped instead of
 * hiding the rest of the document.
 */
export function applyStoredDocument(
  doc: Y.Doc,
  stored: StoredDocument,
  onBadEntry: (id: number | 'snapshot', error: unknown) => void,
  origin: unknown = null,
): void {
  if (stored.snapshot) {
    try {
      Y.applyUpdate(doc, stored.snapshot, origin);
    } catch (error) {
      onBadEntry('snapshot', error);
    }
  }
  if (stored.updates.length > 1) {
    try {
      Y.applyUpdate(doc, Y.mergeUpdates(stored.updates.map((entry) => entry.update)), origin);
      return;
    } catch {
      // Some entry is bad: retry one by one (Yjs skips what is already integrated).
    }
  }
  for (const { id, update } of stored.updates) {
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (error) {
      onBadEntry(id, error);
    }
  }
}

/**
 * Compaction from what is stored: snapshot and log applied to a fresh garbage-collected Y.Doc
 * and encoded again (so deleted content does not pile up), every log entry folded in. Never from
 * a server's memory, so instances that have not yet seen each other's updates cannot drop them;
 * the scale-out store compacts this way.
 */
export function compactStoredDocument(stored: StoredDocument, onBadEntry: (id: number | 'snapshot', error: unknown) => void): Compaction {
  const doc = new Y.Doc({ gc: true });
  try {
    applyStoredDocument(doc, stored, onBadEntry);
    return { state: Y.encodeStateAsUpdate(doc), folded: stored.updates.map((entry) => entry.id) };
  } finally {
    doc.destroy();
  }
}

/**
 * Compaction from the open document, when this server is the only writer of the store: the
 * document already holds the snapshot and the log entries it applied, so it is encoded as it is
 * (decoding the snapshot and log again costs far more). Entries above `appliedUpTo` — appended
 * but maybe not applied yet — stay in the log for next time.
 */
export function compactFromOpenDocument(doc: Y.Doc, stored: StoredDocument, appliedUpTo: number): Compaction {
  return { state: Y.encodeStateAsUpdate(doc), folded: stored.updates.filter((entry) => entry.id <= appliedUpTo).map((entry) => entry.id) };
}
