import { z } from 'zod';
import { BundleError } from '@core/bundles/bundle-error';
import {
  BLOCKS_PATH,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_RECORD_TABLES,
  MANIFEST_PATH,
  blockPartPath,
  bundleManifestSchema,
  recordsPath,
  type BundleManifest,
  type BundleRecordTable,
  type ManifestEntry,
} from '@core/bundles/bundle-manifest';
import type { BundleBlock, BundleBlockMeta, BundleContents, BundleRecord, BundleRecords } from '@core/bundles/bundle-records';
import { restoreRecord, StoredRecordError } from '@db/restore';
import { ZipWriter } from '@core/bundles/zip-writer';
import type { ByteSource } from '@core/importers/byte-source';
import { ImportError } from '@core/importers/import-error';
import { openZip, type ZipEntry } from '@core/importers/zip-reader';

/** Fraction done, 0..1. */
export type BundleProgress = (fraction: number) => void;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Lets the UI paint between entries of a large bundle. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface WrittenBundle {
  parts: Uint8Array[];
  size: number;
  manifest: BundleManifest;
}

export interface ArchiveInfo {
  exportedAt: Date;
  app: string;
  includesRedactedText: boolean;
  includesOriginalRecords: boolean;
}

/** Writes the contents as a `.debrief` ZIP, each entry's size and SHA-256 listed in the manifest. */
export async function writeBundleArchive(contents: BundleContents, info: ArchiveInfo, onProgress: BundleProgress = () => {}): Promise<WrittenBundle> {
  const incident = contents.records.incidents.find((r) => r.id === contents.incidentId);
  if (!incident) throw new BundleError('NO_INCIDENT', 'The bundle has no incident record.');
  const zip = new ZipWriter(info.exportedAt);
  const entries: ManifestEntry[] = [];
  const add = async (path: string, bytes: Uint8Array, compress = true) => {
    entries.push({ path, size: bytes.length, sha256: await sha256Hex(bytes) });
    zip.add(path, bytes, compress);
  };
  const total = BUNDLE_RECORD_TABLES.length + 1 + contents.blocks.length;
  let done = 0;
  const step = async () => {
    done++;
    onProgress(done / total);
    if (done % 4 === 0) await nextTask();
  };
  for (const table of BUNDLE_RECORD_TABLES) {
    await add(recordsPath(table), utf8.encode(JSON.stringify(contents.records[table])));
    await step();
  }
  await add(BLOCKS_PATH, utf8.encode(JSON.stringify(contents.blocks.map((b) => b.meta))));
  await step();
  for (const [index, block] of contents.blocks.entries()) {
    await add(blockPartPath(index, 'block.bin'), block.data);
    await add(blockPartPath(index, 'terms.bin'), block.terms);
    await add(blockPartPath(index, 'keys.bin'), block.keys);
    if (block.raw !== null) await add(blockPartPath(index, 'raw.json'), utf8.encode(block.raw));
    await step();
  }
  const counts = Object.fromEntries(BUNDLE_RECORD_TABLES.map((t) => [t, contents.records[t].length]));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: info.exportedAt.toISOString(),
    app: info.app,
    incident: { id: contents.incidentId, title: typeof incident.title === 'string' ? incident.title : '', updatedAt: typeof incident.updatedAt === 'number' ? incident.updatedAt : 0 },
    includesRedactedText: info.includesRedactedText,
    includesOriginalRecords: info.includesOriginalRecords,
    counts: { events: contents.blocks.reduce((sum, b) => sum + b.meta.count, 0) + contents.records.manualEvents.length, records: { ...counts, eventBlocks: contents.blocks.length } },
    entries,
  };
  zip.add(MANIFEST_PATH, utf8.encode(JSON.stringify(manifest, null, 2)));
  const parts = zip.finish();
  onProgress(1);
  return { parts, size: zip.bytesOut, manifest };
}

export interface ReadBundle {
  manifest: BundleManifest;
  contents: BundleContents;
}

const recordSchema = z.looseObject({ id: z.string().min(1) });
const recordsSchema = z.array(recordSchema);
const blockMetaSchema = z.object({
  sourceId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  incidentId: z.string(),
  count: z.number().int().nonnegative(),
  firstAt: z.number(),
  lastAt: z.number(),
});

/** Tables whose records belong to one incident (people are shared across incidents). */
const INCIDENT_SCOPED = BUNDLE_RECORD_TABLES.filter((t) => t !== 'people' && t !== 'incidents');

