import type {
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  Document,
  Extension,
  Hocuspocus,
  onConfigurePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Logger } from '../log/logger.ts';
import { SYNC_REFUSALS } from '../protocol/refusals.ts';
import { applyStoredDocument, compactFromOpenDocument, compactStoredDocument } from '../store/stored-state.ts';
import type { StoredUpdate, SyncStore } from '../store/sync-store.ts';
import { readIncomingUpdate } from './incoming-update.ts';
import { refusal } from './refusal.ts';

/**
 * Persistence that makes an acknowledgement mean "stored".
 *
 * Hocuspocus 3.4 acknowledges an update (the SyncStatus message that lowers the provider's
 * `unsyncedChanges`) right after applying it, in the same tick, once the connection's
 * `beforeHandleMessage` hooks have resolved (Connection.handleMessage → MessageReceiver). Its
 * `onStoreDocument` hook runs only later, debounced (2 s, at most 10 s). So this extension
 * appends every incoming update to the store's log in `beforeHandleMessage`, and the update is
 * committed before Hocuspocus applies and acknowledges it. `onStoreDocument` then only compacts
 * the log into the snapshot. An update that does not decode is refused there, before it reaches
 * the log or the document, and the sender's connection to that document is closed.
 *
 * Scale-out: Hocuspocus's Redis extension relays an update by a round trip (the receiving
 * instance publishes its state vector, the others answer with what it lacks), so an instance
 * killed right after acknowledging an edit may never relay it. The edit is in the shared log all
 * the same; `catchUp` (run periodically) and compaction apply log entries this instance has not
 * seen to its open documents, which sends them on to its clients.
 */
export class DurableLogExtension implements Extension {
  extensionName = 'DurableLog';
  private instance: Hocuspocus | null = null;
  /** Per open document, the highest log id this instance has applied. */
  private readonly seen = new Map<string, number>();
  /** Alone on the store: per document, the highest log id appended and since applied. */
  private readonly applied = new Map<string, number>();
  /** Sharing the store: per open document, log ids this instance appended itself (already applied). */
  private readonly own = new Map<string, Set<number>>();

