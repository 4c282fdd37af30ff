import { detectFormat, getImporter } from '@core/importers/registry';
import { setSqliteWasmUrl } from '@core/importers/sqlite-reader';
import { countMessages, openSlackInput } from '@core/importers/slack/slack-export';
import type { ImportInput, VirtualFolder } from '@core/importers/byte-source';
import type { ImportProgress } from '@core/importers/imported-records';
import { openConnection } from '@data/connection';
import { writeImport } from '@data/events';
import { sha256OfInput } from './file-hash';
import { toImportInput, type PickedInput } from './picked-input';
import { fromWireInput, type WireInput } from './wire-input';
import { throttleProgress } from './progress-throttle';
// sql.js's WebAssembly (for slackdump's SQLite archives), emitted by Vite as an asset of the bundle.
import sqliteWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { serializeError, type ByteReadAnswer, type ByteReadRequest, type ImportChoices, type ImportPhaseProgress, type WorkerRequest, type WorkerResponse } from './worker-protocol';

setSqliteWasmUrl(sqliteWasmUrl);

/**
 * Parsing and writing run here so the window stays responsive. This worker has two
 * connections: blocks are written with relaxed durability (they are invisible until the commit,
 * and a lost one only loses an interrupted import), the commit with strict durability, because
 * it is what the user sees and must be on disk when "Import finished" shows.
 */
const database = openConnection('relaxed');
const strictDatabase = openConnection('strict');
// The renderer's tsconfig has the DOM lib, not WebWorker; this is the part of the worker scope used here.
const scope = self as unknown as { postMessage(message: unknown): void; addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest | ByteReadAnswer>) => void): void };
const cancelled = new Set<number>();
const inputs = new Map<string, ImportInput>();
const slackFolders = new Map<string, Promise<VirtualFolder>>();

function post(message: WorkerResponse | ByteReadRequest): void {
  scope.postMessage(message);
}

/** Reads of desktop-picked files waiting for the window's answer. */
const reads = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();
let nextReadId = 1;

/** A byte range of a desktop-picked file, read by the window through the bridge (workers have none). */
function readThroughWindow(handle: string, offset: number, length: number): Promise<Uint8Array> {
  const readId = nextReadId++;
  return new Promise((resolve, reject) => {
    reads.set(readId, { resolve, reject });
    post({ type: 'read', readId, handle, offset, length });
  });
}

function answered(answer: ByteReadAnswer): void {
  const read = reads.get(answer.readId);
  if (!read) return;
  reads.delete(answer.readId);
  if ('bytes' in answer) read.resolve(answer.bytes);
  else read.reject(new Error(answer.error));
}

function unwire(wire: WireInput): PickedInput {
  return fromWireInput(wire, readThroughWindow);
}

function inputFor(wire: WireInput): ImportInput {
  let input = inputs.get(wire.id);
  if (!input) inputs.set(wire.id, (input = toImportInput(unwire(wire))));
  return input;
}

function slackFolder(picked: WireInput): Promise<VirtualFolder> {
  let folder = slackFolders.get(picked.id);
  if (!folder) slackFolders.set(picked.id, (folder = openSlackInput(inputFor(picked), {})));
  return folder;
}

/** Every importer ignores the choices that are not its own. */
function importerOptions(choices: ImportChoices): ImportChoices {
  return choices;
}

async function analyse(request: Extract<WorkerRequest, { type: 'analyse' }>): Promise<void> {
  const input = inputFor(request.input);
  try {
    const match = await detectFormat(input);
    // A Slack ZIP's directory is read once here and kept for counting and importing.
    const previewInput = match.importer.id === 'slack-export' && input.kind === 'file' ? { kind: 'folder' as const, folder: await slackFolder(request.input) } : input;
    const preview = await match.importer.preview(previewInput, importerOptions(request.choices));
    post({ type: 'analysed', requestId: request.requestId, format: match.importer.id, scores: match.scores, preview, error: null });
  } catch (error) {
    post({ type: 'analysed', requestId: request.requestId, format: null, scores: [], preview: null, error: serializeError(error) });
  }
}

