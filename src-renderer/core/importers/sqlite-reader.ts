/**
 * Opens an SQLite database handed over as bytes, with sql.js (SQLite compiled to WebAssembly):
 * the import worker has no file system and no native modules. sql.js holds the whole database in
 * its own memory, so callers cap the file's size first. Running WebAssembly needs
 * 'wasm-unsafe-eval' in the desktop app's script-src (src-main/csp.ts).
 */
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import { ImportError, type ImportErrorLocation } from './import-error';

let wasmUrl: string | null = null;
let engine: Promise<SqlJsStatic> | null = null;

/**
 * Where the bundle serves sql.js's WebAssembly file (the worker passes Vite's `?url` of it). Node
 * (tests, benches) needs no call: sql.js finds the file beside its own script.
 */
export function setSqliteWasmUrl(url: string): void {
  wasmUrl = url;
  engine = null;
}

async function sqlJs(where: ImportErrorLocation): Promise<SqlJsStatic> {
  const url = wasmUrl;
  try {
    engine ??= initSqlJs(url ? { locateFile: () => url } : undefined);
    return await engine;
  } catch (error) {
    engine = null;
    throw new ImportError('WRONG_SHAPE', 'Debrief could not start its SQLite reader, so this database cannot be read here', where, { cause: error });
  }
}

/** The database in `bytes`; refused in plain words when SQLite cannot read it. Close it when done. */
export async function openSqlite(bytes: Uint8Array, where: ImportErrorLocation): Promise<Database> {
  const SQL = await sqlJs(where);
  let database: Database | null = null;
  try {
    database = new SQL.Database(bytes);
    // Opening is lazy: reading the schema is what finds a damaged or cut-short file.
    database.exec('SELECT count(*) FROM sqlite_master');
    return database;
  } catch (error) {
    database?.close();
    throw new ImportError('TRUNCATED_ARCHIVE', 'the SQLite database is damaged or cut short', where, { cause: error });
  }
}

/** Names of the tables a database has. */
export async function tableNames(database: Database, where: ImportErrorLocation): Promise<Set<string>> {
  const names = new Set<string>();
  await eachRow(database, "SELECT name FROM sqlite_master WHERE type = 'table'", ([name]) => void names.add(String(name)), where);
  return names;
}

/**
 * Runs `sql` and hands each row to `onRow`, one at a time (a statement steps through the rows, it
 * never builds the whole result). `onRow` may be async: a long read yields between rows.
 */
export async function eachRow(database: Database, sql: string, onRow: (row: SqlValue[]) => void | Promise<void>, where: ImportErrorLocation): Promise<void> {
  let statement;
  try {
    statement = database.prepare(sql);
  } catch (error) {
    throw new ImportError('TRUNCATED_ARCHIVE', 'the SQLite database is damaged or cut short', where, { cause: error });
  }
  try {
    for (;;) {
      let more: boolean;
      try {
        more = statement.step();
      } catch (error) {
        throw new ImportError('TRUNCATED_ARCHIVE', 'the SQLite database is damaged or cut short', where, { cause: error });
      }
      if (!more) return;
      await onRow(statement.get());
    }
  } finally {
    statement.free();
  }
}
