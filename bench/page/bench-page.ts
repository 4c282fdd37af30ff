// The bench page drives the real import worker and import store; bench/import-bench.mjs calls
// `window.bench` through Playwright and reads the timings.
// Deep imports on purpose: the feature's index pulls in React components and the platform layer.
import { ImportRunError, ImportWorkerClient } from '@features/import/import-client';
import type { PickedInput } from '@features/import/picked-input';
import { DebriefDatabase } from '@db/schema';
import { loadVisibleEvents } from '@data/events/load-events';
import { BlockBuilder, type BlockWrite } from '@db/event-blocks';
import type { TimelineEvent } from '@core/model/event';
import type { Incident } from '@core/model/incident';
import type { Source } from '@core/model/source';
import { syntheticEvents } from './synthetic-events';
import { insightsBench } from './insights-seed';

const client = new ImportWorkerClient();
const status = document.getElementById('status') as HTMLElement;
const list = document.getElementById('conversations') as HTMLElement;
let nextInput = 0;

async function fileInput(url: string): Promise<PickedInput> {
  const blob = await (await fetch(url)).blob();
  const name = url.split('/').pop() ?? 'export.zip';
  const file = new File([blob], name, { type: 'application/zip' });
  return { id: `bench-${++nextInput}`, name, kind: 'file', files: [{ file, path: name }], size: file.size };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const bench = {
  async load(url: string): Promise<string> {
    const input = await fileInput(url);
    inputs.set(input.id, input);
    return input.id;
  },

  /**
   * The file set on the page's file input (Playwright's setInputFiles with a path): a File read
   * from disk, as the app gets it from the file chooser, rather than one held in memory.
   */
  picked(): string {
    const file = (document.getElementById('file') as HTMLInputElement).files?.[0];
    if (!file) throw new Error('no file was set on the file input');
    const input: PickedInput = { id: `bench-${++nextInput}`, name: file.name, kind: 'file', files: [{ file, path: file.name }], size: file.size };
    inputs.set(input.id, input);
    return input.id;
  },

  /** Time from handing the file over to the conversation list being on screen. */
  async conversationList(inputId: string): Promise<{ ms: number; conversations: number; folders: string[]; ids: string[] }> {
    const input = must(inputId);
    const started = performance.now();
    const analysis = await client.analyse(input, {});
    const preview = analysis.preview as { conversations?: { id: string; folder: string; label: string }[] } | null;
    const conversations = preview?.conversations ?? [];
    list.replaceChildren(...conversations.map((c) => Object.assign(document.createElement('li'), { textContent: c.label })));
    await frame();
    return { ms: performance.now() - started, conversations: conversations.length, folders: conversations.map((c) => c.folder), ids: conversations.map((c) => c.id) };
  },

  /**
   * One import as the app's wizard runs it: a new worker (the wizard starts one per dialog; a
   * worker that already ran imports is not the user's case), the file analysed first (untimed,
   * as it is when the wizard shows the preview), then the import, timed.
   */
  async importInput(inputId: string, incidentId: string, choices: { conversations?: string[]; window?: { from?: number; to?: number } } = {}) {
    const input = must(inputId);
    const wizard = new ImportWorkerClient();
    await wizard.analyse(input, {});
    try {
      return await timedImport(wizard, input, incidentId, choices);
    } finally {
      wizard.dispose();
    }
  },

  /** A CSV timeline of `rows` rows, one second apart, made in the page. */
  csv(rows: number): string {
    const start = Date.UTC(2024, 5, 13, 7);
    const lines = ['timestamp,actor,source,event_type,message'];
    for (let i = 0; i < rows; i++) lines.push(`${new Date(start + i * 1000).toISOString()},queue-bot,queues,message,Backlog item ${i} drained`);
    const file = new File([lines.join('\n')], 'backlog.csv', { type: 'text/csv' });
    const input: PickedInput = { id: `bench-${++nextInput}`, name: file.name, kind: 'file', files: [{ file, path: file.name }], size: file.size };
    inputs.set(input.id, input);
    return input.id;
  },

  /**
   * A hostile file through the real worker as the wizard drives it: its own worker (one per wizard,
   * ended when the wizard closes), analyse (the preview), then import.
   */
  async hostileImport(inputId: string, incidentId: string): Promise<{ analysedMs: number; analyseError: string | null; ms: number; outcome: string }> {
    const input = must(inputId);
    const wizardClient = new ImportWorkerClient();
    try {
      const started = performance.now();
      const analysis = await wizardClient.analyse(input, {});
      const analysedMs = performance.now() - started;
      let outcome = 'imported';
      try {
        await wizardClient.runImport(incidentId, input, analysis.format ?? 'slack-export', {}, () => undefined).done;
      } catch (error) {
        outcome = error instanceof ImportRunError ? `${error.error.code}: ${error.error.message}` : String(error);
      }
      return { analysedMs, analyseError: analysis.error?.message ?? null, ms: performance.now() - started, outcome };
    } finally {
      wizardClient.dispose();
    }
  },

  /** Starts a Slack import, presses Cancel once `phase` has run `afterMs`, and times Cancel to the worker's answer. */
  async cancelDuring(inputId: string, incidentId: string, phase: string, afterMs: number, format: 'slack-export' | 'csv-timeline' = 'slack-export'): Promise<{ ms: number; outcome: string; events: number }> {
    const input = must(inputId);
    let phaseAt: number | null = null;
    let events = 0;
    const handle = client.runImport(incidentId, input, format, {}, (progress) => {
      events = progress.events;
      if (progress.phase === phase) phaseAt ??= performance.now();
    });
    let settled = false;
    const done = handle.done.then(
      () => 'finished before Cancel',
      (error: unknown) => (error instanceof ImportRunError ? `${error.error.code}: ${error.error.message}` : String(error)),
    );
    void done.then(() => (settled = true));
    while (!settled && (phaseAt === null || performance.now() - phaseAt < afterMs)) await new Promise((resolve) => setTimeout(resolve, 5));
    const cancelAt = performance.now();
    handle.cancel();
    const outcome = await done;
    return { ms: performance.now() - cancelAt, outcome, events };
  },

  /**
   * The baseline: the incident's events (as full records with their original `raw`) written again
   * with plain per-record IndexedDB puts into a fresh database with version 2's five indexes.
   */
  async rawPut(incidentId: string, chunk = 5000): Promise<{ ms: number; count: number }> {
    const database = new DebriefDatabase();
    const events: TimelineEvent[] = await loadVisibleEvents(database, incidentId, { withRaw: true });
    database.close();
    await deleteDatabase('bench-raw');
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('bench-raw', 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore('events', { keyPath: 'id' });
        store.createIndex('[incidentId+at]', ['incidentId', 'at']);
        store.createIndex('[incidentId+dedupeKey]', ['incidentId', 'dedupeKey'], { unique: true });
        store.createIndex('sourceId', 'sourceId');
        store.createIndex('[incidentId+threadParentKey]', ['incidentId', 'threadParentKey']);
        store.createIndex('actorId', 'actorId');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const started = performance.now();
    for (let start = 0; start < events.length; start += chunk) {
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction('events', 'readwrite', { durability: 'relaxed' });
        const store = tx.objectStore('events');
        for (const event of events.slice(start, start + chunk)) store.put(event);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    const ms = performance.now() - started;
    idb.close();
    await deleteDatabase('bench-raw');
    return { ms, count: events.length };
  },

  /**
   * An incident of `count` events (one committed source, written in blocks as an import writes
   * them), for the timeline bench: six hours with three bursts, threads, mentions and links.
   * `state: 'staging'` leaves it as an import interrupted before its commit (the crash bench).
   */
  async seedIncident(incidentId: string, count: number, title: string, state: Source['state'] = 'committed'): Promise<{ ms: number }> {
    const started = performance.now();
    const database = new DebriefDatabase({ durability: 'relaxed' });
    const start = Date.UTC(2024, 5, 12, 21, 0);
    const now = Date.now();
    const incident: Incident = {
      id: incidentId, title, severity: 'SEV1', status: 'in-review', startedAt: start, detectedAt: start + 300_000, resolvedAt: start + 6 * 3_600_000, reviewAt: null,
      timeZone: 'America/Los_Angeles', services: ['checkout'], commander: 'Priya Raman', roles: [], summary: '', createdAt: now, updatedAt: now, deletedAt: null,
    };
    const sourceId = `${incidentId}-source`;
    const builder = new BlockBuilder(sourceId, incidentId);
    let pending: BlockWrite[] = [];
    const flush = async () => {
      const writes = pending;
      pending = [];
      await database.transaction('rw', [database.eventBlocks, database.eventRaw, database.eventKeys], async () => {
        await database.eventBlocks.bulkAdd(writes.map((w) => w.block));
        await database.eventRaw.bulkAdd(writes.map((w) => w.raw));
        await database.eventKeys.bulkAdd(writes.map((w) => w.keys));
      });
    };
    for (const event of syntheticEvents(count, start)) {
      const full = builder.add(event, null);
      if (full) pending.push(full);
      if (pending.length >= 8) await flush();
    }
    pending.push(...builder.flush());
    await flush();
    const source: Source = {
      id: sourceId, incidentId, fileName: 'slack-export.zip', size: 1, sha256: incidentId, format: 'slack-export', state,
      counts: { added: count, duplicates: 0, skipped: 0, warnings: 0 }, warnings: [], importedAt: now, blockCount: builder.blocks, actorCounts: builder.actorCounts,
    };
    await database.transaction('rw', [database.incidents, database.sources], async () => {
      await database.incidents.put(incident);
      await database.sources.put(source);
    });
    database.close();
    return { ms: performance.now() - started };
  },

  async reset(): Promise<void> {
    await deleteDatabase('debrief');
    await deleteDatabase('bench-raw');
  },
};

/** Told to the bench (Playwright exposeFunction) when a timed import starts and ends, and awaited. */
const hooks = window as unknown as { benchTimedStart?: () => Promise<void>; benchTimedEnd?: () => Promise<void> };

async function timedImport(worker: ImportWorkerClient, input: PickedInput, incidentId: string, choices: { conversations?: string[]; window?: { from?: number; to?: number } }) {
  await hooks.benchTimedStart?.();
  const started = performance.now();
  let lastPhase = '';
  let lastWrite = NaN;
  const phases: Record<string, number> = {};
  const handle = worker.runImport(incidentId, input, 'slack-export', choices, (progress) => {
    if (progress.phase === 'writing') lastWrite = performance.now();
    if (progress.phase !== lastPhase) {
      phases[progress.phase] = performance.now() - started;
      lastPhase = progress.phase;
      status.textContent = progress.phase;
    }
  });
  const summary = await handle.done;
  const finished = performance.now();
  await hooks.benchTimedEnd?.();
  // From the last block written to the worker's answer: the commit and what follows it.
  return { ms: finished - started, added: summary.added, duplicates: summary.duplicates, phases, lastWriteToDone: finished - lastWrite };
}

const inputs = new Map<string, PickedInput>();
function must(id: string): PickedInput {
  const input = inputs.get(id);
  if (!input) throw new Error(`no input ${id}`);
  return input;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}

(window as unknown as { bench: typeof bench & typeof insightsBench }).bench = { ...bench, ...insightsBench };
status.textContent = 'loaded';
