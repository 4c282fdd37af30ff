import Dexie from 'dexie';
import { newId } from '@core/ids';
import { ImportError } from '@core/importers/import-error';
import type { ParseResult } from '@core/importers/imported-records';
import type { AbortFlag } from '@core/importers/importer';
import type { TimelineEvent } from '@core/model/event';
import type { Source, SourceFormat } from '@core/model/source';
import { applyPeoplePlan, planPeople } from './people-store';
import type { DebriefDatabase } from './schema';

/** What is known about one input before its events are written. */
export interface ImportRequest {
  incidentId: string;
  fileName: string;
  size: number;
  sha256: string;
  format: SourceFormat;
}

export interface WriteProgress {
  written: number;
  total: number;
}

export interface WriteHooks {
  signal?: AbortFlag;
  onProgress?(progress: WriteProgress): void;
  /** Events per write transaction. */
  chunkSize?: number;
}

export interface ImportOutcome {
  source: Source;
  added: number;
  /** Already in the incident (an earlier or overlapping import) or repeated within the file. */
  duplicates: number;
  skipped: ParseResult['skipped'];
  warnings: string[];
}

/**
 * Large enough that per-transaction overhead vanishes, small enough that one transaction's
 * records stay a few MB (IndexedDB keeps a transaction's writes in memory until it commits).
 */
export const DEFAULT_CHUNK = 5000;

/** The committed import of the same bytes into this incident, if any. */
export async function findEarlierImport(database: DebriefDatabase, incidentId: string, sha256: string): Promise<Source | undefined> {
  const sources = await database.sources.where('[incidentId+sha256]').equals([incidentId, sha256]).toArray();
  return sources.filter((source) => source.state === 'committed').sort((a, b) => a.importedAt - b.importedAt)[0];
}

/** Dedupe keys the incident holds already, read once from the index (no event is loaded). */
async function existingKeys(database: DebriefDatabase, incidentId: string): Promise<Set<string>> {
  const keys = (await database.events
    .where('[incidentId+dedupeKey]')
    .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
    .keys()) as unknown as [string, string][];
  return new Set(keys.map((key) => key[1]));
}

/**
 * Writes one parse result all-or-nothing: a 'staging' source, events in chunked transactions
 * (those the incident already holds are counted, not written), then one small transaction that
 * adds the people and flips the source to 'committed'. Until that flip nothing is visible; on
 * cancel or any failure the staging rows are removed again (and start-up removes what a crash
 * left behind).
 */
export async function writeImport(database: DebriefDatabase, request: ImportRequest, result: ParseResult, hooks: WriteHooks = {}): Promise<ImportOutcome> {
  const chunkSize = hooks.chunkSize ?? DEFAULT_CHUNK;
  const people = await planPeople(database, result.actors);
  const known = await existingKeys(database, request.incidentId);
  const source: Source = {
    id: newId(),
    incidentId: request.incidentId,
    fileName: request.fileName,
    size: request.size,
    sha256: request.sha256,
    format: request.format,
    state: 'staging',
    counts: { added: 0, duplicates: 0, skipped: 0, warnings: 0 },
    warnings: [],
    importedAt: Date.now(),
  };
  await database.sources.add(source);
  let added = 0;
  let duplicates = 0;
  // One chunk's transaction commits while the next chunk is built and handed over: IndexedDB
  // runs them in order, and the worker is not idle waiting for the disk. At most two in flight.
  let inFlight: Promise<unknown> | null = null;
  try {
    const total = result.events.length;
    for (let start = 0; start < total; start += chunkSize) {
      if (hooks.signal?.aborted) throw new ImportError('CANCELLED', 'the import was cancelled', { file: request.fileName });
      const chunk: TimelineEvent[] = [];
      for (const imported of result.events.slice(start, start + chunkSize)) {
        if (known.has(imported.dedupeKey)) {
          duplicates++;
          continue;
        }
        known.add(imported.dedupeKey);
        const { actorExternalId, ...fields } = imported;
        const person = actorExternalId === null ? undefined : people.assignments.get(actorExternalId);
        chunk.push({
          ...fields,
          id: newId(),
          incidentId: request.incidentId,
          sourceId: source.id,
          actorId: person?.personId ?? null,
          actorAlias: person?.alias ?? null,
          actorName: person?.displayName ?? fields.actorName,
          pinned: false,
          redacted: false,
          redactions: [],
        });
      }
      if (chunk.length) {
        const write = database.transaction('rw', database.events, () => database.events.bulkAdd(chunk));
        // Its failure is awaited below; this only keeps it from being reported as unhandled
        // when an earlier chunk fails first.
        write.catch(() => undefined);
        if (inFlight) await inFlight;
        inFlight = write;
      }
      added += chunk.length;
      hooks.onProgress?.({ written: Math.min(total, start + chunkSize), total });
    }
    if (inFlight) await inFlight;
    if (hooks.signal?.aborted) throw new ImportError('CANCELLED', 'the import was cancelled', { file: request.fileName });
    const warnings = result.warnings.map((warning) => [warning.entry, warning.line !== undefined ? `line ${warning.line}` : undefined, warning.message].filter(Boolean).join(': '));
    const skipped = result.skipped.reduce((sum, item) => sum + item.count, 0);
    const committed: Source = { ...source, state: 'committed', counts: { added, duplicates, skipped, warnings: warnings.length }, warnings };
    await database.transaction('rw', database.sources, database.people, async () => {
      await applyPeoplePlan(database, people);
      await database.sources.put(committed);
    });
    return { source: committed, added, duplicates, skipped: result.skipped, warnings };
  } catch (error) {
    // Let a pending chunk settle first, so the discard removes everything it wrote.
    if (inFlight) await inFlight.catch(() => undefined);
    await discardSource(database, source.id);
    throw error;
  }
}

/** Removes a source and exactly its events, in one transaction. Returns how many events went. */
export async function discardSource(database: DebriefDatabase, sourceId: string): Promise<number> {
  return database.transaction('rw', database.sources, database.events, async () => {
    const removed = await database.events.where('sourceId').equals(sourceId).delete();
    await database.sources.delete(sourceId);
    return removed;
  });
}

/** The incident's imports, newest first. */
export async function listSources(database: DebriefDatabase, incidentId: string): Promise<Source[]> {
  const sources = await database.sources.where('incidentId').equals(incidentId).toArray();
  return sources.filter((source) => source.state === 'committed').sort((a, b) => b.importedAt - a.importedAt);
}
