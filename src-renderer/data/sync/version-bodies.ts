import { liveQuery, type Subscription } from 'dexie';
import type * as Y from 'yjs';
import type { DebriefDatabase } from '@db/schema';

/** The Y.Map of the incident document holding each saved version's text, by version id. */
export const VERSION_BODIES = 'versionBodies';

/**
 * The text of saved postmortem versions. A version never changes once saved, so its body
 * travels once, as one entry (not field by field, and not co-edited): written by the machine
 * that saved it, stored by the others as soon as both the entry and the version's record
 * (documents table, record-mirror) are here, whichever came first.
 */
export class VersionBodiesMirror {
  private readonly map: Y.Map<string>;
  private subscription: Subscription | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: DebriefDatabase,
    doc: Y.Doc,
    private readonly incidentId: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.map = doc.getMap<string>(VERSION_BODIES);
  }

  start(): void {
    if (this.subscription) return;
    this.map.observe(this.onRemote);
    this.subscription = liveQuery(() => this.database.documents.where('[incidentId+kind]').equals([this.incidentId, 'version']).toArray()).subscribe({
      next: () => this.enqueue(() => this.pass()),
      error: (error: unknown) => this.onError(error),
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.map.unobserve(this.onRemote);
  }

  idle(): Promise<void> {
    return this.queue;
  }

  private readonly onRemote = (_event: Y.YMapEvent<string>, transaction: Y.Transaction): void => {
    if (!transaction.local) this.enqueue(() => this.pass());
  };

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => this.onError(error));
  }

  /** Sends the bodies this machine has and the map lacks; stores the ones the map has and Dexie lacks. */
  private async pass(): Promise<void> {
    await this.database.transaction('rw', this.database.documents, async () => {
      const versions = await this.database.documents.where('[incidentId+kind]').equals([this.incidentId, 'version']).toArray();
      const missing = versions.filter((version) => version.body !== '' && !this.map.has(version.id));
      if (missing.length > 0) this.map.doc?.transact(() => missing.forEach((version) => this.map.set(version.id, version.body)));
      for (const version of versions) {
        const body = this.map.get(version.id);
        if (version.body === '' && typeof body === 'string' && body !== '') await this.database.documents.update(version.id, { body });
      }
    });
  }
}
