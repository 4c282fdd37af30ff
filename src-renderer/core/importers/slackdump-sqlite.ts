/**
 * slackdump's SQLite archive (`slackdump archive`, v3.1+: `slackdump_<date>/slackdump.sqlite`).
 * Every Slack API page it fetched is a CHUNK; the records of a page are rows of MESSAGE (channel
 * and thread messages), S_USER, CHANNEL and CHANNEL_USER, each with the record's Slack JSON in
 * DATA. A record fetched again (a resumed archive, a thread parent seen in its channel and in its
 * thread) has a row per chunk: the one from the latest chunk wins.
 */
import type { SqlValue } from 'sql.js';
import type { ImportErrorLocation } from './import-error';
import { ImportError } from './import-error';
import { checkpoint, type AbortFlag } from './importer';
import type { InputFile } from './input-files';
import { parseJsonText } from './json-input';
import type { ImportLimits } from './limits';
import { eachRow, openSqlite, tableNames } from './sqlite-reader';
import { decodeUtf8 } from './text-decode';

/** sql.js holds the whole database in memory (twice while opening it): this bounds the worker. */
export const MAX_SQLITE_BYTES = 256 * 1024 * 1024;

export interface SlackdumpDatabaseVisitor {
  user(raw: unknown, where: ImportErrorLocation): void;
  channel(raw: unknown, where: ImportErrorLocation): void;
  member(channelId: string, userId: string): void;
  message(channelId: string, raw: unknown, where: ImportErrorLocation): void;
}

/** The head of a slackdump database: SQLite's header, then its schema, which slackdump writes first. */
export function looksLikeSlackdumpDatabase(head: Uint8Array): boolean {
  const text = decodeUtf8(head).text;
  return text.startsWith('SQLite format 3\u0000') && /CREATE TABLE\s+MESSAGE\b/i.test(text) && /CREATE TABLE\s+CHUNK\b/i.test(text);
}

function json(value: SqlValue, where: ImportErrorLocation, limits: ImportLimits): unknown {
  const text = value instanceof Uint8Array ? decodeUtf8(value).text : String(value ?? '');
  return parseJsonText(text, where, limits);
}

/** Reads the database in `file` and hands each user, channel, membership and message to `visit`. */
export async function readSlackdumpDatabase(file: InputFile, limits: ImportLimits, visit: SlackdumpDatabaseVisitor, signal?: AbortFlag): Promise<void> {
  const bytes = await file.read({ ...limits, maxEntryBytes: Math.min(Math.max(limits.maxEntryBytes, MAX_SQLITE_BYTES), limits.maxTotalBytes) });
  const database = await openSqlite(bytes, file.where);
  try {
    const tables = await tableNames(database, file.where);
    if (!tables.has('MESSAGE') || !tables.has('CHUNK')) {
      throw new ImportError('WRONG_SHAPE', 'this SQLite database is not a slackdump archive (it has no MESSAGE and CHUNK tables)', file.where);
    }
    let rows = 0;
    const pause = async () => {
      if (++rows % 500 === 0) await checkpoint(signal, file.where);
    };
    const at = (table: string, id: SqlValue): ImportErrorLocation => ({ ...file.where, field: `${table} ${String(id)}` });
    // SQLite returns the bare columns of the row holding MAX(): the latest chunk's copy of each record.
    const records = [
      ['S_USER', (record: unknown, where: ImportErrorLocation) => visit.user(record, where)],
      ['CHANNEL', (record: unknown, where: ImportErrorLocation) => visit.channel(record, where)],
    ] as const;
    for (const [table, read] of records) {
      if (!tables.has(table)) continue;
      await eachRow(database, `SELECT ID, DATA, MAX(CHUNK_ID) FROM ${table} GROUP BY ID ORDER BY ID`, async ([id, data]) => {
        const where = at(table, id ?? null);
        read(json(data ?? null, where, limits), where);
        await pause();
      }, file.where);
    }
    if (tables.has('CHANNEL_USER')) {
      await eachRow(database, 'SELECT CHANNEL_ID, USER_ID, MIN(IDX) FROM CHANNEL_USER GROUP BY CHANNEL_ID, USER_ID ORDER BY CHANNEL_ID, MIN(IDX)', async ([channel, user]) => {
        visit.member(String(channel), String(user));
        await pause();
      }, file.where);
    }
    await eachRow(database, 'SELECT CHANNEL_ID, TS, DATA, MAX(CHUNK_ID) FROM MESSAGE GROUP BY CHANNEL_ID, ID ORDER BY CHANNEL_ID, ID', async ([channel, ts, data]) => {
      const where: ImportErrorLocation = { ...file.where, field: `MESSAGE ${String(channel)}/${String(ts)}` };
      visit.message(String(channel), json(data ?? null, where, limits), where);
      await pause();
    }, file.where);
  } finally {
    database.close();
  }
}
