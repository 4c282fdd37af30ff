import Dexie from 'dexie';
import { encodeBlockTerms } from '@core/events/block-terms';
import { blockEvent, blockEventId, decodeEventBlock, encodeEventBlock } from '@core/events/event-block';
import { BundleError } from '@core/bundles/bundle-error';
import { BUNDLE_RECORD_TABLES } from '@core/bundles/bundle-manifest';
import { jsonRecord, type BundleBlock, type BundleContents, type BundleRecord, type BundleRecords } from '@core/bundles/bundle-records';
import type { EventState, ManualEventRecord } from '@core/model/event';
import type { Person } from '@core/model/person';
import { hasRedaction, maskRedactedEvent } from '@core/timeline/redaction';
import { aliasId } from '@db/people-store';
import type { DebriefDatabase } from '@db/schema';
import { visibleSources } from '../events/visibility';

export interface CollectOptions {
  /** Keep the text of redacted events and spans as it is stored (off: hidden characters are masked). */
  includeRedactedText: boolean;
  /** Keep each imported event's original record (provenance). */
  includeOriginalRecords: boolean;
}

/**
 * Reads one incident's stored records, in one read transaction, as a bundle carries them: the
 * incident, its committed imports with their event blocks byte for byte, typed-in events, key
 * moments and redactions, milestones, review notes, postmortems, action items and the people
 * its events and action items name. Without `includeRedactedText`, blocks holding a redacted
 * event are re-encoded with the hidden text masked and those events' original records dropped.
 */
export async function collectIncidentBundle(database: DebriefDatabase, incidentId: string, options: CollectOptions): Promise<BundleContents> {
  const tables = [database.incidents, database.sources, database.eventBlocks, database.eventRaw, database.eventKeys, database.eventState, database.manualEvents, database.people, database.milestones, database.annotations, database.documents, database.actionItems];
  const collected = await database.transaction('r', tables, async () => {
    const incident = await database.incidents.get(incidentId);
    if (!incident || incident.deletedAt) throw new BundleError('NO_INCIDENT', 'This incident is no longer in your library, so it cannot be exported.');
    const sources = await visibleSources(database, incidentId);
    const [eventState, manualEvents, milestones, annotations, documents, actionItems, people] = await Promise.all([
      database.eventState.where('incidentId').equals(incidentId).toArray(),
      database.manualEvents.where('incidentId').equals(incidentId).toArray(),
      database.milestones.where('incidentId').equals(incidentId).toArray(),
      database.annotations.where('incidentId').equals(incidentId).toArray(),
      database.documents.where('incidentId').equals(incidentId).toArray(),
      database.actionItems.where('incidentId').equals(incidentId).toArray(),
      database.people.toArray(),
    ]);
    const range = (sourceId: string) => [[sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]] as const;
    const blocks: BundleBlock[] = [];
    for (const source of sources) {
      const [lower, upper] = range(source.id);
      const [blockRecords, rawRecords, keyRecords] = await Promise.all([
        database.eventBlocks.where('[sourceId+seq]').between(lower, upper).toArray(),
        options.includeOriginalRecords ? database.eventRaw.where('[sourceId+seq]').between(lower, upper).toArray() : Promise.resolve([]),
        database.eventKeys.where('[sourceId+seq]').between(lower, upper).toArray(),
      ]);
      const rawBySeq = new Map(rawRecords.map((r) => [r.seq, r.json]));
      const keysBySeq = new Map(keyRecords.map((r) => [r.seq, r.keys]));
      for (const record of blockRecords) {
        blocks.push({
          meta: { sourceId: record.sourceId, seq: record.seq, incidentId: record.incidentId, count: record.count, firstAt: record.firstAt, lastAt: record.lastAt },
          data: record.data,
          terms: record.terms,
          keys: keysBySeq.get(record.seq) ?? new Uint8Array(0),
          raw: rawBySeq.get(record.seq) ?? null,
        });
      }
    }
    return { incident, sources, eventState, manualEvents, milestones, annotations, documents, actionItems, people, blocks };
  });

  const named = namedPeople(collected.people, collected.sources.flatMap((s) => Object.keys(s.actorCounts)), collected.manualEvents, collected.actionItems.map((a) => a.ownerId));
  let manualEvents = collected.manualEvents;
  let blocks = collected.blocks;
  if (!options.includeRedactedText) {
    const hiding = new Map(collected.eventState.filter(hasRedaction).map((s) => [s.id, s]));
    if (hiding.size > 0) {
      manualEvents = manualEvents.map((record) => maskManual(record, hiding.get(record.id)));
      blocks = blocks.map((block) => maskBlock(block, hiding));
    }
  }
  const records: BundleRecords = {
    incidents: [jsonRecord(collected.incident)],
    sources: collected.sources.map(jsonRecord),
    eventState: collected.eventState.map(jsonRecord),
    manualEvents: manualEvents.map(jsonRecord),
    people: named.map(jsonRecord),
    milestones: collected.milestones.map(jsonRecord),
    annotations: collected.annotations.map(jsonRecord),
    documents: collected.documents.map(jsonRecord),
    actionItems: collected.actionItems.map(jsonRecord),
  };
  for (const table of BUNDLE_RECORD_TABLES) records[table].sort(byId);
  return { incidentId, records, blocks };
}

