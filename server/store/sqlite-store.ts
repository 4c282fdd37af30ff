import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SyncServerError } from '../errors.ts';
import { parseTokenRow, type TokenRow } from './token-row.ts';
import type { Compaction, CompactionResult, NewTokenRecord, StoredDocument, SyncStore, TokenRecord } from './sync-store.ts';

/** The one file the embedded store keeps in `--data DIR`. */
export const SQLITE_FILE_NAME = 'debrief-sync.sqlite';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  team TEXT NOT NULL,
  role TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
`;

export interface SqliteStoreOptions {
  /** fsync every commit (survives power loss, not just a crash of the server). */
  fsync?: boolean;
}

/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so an append
 * is on disk (in the WAL, handed to the operating system) when `appendUpdate` returns: a kill -9
 * of the server right after cannot lose it. With `fsync` each commit is also flushed to the
 * device.
 */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): SyncStore {
  const file = join(dataDir, SQLITE_FILE_NAME);
  let db: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.fsync ? 'FULL' : 'NORMAL'}`);
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    throw new SyncServerError('store', `Cannot open the sync database ${file}: ${(error as Error).message}`, { cause: error });
  }

  const statements = {
    snapshot: db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?'),
    updates: db.prepare<[string], { id: number; data: Buffer }>('SELECT id, data FROM updates WHERE name = ? ORDER BY id'),
    append: db.prepare<[string, Buffer, string]>('INSERT INTO updates (name, data, created_at) VALUES (?, ?, ?)'),
    writeSnapshot: db.prepare<[string, Buffer, string]>(
      'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
    ),
    deleteUpdate: db.prepare<[number]>('DELETE FROM updates WHERE id = ?'),
    updatesAfter: db.prepare<[string, number], { id: number; data: Buffer }>('SELECT id, data FROM updates WHERE name = ? AND id > ? ORDER BY id'),
    createToken: db.prepare<[string, string, string, string, string, string]>(
      'INSERT INTO tokens (id, hash, team, role, label, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    tokenById: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id = ?'),
    listTokens: db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY created_at, id'),
    revoke: db.prepare<[string, string]>('UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?'),
    activeByHash: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL'),
    isActive: db.prepare<[string], { id: string }>('SELECT id FROM tokens WHERE id = ? AND revoked_at IS NULL'),
    touch: db.prepare<[string, string]>('UPDATE tokens SET last_used_at = ? WHERE id = ?'),
  };

  const read = (name: string): StoredDocument => ({
    snapshot: statements.snapshot.get(name)?.state ?? null,
    updates: statements.updates.all(name).map((row) => ({ id: row.id, update: row.data })),
  });

  const compact = db.transaction((name: string, compute: (stored: StoredDocument) => Compaction): CompactionResult => {
    const stored = read(name);
    if (stored.updates.length === 0) return { merged: 0, bytes: 0 };
    const { state, folded } = compute(stored);
    statements.writeSnapshot.run(name, Buffer.from(state), new Date().toISOString());
    for (const id of folded) statements.deleteUpdate.run(id);
    return { merged: folded.length, bytes: state.byteLength };
  });

  return {
    kind: 'sqlite',
    // A read transaction so that the snapshot and the log come from one consistent state.
    loadDocument: async (name) => db.transaction(read)(name),
    appendUpdate: async (name, update) =>
      Number(statements.append.run(name, Buffer.from(update.buffer, update.byteOffset, update.byteLength), new Date().toISOString()).lastInsertRowid),
    // IMMEDIATE takes the write lock up front: the file's lock is the per-document lock.
    compactDocument: async (name, compute) => compact.immediate(name, compute),
    updatesAfter: async (cursors) =>
      cursors.flatMap(({ name, after }) => statements.updatesAfter.all(name, after).map((row) => ({ name, id: row.id, update: row.data }))),
    createToken: async (token: NewTokenRecord): Promise<TokenRecord> => {
      statements.createToken.run(token.id, token.hash, token.team, token.role, token.label, new Date().toISOString());
      return parseTokenRow(statements.tokenById.get(token.id) as TokenRow);
    },
    listTokens: async () => statements.listTokens.all().map(parseTokenRow),
    revokeToken: async (id) => statements.revoke.run(new Date().toISOString(), id).changes > 0,
    findActiveToken: async (hash) => {
      const row = statements.activeByHash.get(hash);
      return row ? parseTokenRow(row) : null;
    },
    revokedAmong: async (ids) => ids.filter((id) => !statements.isActive.get(id)),
    touchToken: async (id, at) => {
      statements.touch.run(at.toISOString(), id);
    },
    ping: async () => {
      db.prepare('SELECT 1').get();
    },
    close: async () => {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`it was written by a newer Debrief sync server (schema ${version}, this one knows ${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