/** Caps for bundles: the event blocks of a large incident are a few MB each, the JSON arrays larger. */
const BUNDLE_LIMITS = { maxEntryBytes: 512 * 1024 * 1024, maxTotalBytes: 8 * 1024 * 1024 * 1024, maxEntries: 1_000_000 };

function fromReader(error: unknown, fileName: string, entry?: string): BundleError {
  const at = entry ? `the entry ${entry} of ${fileName}` : fileName;
  if (error instanceof ImportError) {
    if (error.code === 'NOT_A_ZIP') return new BundleError('NOT_A_BUNDLE', `${fileName} is not a Debrief bundle: it is not a ZIP archive. Choose a .debrief file made with “Export bundle…”.`, { cause: error, location: { file: fileName } });
    if (error.code === 'TRUNCATED_ARCHIVE') return new BundleError('TRUNCATED', `${fileName} is cut short or damaged (${error.message}), so it cannot be imported. Nothing was changed; ask for the bundle again.`, { cause: error, location: { file: fileName } });
    if (error.code === 'LIMIT_EXCEEDED') return new BundleError('TOO_LARGE', `${at} is too large to import: it ${error.message}.`, { cause: error, location: { file: fileName, field: entry } });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new BundleError('TAMPERED', `${at} cannot be read (${detail}): the bundle was changed or damaged after it was exported. Nothing was changed.`, { cause: error, location: { file: fileName, field: entry } });
}

function parseJson(bytes: Uint8Array, fileName: string, path: string): unknown {
  try {
    return JSON.parse(utf8Decoder.decode(bytes));
  } catch (error) {
    throw new BundleError('INVALID_RECORDS', `The entry ${path} of ${fileName} is not readable JSON. Nothing was changed.`, { cause: error, location: { file: fileName, field: path } });
  }
}

/** A record enters the library here: restored once (db/restore.ts), or the bundle is refused naming it. */
function restoreBundleRecord(table: BundleRecordTable, record: BundleRecord, index: number, fileName: string, path: string): BundleRecord {
  try {
    return restoreRecord(table, record) as unknown as BundleRecord;
  } catch (error) {
    if (error instanceof StoredRecordError) throw invalid(fileName, path, `holds an unusable record (number ${index + 1}: ${error.message})`);
    throw error;
  }
}

function invalid(fileName: string, path: string, why: string): BundleError {
  return new BundleError('INVALID_RECORDS', `The entry ${path} of ${fileName} ${why}. Nothing was changed.`, { location: { file: fileName, field: path } });
}

/**
 * Opens a bundle and verifies all of it before anything is used: the manifest, then every
 * entry's size and SHA-256 against it (an entry it does not list, or one it lists that is
 * missing, refuses the bundle too), then the records' shape and that they all belong to the
 * bundle's incident. Throws a BundleError naming the file and the entry at fault.
 */
export async function readBundleArchive(source: ByteSource, onProgress: BundleProgress = () => {}): Promise<ReadBundle> {
  const fileName = source.name;
  let entries: readonly ZipEntry[];
  try {
    entries = (await openZip(source, { limits: BUNDLE_LIMITS })).entries;
  } catch (error) {
    throw fromReader(error, fileName);
  }
  const byPath = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if (byPath.has(entry.path)) throw new BundleError('ENTRY_MISMATCH', `${fileName} holds the entry ${entry.path} twice; a bundle made by Debrief never does. Nothing was changed.`, { location: { file: fileName, field: entry.path } });
    byPath.set(entry.path, entry);
  }
  const manifestEntry = byPath.get(MANIFEST_PATH);
  if (!manifestEntry) throw new BundleError('NOT_A_BUNDLE', `${fileName} is not a Debrief bundle: it has no ${MANIFEST_PATH}. Choose a .debrief file made with “Export bundle…”.`, { location: { file: fileName } });
  const manifest = parseManifest(await readEntry(manifestEntry, fileName), fileName);

  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  for (const path of byPath.keys()) {
    if (path !== MANIFEST_PATH && !listed.has(path)) {
      throw new BundleError('ENTRY_MISMATCH', `${fileName} holds the entry ${path}, which its manifest does not list: the bundle was changed after it was exported. Nothing was changed.`, { location: { file: fileName, field: path } });
    }
  }
  const totalBytes = manifest.entries.reduce((sum, e) => sum + e.size, 0) || 1;
  let readBytes = 0;
  const verified = new Map<string, Uint8Array>();
  for (const [index, expected] of manifest.entries.entries()) {
    const entry = byPath.get(expected.path);
    if (!entry) throw new BundleError('ENTRY_MISMATCH', `${fileName} lacks the entry ${expected.path} that its manifest lists: the bundle is incomplete. Nothing was changed.`, { location: { file: fileName, field: expected.path } });
    const bytes = await readEntry(entry, fileName);
    if (bytes.length !== expected.size || (await sha256Hex(bytes)) !== expected.sha256) {
      throw new BundleError('TAMPERED', `The entry ${expected.path} of ${fileName} does not match its checksum: the bundle was changed or damaged after it was exported. Nothing was changed.`, { location: { file: fileName, field: expected.path } });
    }
    verified.set(expected.path, bytes);
    readBytes += bytes.length;
    onProgress(Math.min(1, readBytes / totalBytes));
    if (index % 16 === 15) await nextTask();
  }
  return { manifest, contents: parseContents(manifest, verified, fileName) };
}