function byId(a: BundleRecord, b: BundleRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** People whose alias or id the incident's events name, and action-item owners. */
function namedPeople(people: Person[], actorKeys: string[], manual: ManualEventRecord[], ownerIds: (string | null)[]): Person[] {
  const aliases = new Set<string>();
  const ids = new Set<string>();
  for (const key of actorKeys) {
    if (key.startsWith('id:')) ids.add(key.slice(3));
    else aliases.add(key);
  }
  for (const event of manual) {
    if (event.actorAlias) aliases.add(event.actorAlias);
    if (event.actorId) ids.add(event.actorId);
  }
  for (const id of ownerIds) if (id) ids.add(id);
  return people.filter((person) => ids.has(person.id) || person.aliases.some((alias) => aliases.has(aliasId(alias))));
}

function maskManual(record: ManualEventRecord, state: EventState | undefined): ManualEventRecord {
  if (!state) return record;
  const masked = maskRedactedEvent({ ...record, redacted: state.redacted, redactions: state.redactions });
  return { ...record, text: masked.text, links: masked.links, attachments: masked.attachments, reactions: masked.reactions, raw: null } as ManualEventRecord;
}

/** The block with its hidden text masked (terms rebuilt, original records of those events dropped); untouched when it hides nothing. */
function maskBlock(block: BundleBlock, hiding: ReadonlyMap<string, EventState>): BundleBlock {
  const decoded = decodeEventBlock(block.data);
  const rows: number[] = [];
  for (let row = 0; row < decoded.count; row++) if (hiding.has(blockEventId(block.meta.sourceId, decoded, row))) rows.push(row);
  if (rows.length === 0) return block;
  const events = Array.from({ length: decoded.count }, (_, row) => blockEvent(decoded, row));
  for (const row of rows) {
    const state = hiding.get(blockEventId(block.meta.sourceId, decoded, row));
    if (!state) continue;
    const masked = maskRedactedEvent({ ...events[row], redacted: state.redacted, redactions: state.redactions });
    events[row] = { ...events[row], text: masked.text, links: masked.links, attachments: masked.attachments, reactions: masked.reactions };
  }
  let raw = block.raw;
  if (raw !== null) {
    const originals = JSON.parse(raw) as unknown[];
    for (const row of rows) originals[row] = null;
    raw = JSON.stringify(originals);
  }
  return { ...block, data: encodeEventBlock(events, decoded.first), terms: encodeBlockTerms(events.map((e) => e.text)), raw };
}
