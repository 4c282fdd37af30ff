// The bench page drives the real import worker and import store; bench/import-bench.mjs calls
// `window.bench` through Playwright and reads the timings.
// Deep imports on purpose: the feature's index pulls in React components and the platform layer.
import { ImportWorkerClient } from '@features/import/import-client';
import type { PickedInput } from '@features/import/picked-input';
import { DebriefDatabase } from '@db/schema';
import { loadVisibleEvents } from '@data/events/load-events';
import type { TimelineEvent } from '@core/model/event';

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

  async importInput(inputId: string, incidentId: string, choices: { conversations?: string[]; window?: { from?: number; to?: number } } = {}) {
    const input = must(inputId);
    const started = performance.now();
    let lastPhase = '';
    const phases: Record<string, number> = {};
    const handle = client.runImport(incidentId, input, 'slack-export', choices, (progress) => {
      if (progress.phase !== lastPhase) {
        phases[progress.phase] = performance.now() - started;
        lastPhase = progress.phase;
        status.textContent = progress.phase;
      }
    });
    const summary = await handle.done;
    return { ms: performance.now() - started, added: summary.added, duplicates: summary.duplicates, phases };
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

  async reset(): Promise<void> {
    await deleteDatabase('debrief');
    await deleteDatabase('bench-raw');
  },
};

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

(window as unknown as { bench: typeof bench }).bench = bench;
status.textContent = 'loaded';
