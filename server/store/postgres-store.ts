import pg from 'pg';
import { SyncServerError } from '../errors.ts';
import { redactUrl } from '../log/redact-url.ts';
import { parseTokenRow, type TokenRow } from './token-row.ts';
import type { CompactionResult, NewTokenRecord, StoredDocument, SyncStore, TokenRecord } from './sync-store.ts';

const SCHEMA_VERSION = 1;

// Tables carry a debrief_ prefix: the database may be shared with other applications.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS debrief_schema (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS debrief_documents (
  name text PRIMARY KEY,
  state bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS debrief_updates (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS debrief_updates_by_name ON debrief_updates (name, id);
CREATE TABLE IF NOT EXISTS debrief_tokens (
  id text PRIMARY KEY,
  hash text NOT NULL UNIQUE,
  team text NOT NULL,
  role text NOT NULL,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
`;

/** Serialises schema creation across instances starting together (an arbitrary constant). */
const MIGRATION_LOCK = 0x64627266;

/**
 * The scale-out store: a PostgreSQL database shared by every instance. An append resolves once
 * PostgreSQL has committed it. Loads read the snapshot and log in one REPEATABLE READ
 * transaction; compaction holds a per-document advisory lock and deletes exactly the log rows it
 * read, so rows another instance appends meanwhile are kept.
 */
export async function openPostgresStore(url: string): Promise<SyncStore> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new SyncServerError('store', `Cannot open the PostgreSQL database (${redactUrl(url)}): ${(error as Error).message}`, { cause: error });
  }

  const inTransaction = async <T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const read = async (client: pg.PoolClient, name: string): Promise<StoredDocument> => {
    const snapshot = await client.query<{ state: Buffer }>('SELECT state FROM debrief_documents WHERE name = $1', [name]);
    const updates = await client.query<{ id: string; data: Buffer }>('SELECT id, data FROM debrief_updates WHERE name = $1 ORDER BY id', [name]);
    return { snapshot: snapshot.rows[0]?.state ?? null, updates: updates.rows.map((row) => ({ id: Number(row.id), update: row.data })) };
  };

  return {
    kind: 'postgres',
    loadDocument: (name) => inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', (client) => read(client, name)),
    appendUpdate: async (name, update) => {
      const result = await pool.query<{ id: string }>('INSERT INTO debrief_updates (name, data) VALUES ($1, $2) RETURNING id', [
        name,
        Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      ]);
      return Number(result.rows[0]?.id);
    },
    compactDocument: (name, compute) =>
      inTransaction('BEGIN', async (client): Promise<CompactionResult> => {
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
        const stored = await read(client, name);
        if (stored.updates.length === 0) return { merged: 0, bytes: 0 };
        const { state, folded } = compute(stored);
        await client.query(
          `INSERT INTO debrief_documents (name, state, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
          [name, Buffer.from(state)],
        );
        await client.query('DELETE FROM debrief_updates WHERE id = ANY($1::bigint[])', [folded]);
        return { merged: folded.length, bytes: state.byteLength };
      }),
    updatesAfter: async (cursors) => {
      if (cursors.length === 0) return [];
      const result = await pool.query<{ id: string; name: string; data: Buffer }>(
        `SELECT u.id, u.name, u.data FROM debrief_updates u
         JOIN unnest($1::text[], $2::bigint[]) AS c (name, after) ON u.name = c.name AND u.id > c.after
         ORDER BY u.id`,
        [cursors.map((c) => c.name), cursors.map((c) => c.after)],
      );
      return result.rows.map((row) => ({ name: row.name, id: Number(row.id), update: row.data }));
    },
    createToken: async (token: NewTokenRecord): Promise<TokenRecord> => {
      const result = await pool.query<TokenRow>(
        'INSERT INTO debrief_tokens (id, hash, team, role, label) VALUES ($1, $2, $3, $4, $5) RETURNING *',
        [token.id, token.hash, token.team, token.role, token.label],
      );
      return parseTokenRow(result.rows[0] as TokenRow);
    },
    listTokens: async () => (await pool.query<TokenRow>('SELECT * FROM debrief_tokens ORDER BY created_at, id')).rows.map(parseTokenRow),
    revokeToken: async (id) => ((await pool.query('UPDATE debrief_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1', [id])).rowCount ?? 0) > 0,
    findActiveToken: async (hash) => {
      const row = (await pool.query<TokenRow>('SELECT * FROM debrief_tokens WHERE hash = $1 AND revoked_at IS NULL', [hash])).rows[0];
      return row ? parseTokenRow(row) : null;
    },
    revokedAmong: async (ids) => {
      if (ids.length === 0) return [];
      const active = await pool.query<{ id: string }>('SELECT id FROM debrief_tokens WHERE id = ANY($1::text[]) AND revoked_at IS NULL', [ids]);
      const activeIds = new Set(active.rows.map((row) => row.id));
      return ids.filter((id) => !activeIds.has(id));
    },
    touchToken: async (id, at) => {
      await pool.query('UPDATE debrief_tokens SET last_used_at = $1 WHERE id = $2', [at, id]);
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(SCHEMA);
    const current = await client.query<{ version: number }>('SELECT version FROM debrief_schema');
    const version = current.rows[0]?.version ?? 0;
    if (version > SCHEMA_VERSION) {
      throw new Error(`it was written by a newer Debrief sync server (schema ${version}, this one knows ${SCHEMA_VERSION})`);
    }
    if (current.rows.length === 0) await client.query('INSERT INTO debrief_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
