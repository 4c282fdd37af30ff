import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { syncDocName, type SyncDocRef } from '@protocol/doc-names';
import { SYNC_REFUSALS } from '@protocol/refusals';
import type { TeamSyncSettings } from './sync-settings';
import { SyncError } from './sync-error';
import type { SyncStatus } from './sync-status';

/** Who is editing, for teammates: presence (awareness) and field history. */
export interface SyncUser {
  name: string;
  color: string;
}

/**
 * One shared document, open on this machine. Its Y.Doc is loaded from local persistence first
 * (edits survive restarts while the server is away), then the provider syncs it with the server.
 */
export interface SyncDocHandle {
  readonly ref: SyncDocRef;
  readonly name: string;
  readonly doc: Y.Doc;
  /** Resolves when the local copy is loaded into `doc` (show the document only after this). */
  readonly whenLocalLoaded: Promise<void>;
  /** The provider, once the local copy is loaded (awareness lives on it). */
  provider(): HocuspocusProvider | null;
  status(): SyncStatus;
  /** Resolves when the server has sent its state and acknowledged every local change. */
  whenSynced(timeoutMs?: number): Promise<void>;
  /**
   * Resolves once at most `count` of this machine's changes wait for the server's
   * acknowledgement (or the document is closed): lets a large upload go at the server's pace.
   */
  whenWaitingAtMost(count: number): Promise<void>;
  /** Resolves the first time the server's state is in `doc` (however long that takes). */
  readonly whenServerState: Promise<void>;
  /** Gives this handle back; the document closes when nobody holds it. */
  release(): void;
}

export interface SyncClientOptions {
  /** Keep a local copy of each document in IndexedDB (y-indexeddb). Off only in Node tests. */
  persistence?: boolean;
  /** WebSocket implementation (Node tests); the browser's by default. */
  WebSocketPolyfill?: unknown;
  /** Reconnect back-off; Hocuspocus's defaults (1 s growing to 30 s) when not given. */
  reconnect?: { delay: number; minDelay: number; maxDelay: number };
}

interface OpenDoc {
  handle: SyncDocHandle;
  holders: number;
  close(): void;
}

const PERSISTENCE_PREFIX = 'debrief-sync:';

