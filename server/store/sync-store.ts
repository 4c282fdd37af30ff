import type { SyncRole } from '../protocol/doc-names.ts';

/**
 * Where the server keeps documents and tokens: one SQLite file (the default) or a PostgreSQL
 * database shared by several instances (scale-out). Both keep a document as a compacted Yjs
 * snapshot plus an append-only log of the updates received since; an update is appended before
 * the server acknowledges it to the client, so an acknowledged edit survives a crash.
 */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: StoredUpdate[];
}

export interface StoredUpdate {
  id: number;
  update: Uint8Array;
}

export interface DocumentCursor {
  name: string;
  /** The highest log id already seen. */
  after: number;
}

export interface TokenRecord {
  id: string;
  team: string;
  role: SyncRole;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewTokenRecord {
  id: string;
  hash: string;
  team: string;
  role: SyncRole;
  label: string;
}

/** What a compaction writes: the new snapshot, and the log entries it holds (removed from the log). */
export interface Compaction {
  state: Uint8Array;
  folded: readonly number[];
}

export interface CompactionResult {
  /** Log entries folded into the snapshot (and removed from the log). */
  merged: number;
  /** Size of the new snapshot in bytes; 0 when nothing was written. */
  bytes: number;
}

export interface SyncStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The snapshot and every logged update, read consistently. */
  loadDocument(name: string): Promise<StoredDocument>;
  /** Appends one update to the log; resolves with its log id once it is committed. */
  appendUpdate(name: string, update: Uint8Array): Promise<number>;
  /**
   * Under a per-document lock and in one transaction: reads the snapshot and the log, writes the
   * state `compute` returns as the new snapshot and removes the log entries it says it folded in.
   */
  compactDocument(name: string, compute: (stored: StoredDocument) => Compaction): Promise<CompactionResult>;
  /**
   * Log entries of the given documents newer than each one's cursor (scale-out catch-up: updates
   * other instances stored that the Redis relay did not bring).
   */
  updatesAfter(cursors: readonly DocumentCursor[]): Promise<Array<StoredUpdate & { name: string }>>;

  createToken(token: NewTokenRecord): Promise<TokenRecord>;
  listTokens(): Promise<TokenRecord[]>;
  /** Marks the token revoked; false when no token has that id. */
  revokeToken(id: string): Promise<boolean>;
  /** The unrevoked token with this hash, or null. */
  findActiveToken(hash: string): Promise<TokenRecord | null>;
  /** Which of `ids` are revoked (or gone). */
  revokedAmong(ids: readonly string[]): Promise<string[]>;
  /** Records when a token was last used to open a document. */
  touchToken(id: string, at: Date): Promise<void>;

  /** Resolves when the database answers (for /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
