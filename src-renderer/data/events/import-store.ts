import Dexie from 'dexie';
import { newId } from '@core/ids';
import { ImportError } from '@core/importers/import-error';
import type { ImportedEvent, ParseResult } from '@core/importers/imported-records';
import type { AbortFlag } from '@core/importers/importer';
import type { Source, SourceFormat } from '@core/model/source';
import { BlockBuilder, decodeKeys, type BlockWrite } from '@db/event-blocks';
import { applyPeoplePlan, planPeople } from '@db/people-store';
import type { DebriefDatabase } from '@db/schema';
import { discardSource } from './discard';
import { emitEventChange } from './event-changes';
import { EventStoreError } from './event-store-error';
import { holdLock, importLockName, incidentImportLockName, tryHoldLock } from './locks';
import { isVisibleSource, visibleSources } from './visibility';

/** What is known about one input before its events are written. */
export interface ImportRequest {
  incidentId: string;
  fileName: string;
  size: number;
  sha256: string;
  format: SourceFormat;
}

export interface WriteProgress {
  phase: 'waiting' | 'writing' | 'committing';
  written: number;
  total: number;
}

export interface WriteHooks {
  signal?: AbortFlag;
  onProgress?(progress: WriteProgress): void;
  /** Events per block (tests use small blocks). */
  blockSize?: number;
  /**
   * The connection the commit runs on. The worker writes blocks on a relaxed-durability
   * connection (a lost block only loses an invisible import) and commits on a strict one: the
   * commit is what the user sees, so it must be on disk when "Import finished" shows.
   */
  commitWith?: DebriefDatabase;
}

export interface ImportOutcome {
  /** The committed source, or null when nothing was kept (the same file was imported before). */
  source: Source | null;
  added: number;
  /** Already in the incident (an earlier or overlapping import) or repeated within the file. */
  duplicates: number;
  skipped: ParseResult['skipped'];
  warnings: string[];
  /** When these exact bytes were committed to this incident before, if they were. */
  earlierImportAt: number | null;
}

/**
 * One import adds at most this many events: beyond it a parse alone needs gigabytes, and the
 * user is better served by choosing conversations or a time window.
 */
export const MAX_EVENTS_PER_IMPORT = 2_000_000;

/** The committed import of the same bytes into this incident, if any. */
export async function findEarlierImport(database: DebriefDatabase, incidentId: string, sha256: string): Promise<Source | undefined> {
  const sources = await database.sources.where('[incidentId+sha256]').equals([incidentId, sha256]).toArray();
  return sources.filter(isVisibleSource).sort((a, b) => a.importedAt - b.importedAt)[0];
}

/** Dedupe keys the incident's visible events hold, read from the key lists (no event is decoded). */
async function existingKeys(database: DebriefDatabase, incidentId: string): Promise<Set<string>> {
  const known = new Set<string>();
  const sources = await visibleSources(database, incidentId);
  for (const source of sources) {
    const records = await database.eventKeys.where('[sourceId+seq]').between([source.id, Dexie.minKey], [source.id, Dexie.maxKey]).toArray();
    for (const record of records) for (const key of decodeKeys(record)) known.add(key);
  }
  return known;
}

const byTime = (a: ImportedEvent, b: ImportedEvent) => a.at - b.at;

/**
 * Events added to a block between two progress reports while it is built: a block of thousands
 * takes a while on a busy machine, and the "Saving events" line should not stand still meanwhile
 * (the caller throttles what it shows).
 */
const PROGRESS_EVERY_EVENTS = 1024;

function cancelled(request: ImportRequest): ImportError {
  return new ImportError('CANCELLED', 'the import was cancelled', { file: request.fileName });
}

/**
 * Writes one parse result all-or-nothing. A 'staging' source, then the events in blocks (those
 * the incident already holds are counted, not written), then one small transaction that checks
 * the staging row and its blocks are all still there, adds the people and flips the source to
 * 'committed': the commit costs the same for ten events or a million. Until that flip nothing is
 * visible; on cancel or any failure what was staged is discarded again (and start-up discards
 * what a crash left behind).
 */
export async function writeImport(database: DebriefDatabase, request: ImportRequest, result: ParseResult, hooks: WriteHooks = {}): Promise<ImportOutcome> {
  if (result.events.length > MAX_EVENTS_PER_IMPORT) {
    throw new ImportError(
      'LIMIT_EXCEEDED',
      `holds ${result.events.length.toLocaleString('en-US')} events; one import can add at most ${MAX_EVENTS_PER_IMPORT.toLocaleString('en-US')}. Choose fewer conversations or a shorter time window.`,
      { file: request.fileName },
    );
  }
  // Imports into one incident run one at a time, across windows: each de-duplicates against
  // what the others committed.
  // "Waiting" shows only when another import really holds the lock: a free lock that is merely
  // slow to grant on a busy machine is not a wait for another import.
  const lockName = incidentImportLockName(request.incidentId);
  let releaseIncident = await tryHoldLock(lockName);
  if (!releaseIncident) {
    hooks.onProgress?.({ phase: 'waiting', written: 0, total: result.events.length });
    releaseIncident = await holdLock(lockName);
  }
  const sourceId = newId();
  // Held before the staging row exists: start-up cleanup in another window skips locked imports.
  const releaseImport = await holdLock(importLockName(sourceId));
  try {
    return await writeStaged(database, sourceId, request, result, hooks);
  } finally {
    releaseImport();
    releaseIncident();
  }
}