async function count(request: Extract<WorkerRequest, { type: 'count' }>): Promise<void> {
  const folder = await slackFolder(request.input);
  // Import stops the counts: the one under way ends at its next day file, not after its last.
  const signal = { get aborted() { return cancelled.has(request.requestId); } };
  for (const name of request.folders) {
    if (signal.aborted) break;
    let result: number | null;
    try {
      result = await countMessages(folder, { folder: name }, { window: request.window }, { signal });
    } catch {
      // A broken day file shows as "?" here; the import itself names the file and line.
      result = null;
    }
    if (signal.aborted) break;
    post({ type: 'count', requestId: request.requestId, folder: name, count: result });
  }
  post({ type: 'done', requestId: request.requestId });
}

async function runImport(request: Extract<WorkerRequest, { type: 'import' }>): Promise<void> {
  const signal = { get aborted() { return cancelled.has(request.requestId); } };
  const picked = unwire(request.input);
  const throttle = throttleProgress((value) => post({ type: 'progress', requestId: request.requestId, progress: value }));
  const progress = (value: ImportPhaseProgress, force = false) => throttle.report(value, force);
  try {
    await importAndReport(request, picked, signal, progress);
  } finally {
    throttle.stop();
  }
}

async function importAndReport(
  request: Extract<WorkerRequest, { type: 'import' }>,
  picked: PickedInput,
  signal: { readonly aborted: boolean },
  progress: (value: ImportPhaseProgress, force?: boolean) => void,
): Promise<void> {
  const filesTotal = picked.files.length;
  const hashing = (bytes: number) => progress({ phase: 'hashing', filesDone: 0, filesTotal, bytesDone: bytes, bytesTotal: picked.size, events: 0 });
  // The line says what the import does from the start: a file up to 64 MiB is hashed in one call,
  // which reports only once it is done.
  hashing(0);
  const sha256 = await sha256OfInput(picked, signal, hashing);
  if (signal.aborted) throw Object.assign(new Error('cancelled'), { cancelled: true });
  const importer = getImporter(request.format);
  const input = request.format === 'slack-export' && picked.kind === 'file' ? { kind: 'folder' as const, folder: await slackFolder(request.input) } : inputFor(request.input);
  const result = await importer.parse(input, importerOptions(request.choices), {
    signal,
    onProgress: (p: ImportProgress) => progress({ phase: 'reading', ...p }),
  });
  const summaryBase = { fileName: picked.name, format: request.format, sha256 };
  const outcome = await writeImport(
    database,
    { incidentId: request.incidentId, fileName: picked.name, size: picked.size, sha256, format: request.format },
    result,
    {
      signal,
      commitWith: strictDatabase,
      onProgress: ({ phase, written, total }) =>
        progress({ phase, filesDone: filesTotal, filesTotal, bytesDone: picked.size, bytesTotal: picked.size, events: written, eventsTotal: total }, phase !== 'writing' || written === total),
    },
  );
  post({
    type: 'done',
    requestId: request.requestId,
    summary: {
      ...summaryBase,
      earlierImportAt: outcome.earlierImportAt,
      sourceId: outcome.source?.id ?? null,
      added: outcome.added,
      duplicates: outcome.duplicates,
      skipped: outcome.skipped,
      warnings: outcome.warnings,
    },
  });
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'cancel':
      cancelled.add(request.requestId);
      return;
    case 'analyse':
      return analyse(request);
    case 'preview': {
      const preview = await getImporter(request.format).preview(inputFor(request.input), importerOptions(request.choices));
      post({ type: 'preview', requestId: request.requestId, preview });
      return;
    }
    case 'count':
      return count(request);
    case 'import':
      return runImport(request);
  }
}

scope.addEventListener('message', (event: MessageEvent<WorkerRequest | ByteReadAnswer>) => {
  const request = event.data;
  if (request.type === 'bytes') {
    answered(request);
    return;
  }
  handle(request).catch((error: unknown) => {
    const cancelledError = cancelled.has(request.requestId);
    post({ type: 'error', requestId: request.requestId, error: cancelledError ? { code: 'CANCELLED', message: 'the import was cancelled', location: null } : serializeError(error) });
  });
});
