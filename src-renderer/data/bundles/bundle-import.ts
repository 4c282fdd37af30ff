import { BundleError } from '@core/bundles/bundle-error';
import { BUNDLE_RECORD_TABLES, type BundleRecordTable } from '@core/bundles/bundle-manifest';
import { canonicalJson, jsonRecord, type BundleContents, type BundleRecord, type BundleRecords } from '@core/bundles/bundle-records';
import { mergeWrites, planMerge, type LocalRecords, type MergePlan, type MergeSide } from '@core/bundles/bundle-merge';
import { decodeBlockTerms } from '@core/events/block-terms';
import { decodeEventBlock } from '@core/events/event-block';
import type { Person } from '@core/model/person';
import { aliasId } from '@db/people-store';
import type { DebriefDatabase } from '@db/schema';
import { emitEventChange } from '../events/event-changes';
import { writeRecords, type RecordChange } from '../write-log';

export interface BundleImportPlan {
  incidentId: string;
  title: string;
  /** The incident is already in this library: importing merges into it. */
  exists: boolean;
  merge: MergePlan;
  /** People of the bundle who are already here under another record (same source alias): yours are kept. */
  peopleMatched: number;
}

export interface BundleImportResult {
  added: number;
  replaced: number;
  events: number;
}

function allTables(database: DebriefDatabase) {
  return [database.incidents, database.sources, database.eventBlocks, database.eventRaw, database.eventKeys, database.eventState, database.manualEvents, database.people, database.milestones, database.annotations, database.documents, database.actionItems];
}

async function readLocal(database: DebriefDatabase, records: BundleRecords): Promise<{ local: LocalRecords; people: Person[] }> {
  const local = {} as Record<BundleRecordTable, Map<string, BundleRecord>>;
  for (const table of BUNDLE_RECORD_TABLES) {
    const found = (await database.table(table).bulkGet(records[table].map((r) => r.id))) as (object | undefined)[];
    local[table] = new Map(found.flatMap((record) => (record ? [jsonRecord(record)] : [])).map((r) => [r.id, r]));
  }
  return { local, people: await database.people.toArray() };
}

/** Leaves out people of the bundle who are not here by id but whose source alias one of ours holds (the same person). */
function withoutMatchedPeople(records: BundleRecords, local: LocalRecords, people: Person[]): { records: BundleRecords; matched: number } {
  const held = new Set(people.flatMap((p) => p.aliases.map(aliasId)));
  const kept = records.people.filter((person) => {
    if (local.people.has(person.id)) return true;
    const aliases = Array.isArray(person.aliases) ? (person.aliases as { sourceFormat: string; externalId: string }[]) : [];
    return !aliases.some((alias) => held.has(aliasId(alias)));
  });
  return { records: { ...records, people: kept }, matched: records.people.length - kept.length };
}

function plan(contents: BundleContents, local: LocalRecords, people: Person[]): BundleImportPlan {
  const { records, matched } = withoutMatchedPeople(contents.records, local, people);
  const incident = contents.records.incidents[0];
  return {
    incidentId: contents.incidentId,
    title: typeof incident?.title === 'string' ? incident.title : '',
    exists: local.incidents.has(contents.incidentId),
    merge: planMerge(local, records),
    peopleMatched: matched,
  };
}

/** What importing the bundle would do, conflicts included; nothing is written. */
export async function planBundleImport(database: DebriefDatabase, contents: BundleContents): Promise<BundleImportPlan> {
  return database.transaction('r', allTables(database), async () => {
    const { local, people } = await readLocal(database, contents.records);
    return plan(contents, local, people);
  });
}

/** Every block decodes, and says what its metadata says, before any is written. */
function checkBlocks(contents: BundleContents): void {
  for (const [index, block] of contents.blocks.entries()) {
    try {
      const decoded = decodeEventBlock(block.data);
      decodeBlockTerms(block.terms);
      if (decoded.count !== block.meta.count) throw new Error(`it holds ${decoded.count} events, not ${block.meta.count}`);
    } catch (error) {
      throw new BundleError('INVALID_RECORDS', `Event block ${index} of the bundle is unreadable (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`, { cause: error, location: { field: `events/${index}` } });
    }
  }
}

/**
 * Imports the bundle in one read-write transaction: the records the plan adds, the bundle's side
 * of each conflict the user resolved to it (`choices`, else each conflict's preferred side), and
 * the event blocks of imports this library lacks. If the library changed since the plan was
 * shown so that a conflict the user has not seen appears, nothing is written.
 */
export async function applyBundleImport(database: DebriefDatabase, contents: BundleContents, shown: BundleImportPlan, choices: ReadonlyMap<string, MergeSide>): Promise<BundleImportResult> {
  checkBlocks(contents);
  const seen = new Map(shown.merge.conflicts.map((c) => [c.key, canonicalJson(c.local)]));
  const result = await database.transaction('rw', allTables(database), async () => {
    const { local, people } = await readLocal(database, contents.records);
    const current = plan(contents, local, people);
    const unseen = current.merge.conflicts.find((c) => seen.get(c.key) !== canonicalJson(c.local));
    if (unseen) {
      throw new BundleError('INVALID_RECORDS', `${unseen.label} changed in your library while the import was open. Nothing was imported; import the bundle again to review the conflicts.`);
    }
    const writes = mergeWrites(current.merge, choices);
    const changes: RecordChange[] = writes.map(({ table, record }) => ({ table, op: 'put', value: record }));
    await writeRecords(database, changes);
    const newSources = new Set(current.merge.added.sources.map((s) => s.id));
    const blocks = contents.blocks.filter((b) => newSources.has(b.meta.sourceId));
    const key = (b: (typeof blocks)[number]) => ({ sourceId: b.meta.sourceId, seq: b.meta.seq, incidentId: b.meta.incidentId });
    await database.eventBlocks.bulkPut(blocks.map((b) => ({ ...b.meta, data: b.data, terms: b.terms })));
    await database.eventKeys.bulkPut(blocks.map((b) => ({ ...key(b), keys: b.keys })));
    await database.eventRaw.bulkPut(blocks.flatMap((b) => (b.raw === null ? [] : [{ ...key(b), json: b.raw }])));
    const added = BUNDLE_RECORD_TABLES.reduce((sum, t) => sum + current.merge.added[t].length, 0);
    return {
      result: { added, replaced: writes.length - added, events: blocks.reduce((sum, b) => sum + b.meta.count, 0) },
      newSources: [...newSources],
      eventIds: writes.filter((w) => w.table === 'eventState' || w.table === 'manualEvents').map((w) => w.record.id),
    };
  });
  const database_ = database.name;
  for (const sourceId of result.newSources) emitEventChange({ database: database_, incidentId: contents.incidentId, type: 'sources', sourceId });
  if (result.eventIds.length > 0) emitEventChange({ database: database_, incidentId: contents.incidentId, type: 'events', ids: result.eventIds });
  return result.result;
}