/** A colour per person, derived from their name so it is the same on every screen. */
export function colorFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 65% 42%)`;
}

/**
 * The connection to the team's sync server: one WebSocket (Hocuspocus multiplexes every
 * document over it) and one HocuspocusProvider per open document, authenticated with the
 * token per document. Open documents by SyncDocRef (the server's naming contract).
 */
export class SyncClient {
  readonly socket: HocuspocusProviderWebsocket;
  readonly user: SyncUser;
  private readonly docs = new Map<string, OpenDoc>();
  private readonly listeners = new Set<() => void>();
  private destroyed = false;

  constructor(
    readonly settings: TeamSyncSettings,
    private readonly options: SyncClientOptions = {},
  ) {
    this.user = { name: settings.userName || 'Teammate', color: colorFor(settings.userName || settings.token.slice(4, 14)) };
    this.socket = new HocuspocusProviderWebsocket({
      url: settings.serverUrl,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      ...(options.reconnect ?? {}),
    });
    this.socket.on('status', () => this.changed());
    // The browser knows before a ping times out (30 s) that the network is gone.
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.goOffline);
      window.addEventListener('online', this.goOnline);
    }
  }

  private readonly goOffline = (): void => {
    this.socket.disconnect();
    this.changed();
  };

  private readonly goOnline = (): void => {
    void this.socket.connect();
  };

  get team(): string {
    return this.settings.team;
  }

  /**
   * Opens (or shares an already open) document. Call `release()` when done with it. `persist:
   * false` keeps no local copy (for documents whose content Dexie already holds, like events).
   */
  open(ref: SyncDocRef, options: { persist?: boolean } = {}): SyncDocHandle {
    if (this.destroyed) throw new SyncError('NOT_CONFIGURED', 'Team sync was turned off.');
    if (ref.team !== this.settings.team) {
      throw new SyncError('OTHER_SERVER', `This document belongs to team "${ref.team}"; Team sync is set up for "${this.settings.team}".`);
    }
    const name = syncDocName(ref);
    const existing = this.docs.get(name);
    if (existing) {
      existing.holders += 1;
      return existing.handle;
    }
    const opened = this.createDoc(ref, name, options.persist !== false);
    this.docs.set(name, opened);
    return opened.handle;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Status of one open document (off when it is not open). */
  statusOf(ref: SyncDocRef): SyncStatus | null {
    return this.docs.get(syncDocName(ref))?.handle.status() ?? null;
  }

  destroy(): void {
    this.destroyed = true;
    for (const open of this.docs.values()) open.close();
    this.docs.clear();
    this.socket.destroy();
    // Whoever waits on a document (whenWaitingAtMost) learns that it closed.
    this.changed();
    this.listeners.clear();
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.goOffline);
      window.removeEventListener('online', this.goOnline);
    }
  }

  /** Deletes this machine's local copy of a document (after Leave / Unshare). */
  static async forgetLocalCopy(ref: SyncDocRef): Promise<void> {
    const persistence = new IndexeddbPersistence(PERSISTENCE_PREFIX + syncDocName(ref), new Y.Doc());
    await persistence.whenSynced;
    await persistence.clearData();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private createDoc(ref: SyncDocRef, name: string, persist: boolean): OpenDoc {
    const doc = new Y.Doc();
    const persistence = this.options.persistence === false || !persist ? null : new IndexeddbPersistence(PERSISTENCE_PREFIX + name, doc);
    let serverState: () => void = () => undefined;
    const whenServerState = new Promise<void>((resolve) => (serverState = resolve));
    let provider: HocuspocusProvider | null = null;
    let refusal = '';
    let closed = false;
    let synced = false;
    const whenLocalLoaded = (persistence ? persistence.whenSynced.then(() => undefined) : Promise.resolve()).then(() => {
      if (closed) return;
      // Attached only after the local copy is loaded: the first sync then sends what this
      // machine has that the server lacks, and an empty server never replaces a local copy.
      provider = new HocuspocusProvider({ websocketProvider: this.socket, name, document: doc, token: this.settings.token });
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
        refusal = reason;
        this.changed();
      });
      provider.on('authenticated', () => {
        refusal = '';
        this.changed();
      });
      provider.on('close', ({ event }: { event: { reason?: string } }) => {
        if (event.reason && event.reason !== SYNC_REFUSALS.shuttingDown) refusal = event.reason;
        this.changed();
      });
      provider.on('synced', ({ state }: { state: boolean }) => {
        synced = state;
        if (state) serverState();
        this.changed();
      });
      provider.on('unsyncedChanges', () => this.changed());
      provider.setAwarenessField('user', this.user);
      provider.attach();
      this.changed();
    });

    const status = (): SyncStatus => {
      const waiting = provider?.unsyncedChanges ?? 0;
      if (refusal) return { state: 'refused', waiting, reason: refusal };
      if (this.socket.status === WebSocketStatus.Disconnected) return { state: 'offline', waiting, reason: '' };
      if (!provider || this.socket.status === WebSocketStatus.Connecting || !provider.isAuthenticated) return { state: 'connecting', waiting, reason: '' };
      if (provider.authorizedScope === 'readonly') return { state: 'read-only', waiting, reason: '' };
      if (!synced && waiting === 0) return { state: 'connecting', waiting, reason: '' };
      return { state: waiting > 0 ? 'waiting' : 'synced', waiting, reason: '' };
    };

    const open: OpenDoc = {
      holders: 1,
      close: () => {
        closed = true;
        provider?.destroy();
        void persistence?.destroy();
        doc.destroy();
      },
      handle: {
        ref,
        name,
        doc,
        whenLocalLoaded,
        whenServerState,
        provider: () => provider,
        status,
        whenSynced: (timeoutMs = 30_000) =>
          new Promise<void>((resolve, reject) => {
            const check = () => {
              if (provider?.isSynced && provider.unsyncedChanges === 0) {
                done();
                resolve();
              } else if (refusal) {
                done();
                reject(new SyncError('REFUSED', `The sync server refused ${name}: ${refusal}.`));
              }
            };
            const timer = setTimeout(() => {
              done();
              reject(new SyncError('JOIN_TIMEOUT', `The sync server did not answer for ${name} within ${Math.round(timeoutMs / 1000)} s.`));
            }, timeoutMs);
            const unsubscribe = this.onChange(check);
            const done = () => {
              clearTimeout(timer);
              unsubscribe();
            };
            check();
          }),
        whenWaitingAtMost: (count) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (closed || (provider?.unsyncedChanges ?? 0) <= count) {
                unsubscribe();
                resolve();
              }
            };
            const unsubscribe = this.onChange(check);
            check();
          }),
        release: () => {
          open.holders -= 1;
          if (open.holders > 0) return;
          this.docs.delete(name);
          open.close();
          this.changed();
        },
      },
    };
    return open;
  }
}