async function writeStaged(database: DebriefDatabase, sourceId: string, request: ImportRequest, result: ParseResult, hooks: WriteHooks): Promise<ImportOutcome> {
  const people = await planPeople(database, result.actors);
  const known = await existingKeys(database, request.incidentId);
  const source: Source = {
    id: sourceId,
    incidentId: request.incidentId,
    fileName: request.fileName,
    size: request.size,
    sha256: request.sha256,
    format: request.format,
    state: 'staging',
    counts: { added: 0, duplicates: 0, skipped: 0, warnings: 0 },
    warnings: [],
    importedAt: Date.now(),
    blockCount: 0,
    actorCounts: {},
  };
  await database.sources.add(source);
  const builder = new BlockBuilder(source.id, source.incidentId, hooks.blockSize);
  // Source order: by time, and within one millisecond in the order the importer produced.
  const events = isSortedByTime(result.events) ? result.events : [...result.events].sort(byTime);
  const total = events.length;
  let duplicates = 0;
  // One block's transaction commits while the next block is built: IndexedDB runs them in
  // order and the worker is not idle waiting for the disk. At most two in flight.
  let inFlight: Promise<unknown> | null = null;
  const write = async (block: BlockWrite) => {
    const written = database.transaction('rw', [database.eventBlocks, database.eventRaw, database.eventKeys], async () => {
      await database.eventBlocks.add(block.block);
      await database.eventRaw.add(block.raw);
      await database.eventKeys.add(block.keys);
    });
    // Its failure is awaited below; this only keeps it from being reported as unhandled when
    // an earlier block fails first.
    written.catch(() => undefined);
    if (inFlight) await inFlight;
    inFlight = written;
  };
  try {
    for (let i = 0; i < total; i++) {
      const imported = events[i];
      if (known.has(imported.dedupeKey)) {
        duplicates++;
        continue;
      }
      known.add(imported.dedupeKey);
      const person = imported.actorExternalId === null ? undefined : people.assignments.get(imported.actorExternalId);
      const full = builder.add(
        {
          id: null,
          sourceFormat: imported.sourceFormat,
          dedupeKey: imported.dedupeKey,
          kind: imported.kind,
          at: imported.at,
          originalTime: imported.originalTime,
          actorAlias: person?.alias ?? null,
          actorId: null,
          actorName: imported.actorName,
          channel: imported.channel,
          text: imported.text,
          ...(imported.mentions?.length ? { mentions: imported.mentions } : {}),
          links: imported.links,
          threadParentKey: imported.threadParentKey,
          ...(imported.alsoInChannel ? { alsoInChannel: true } : {}),
          replyCount: imported.replyCount,
          edited: imported.edited,
          deleted: imported.deleted,
          reactions: imported.reactions,
          attachments: imported.attachments,
        },
        imported.raw,
      );
      if (full) {
        if (hooks.signal?.aborted) throw cancelled(request);
        await write(full);
        hooks.onProgress?.({ phase: 'writing', written: i + 1, total });
      } else if (i % PROGRESS_EVERY_EVENTS === PROGRESS_EVERY_EVENTS - 1) {
        hooks.onProgress?.({ phase: 'writing', written: i + 1, total });
      }
    }
    for (const last of builder.flush()) await write(last);
    if (inFlight) await inFlight;
    hooks.onProgress?.({ phase: 'writing', written: total, total });
    if (hooks.signal?.aborted) throw cancelled(request);

    const added = builder.written;
    const earlier = await findEarlierImport(database, request.incidentId, request.sha256);
    const warnings = result.warnings.map((warning) => [warning.entry, warning.line !== undefined ? `line ${warning.line}` : undefined, warning.message].filter(Boolean).join(': '));
    const outcome = { added, duplicates, skipped: result.skipped, warnings, earlierImportAt: earlier?.importedAt ?? null };
    if (added === 0 && earlier) {
      // The same bytes again and nothing new: no second, empty row under Sources.
      await database.sources.delete(source.id);
      return { ...outcome, source: null };
    }
    hooks.onProgress?.({ phase: 'committing', written: total, total });
    const skipped = result.skipped.reduce((sum, item) => sum + item.count, 0);
    const committed: Source = {
      ...source,
      state: 'committed',
      counts: { added, duplicates, skipped, warnings: warnings.length },
      warnings,
      blockCount: builder.blocks,
      actorCounts: builder.actorCounts,
    };
    await commitSource(hooks.commitWith ?? database, committed, people);
    emitEventChange({ database: database.name, incidentId: committed.incidentId, type: 'sources', sourceId: committed.id });
    return { ...outcome, source: committed };
  } catch (error) {
    // Let a pending block settle first, so the discard removes everything it wrote.
    if (inFlight) await (inFlight as Promise<unknown>).catch(() => undefined);
    await discardSource(database, source.id, { emit: false });
    throw error;
  }
}

function isSortedByTime(events: readonly ImportedEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i].at < events[i - 1].at) return false;
  return true;
}

/**
 * The one small transaction that makes an import visible. Another window's start-up cleanup may
 * have taken the staging row for abandoned (it cannot while our lock is held, but a window of
 * an older version does not know the lock): then nothing is committed.
 */
async function commitSource(database: DebriefDatabase, committed: Source, people: Awaited<ReturnType<typeof planPeople>>): Promise<void> {
  await database.transaction('rw', [database.sources, database.people, database.eventBlocks], async () => {
    const staged = await database.sources.get(committed.id);
    const blocks = await database.eventBlocks.where('[sourceId+seq]').between([committed.id, Dexie.minKey], [committed.id, Dexie.maxKey]).count();
    if (!staged || staged.state !== 'staging' || blocks !== committed.blockCount) {
      throw new EventStoreError('STAGING_LOST', 'This import was interrupted: its staged events were removed by another Debrief window. Nothing from this file was kept; import it again.');
    }
    await applyPeoplePlan(database, people);
    await database.sources.put(committed);
  });
}