  constructor(
    private readonly store: SyncStore,
    private readonly log: Logger,
    /** Other instances write to the same store (scale-out): pick up what they stored. */
    private readonly shared: boolean,
  ) {}

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const started = performance.now();
    const stored = await this.store.loadDocument(documentName);
    applyStoredDocument(document, stored, (entry, error) =>
      this.log.error('stored update cannot be applied; skipped', { doc: documentName, entry, error }),
    );
    this.markSeen(documentName, stored.updates);
    this.log.debug('document loaded', {
      doc: documentName,
      snapshotBytes: stored.snapshot?.byteLength ?? 0,
      logEntries: stored.updates.length,
      ms: Math.round(performance.now() - started),
    });
    // Entries left by a crash (or a busy peer instance) are folded in now rather than at the next edit.
    if (stored.updates.length > 0) void this.compact(documentName, document);
  }

  async beforeHandleMessage({ documentName, document, connection, update: message }: beforeHandleMessagePayload): Promise<void> {
    // A viewer's changes are not applied (Hocuspocus answers them with "not synced"): nothing to keep.
    if (connection.readOnly) return;
    const incoming = readIncomingUpdate(message);
    if (incoming.kind === 'none') return;
    if (incoming.kind === 'malformed') {
      this.log.warn('malformed update dropped', { doc: documentName, socket: connection.socketId, bytes: message.byteLength, error: incoming.error });
      throw refusal(SYNC_REFUSALS.malformedUpdate);
    }
    if (incoming.empty) return;
    // The answer to our sync step 1 repeats what the server already holds when nothing was
    // edited offline; only keep it when it brings something new.
    if (incoming.step === 'sync-step-2' && Y.snapshotContainsUpdate(Y.snapshot(document), incoming.update)) return;
    const id = await this.store.appendUpdate(documentName, incoming.update);
    if (this.shared) {
      this.own.set(documentName, (this.own.get(documentName) ?? new Set()).add(id));
    } else {
      // Hocuspocus applies the message once this hook chain resolves. Alone on SQLite every link
      // of that chain is synchronous or a microtask, so by the time an immediate callback runs,
      // the update is in the document and compaction from the document may fold it.
      setImmediate(() => this.applied.set(documentName, Math.max(id, this.applied.get(documentName) ?? 0)));
    }
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    await this.compact(documentName, document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    if (this.instance?.documents.has(documentName)) return;
    this.seen.delete(documentName);
    this.applied.delete(documentName);
    this.own.delete(documentName);
  }

  /** Applies log entries that other instances stored since this one last looked. */
  async catchUp(): Promise<void> {
    const cursors = [...this.seen].filter(([name]) => this.instance?.documents.has(name)).map(([name, after]) => ({ name, after }));
    const rows = await this.store.updatesAfter(cursors);
    for (const name of new Set(rows.map((row) => row.name))) {
      const unseen = rows.filter((row) => row.name === name);
      this.applyFromOthers(name, unseen);
      this.markSeen(name, unseen);
      // Own entries behind the cursor will not come back (another instance may have folded them).
      const cursor = this.seen.get(name) ?? 0;
      for (const id of this.own.get(name) ?? []) if (id <= cursor) this.own.get(name)?.delete(id);
    }
  }

  /**
   * Folds the document's log into its snapshot. Alone on its store, the server encodes the open
   * document; sharing the store, it merges what is stored (safe from several instances at once).
   */
  async compact(documentName: string, open?: Document): Promise<void> {
    const started = performance.now();
    const document = this.shared ? undefined : open;
    try {
      let merged: StoredUpdate[] = [];
      const result = await this.store.compactDocument(documentName, (stored) => {
        if (document) return compactFromOpenDocument(document, stored, Math.max(this.applied.get(documentName) ?? 0, this.seen.get(documentName) ?? 0));
        merged = stored.updates;
        return compactStoredDocument(stored, (entry, error) => this.log.error('stored update cannot be applied; dropped while compacting', { doc: documentName, entry, error }));
      });
      // Every other instance's entry folded in now reaches this instance's clients too, even one
      // committed after a later id the catch-up cursor already passed.
      this.applyFromOthers(documentName, merged);
      for (const { id } of merged) this.own.get(documentName)?.delete(id);
      if (result.merged > 0) {
        this.log.debug('document compacted', { doc: documentName, merged: result.merged, bytes: result.bytes, ms: Math.round(performance.now() - started) });
      }
    } catch (error) {
      // The log still holds every update: nothing is lost, the next store or load retries.
      this.log.error('compaction failed', { doc: documentName, error });
    }
  }

  /** Applies log entries other instances appended to this instance's open document, if any. */
  private applyFromOthers(documentName: string, updates: readonly StoredUpdate[]): void {
    if (!this.shared) return;
    const document = this.instance?.documents.get(documentName);
    const own = this.own.get(documentName);
    const others = updates.filter((row) => !own?.has(row.id));
    if (!document || others.length === 0) return;
    // Idempotent: what the Redis relay already brought changes nothing.
    applyStoredDocument(
      document,
      { snapshot: null, updates: others },
      (entry, error) => this.log.error('stored update cannot be applied; skipped', { doc: documentName, entry, error }),
      CATCH_UP_ORIGIN,
    );
  }

  private markSeen(documentName: string, updates: readonly StoredUpdate[]): void {
    const highest = updates.reduce((max, row) => Math.max(max, row.id), this.seen.get(documentName) ?? 0);
    this.seen.set(documentName, highest);
  }
}

/** The transaction origin of entries applied from the shared log (not from a client). */
const CATCH_UP_ORIGIN = 'debrief-sync:catch-up';