async function readEntry(entry: ZipEntry, fileName: string): Promise<Uint8Array> {
  try {
    return await entry.read();
  } catch (error) {
    throw fromReader(error, fileName, entry.path);
  }
}

function parseManifest(bytes: Uint8Array, fileName: string): BundleManifest {
  const json = parseJson(bytes, fileName, MANIFEST_PATH);
  const header = z.looseObject({ format: z.string(), formatVersion: z.number() }).safeParse(json);
  if (!header.success || header.data.format !== BUNDLE_FORMAT) {
    throw new BundleError('NOT_A_BUNDLE', `${fileName} is not a Debrief bundle: its ${MANIFEST_PATH} is not a bundle manifest.`, { location: { file: fileName, field: MANIFEST_PATH } });
  }
  if (header.data.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new BundleError('NEWER_FORMAT', `${fileName} was made by a newer version of Debrief (bundle format ${header.data.formatVersion}). Update Debrief to import it.`, { location: { file: fileName } });
  }
  const parsed = bundleManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(fileName, MANIFEST_PATH, `is not a complete manifest (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'unknown shape'})`);
  }
  return parsed.data;
}

function parseContents(manifest: BundleManifest, verified: ReadonlyMap<string, Uint8Array>, fileName: string): BundleContents {
  const incidentId = manifest.incident.id;
  const need = (path: string) => {
    const bytes = verified.get(path);
    if (!bytes) throw new BundleError('ENTRY_MISMATCH', `${fileName} lacks the entry ${path}: the bundle is incomplete. Nothing was changed.`, { location: { file: fileName, field: path } });
    return bytes;
  };
  const records = {} as BundleRecords;
  for (const table of BUNDLE_RECORD_TABLES) {
    const path = recordsPath(table);
    const parsed = recordsSchema.safeParse(parseJson(need(path), fileName, path));
    if (!parsed.success) throw invalid(fileName, path, 'is not a list of records with ids');
    records[table] = parsed.data.map((record, index) => restoreBundleRecord(table, record, index, fileName, path));
  }
  const incidents = records.incidents;
  if (incidents.length !== 1 || incidents[0].id !== incidentId) throw invalid(fileName, recordsPath('incidents'), `does not hold exactly the incident ${incidentId} the manifest names`);
  for (const table of INCIDENT_SCOPED) {
    const stranger = records[table].find((r) => r.incidentId !== incidentId);
    if (stranger) throw invalid(fileName, recordsPath(table), `holds the record ${stranger.id} of another incident`);
  }
  const metas = z.array(blockMetaSchema).safeParse(parseJson(need(BLOCKS_PATH), fileName, BLOCKS_PATH));
  if (!metas.success) throw invalid(fileName, BLOCKS_PATH, 'is not a list of event blocks');
  const sourceIds = new Set(records.sources.map((s) => s.id));
  const blocks: BundleBlock[] = metas.data.map((meta: BundleBlockMeta, index) => {
    if (meta.incidentId !== incidentId || !sourceIds.has(meta.sourceId)) throw invalid(fileName, BLOCKS_PATH, `lists block ${index} of an import the bundle does not hold`);
    const rawPath = blockPartPath(index, 'raw.json');
    const raw = verified.get(rawPath);
    return {
      meta,
      data: need(blockPartPath(index, 'block.bin')),
      terms: need(blockPartPath(index, 'terms.bin')),
      keys: need(blockPartPath(index, 'keys.bin')),
      raw: raw ? utf8Decoder.decode(raw) : null,
    };
  });
  return { incidentId, records, blocks };
}
