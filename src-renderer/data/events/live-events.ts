import { liveQuery } from 'dexie';
import { idleTime } from '@core/next-task';
import type { TimelineEvent } from '@core/model/event';
import type { Person } from '@core/model/person';
import type { Source } from '@core/model/source';
import { SUGGESTION_RAW_FORMATS } from '@core/milestones/source-rules';
import type { DebriefDatabase } from '@db/schema';
import { ActorResolver } from './actors';
import { onEventChange, type EventChange } from './event-changes';
import { materialiseEvent, materialiseManual, readIncidentEvents, readIncidentHead } from './load-events';
import type { EventBlockPostings } from '@core/events/block-terms';
import { createTimelineIndex, type TimelineIndex } from '@core/timeline/search-index';
import { isVisibleSource, manualSourceId } from './visibility';
import { Slices, streamSourceEvents, streamTimelineEvents } from './stream-events';

export interface LiveEventsState {
  events: TimelineEvent[] | undefined;
  /** False while only the first page is loaded. */
  complete: boolean;
  /**
   * The stored search postings of the blocks the imported events came from (once complete), so
   * the timeline's search index is built without tokenising every text. Events they do not cover
   * (typed-in ones, a block whose postings could not be read) are tokenised.
   */
  postings: readonly EventBlockPostings[];
  /**
   * Set only when `postings` were read together with exactly `events` (the full load): the events
   * no postings cover, so the search index can skip checking which rows are still in the list.
   */
  uncovered?: readonly TimelineEvent[];
  /** The search index built while the full load read the blocks, when a subscriber asked for one. */
  searchIndex?: LoadedSearchIndex;
}

/**
 * A search index of exactly `events` (every event indexed, the time order prepared), built while
 * their blocks were read. Whoever takes it first owns it and keeps it current; later takers get
 * null and build their own.
 */
export class LoadedSearchIndex {
  constructor(
    readonly events: readonly TimelineEvent[],
    private index: TimelineIndex | null,
  ) {}

  take(): TimelineIndex | null {
    const index = this.index;
    this.index = null;
    return index;
  }
}

export interface SubscribeOptions {
  /** Build the search index while the blocks are read (the Timeline): see LiveEventsState.searchIndex. */
  searchIndex?: boolean;
}

/** The timeline's events carry their original record only where something reads it. */
const rawIsRead = (source: Source) => SUGGESTION_RAW_FORMATS.has(source.format);

/** Longest stretch of decoding between two yields to the page. */
const SLICE_MS = 8;

/** What the first paint shows while the whole incident loads. */
const FIRST_PAGE = 200;

/** Timing marks tests and the bench read (performance.getEntriesByName). */
export const EVENTS_LOAD_MARK = 'events:load';
export const EVENTS_APPEND_MARK = 'events:append';
export const EVENTS_PATCH_MARK = 'events:patch';

/**
 * One incident's visible events, kept current from the event module's change signal: the first
 * page paints at once, the whole list follows, an import's commit appends that source's events
 * (one read, no reload), a removal drops them, and a pin or a typed-in event patches exactly those
 * events. Writes that change nothing visible (an import's blocks, other incidents) send no signal,
 * so they cost nothing here.
 */
export class LiveIncidentEvents {
  private state: LiveEventsState = { events: undefined, complete: false, postings: NO_POSTINGS };
  private readonly listeners = new Set<(state: LiveEventsState) => void>();
  private stop: (() => void) | null = null;
  /** Changes are applied one at a time, in order, after the full load. */
  private queue: Promise<void> = Promise.resolve();
  private ranks = new Map<string, number>();
  private people: Person[] | null = null;
  private indexWanted = false;

  constructor(
    readonly database: DebriefDatabase,
    readonly incidentId: string,
  ) {}

  get current(): LiveEventsState {
    return this.state;
  }

  subscribe(listener: (state: LiveEventsState) => void, options: SubscribeOptions = {}): () => void {
    // Asked before the load starts, or too late: the index is then built by its user.
    if (options.searchIndex) this.indexWanted = true;
    this.listeners.add(listener);
    if (!this.stop) this.start();
    return () => {
      this.listeners.delete(listener);
    };
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.stop?.();
    this.stop = null;
  }

  private set(state: LiveEventsState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  private start(): void {
    let live = true;
    const unsubscribeChanges = onEventChange(this.database.name, this.incidentId, (change) => {
      this.enqueue(() => this.apply(change));
    });
    // Authors are people: a rename, merge or split changes names, never the stored events.
    const people = liveQuery(() => this.database.people.toArray()).subscribe({
      next: (list) => {
        const first = this.people === null;
        this.people = list;
        if (!first) this.enqueue(async () => this.reresolve(list));
      },
    });
    this.stop = () => {
      live = false;
      unsubscribeChanges();
      people.unsubscribe();
    };
    const started = performance.now();
    this.queue = (async () => {
      const first = await this.firstPage();
      if (live && !this.state.complete) this.set({ events: first, complete: false, postings: NO_POSTINGS });
      // The full read starts once the first page had a chance to paint.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const index = this.indexWanted ? createTimelineIndex() : undefined;
      const { events, postings, uncovered } = await streamTimelineEvents(this.database, this.incidentId, { withRaw: rawIsRead, index, slices: new Slices(SLICE_MS) });
      const sources = await this.database.sources.where('incidentId').equals(this.incidentId).toArray();
      this.ranks = rankSources(sources.filter(isVisibleSource));
      if (!live) return;
      performance.measure(EVENTS_LOAD_MARK, { start: started, end: performance.now(), detail: { incidentId: this.incidentId, events: events.length } });
      const searchIndex = index ? new LoadedSearchIndex(events, index) : undefined;
      this.set({ events, complete: true, postings, uncovered, searchIndex });
    })().catch((error: unknown) => console.error('Loading the timeline failed', error));
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => console.error('Updating the timeline failed', error));
  }

  /** The earliest events: the first block of each visible source and the typed-in events. */
  private async firstPage(): Promise<TimelineEvent[]> {
    const records = await readIncidentEvents(this.database, this.incidentId, { firstBlocksOnly: true });
    const events: TimelineEvent[] = [];
    for (const { source, block } of records.blocks) for (let row = 0; row < Math.min(block.count, FIRST_PAGE); row++) events.push(materialiseEvent(records, source, block, row, null));
    for (const record of records.manual) events.push(materialiseManual(records, record));
    const ranks = rankSources(records.sources);
    return events.sort(timelineOrder(ranks, this.incidentId)).slice(0, FIRST_PAGE);
  }

  private async apply(change: EventChange): Promise<void> {
    const events = this.state.events;
    if (!events || !this.state.complete) return;
    const started = performance.now();
    if (change.type === 'sources') {
      const source = await this.database.sources.get(change.sourceId);
      const without = events.filter((e) => e.sourceId !== change.sourceId);
      const otherPostings = this.state.postings.filter((p) => p.sourceId !== change.sourceId);
      if (!source || !isVisibleSource(source)) {
        this.ranks.delete(change.sourceId);
        this.set({ events: without, complete: true, postings: otherPostings });
        return;
      }
      // The commit that sent this change also ends an import: its "Import finished" screen and
      // the worker's last messages go first, and the append starts once the page has a moment to
      // spare (within half a second), not in the same turn as them.
      await idleTime(SLICE_MS);
      const sources = await this.database.sources.where('incidentId').equals(this.incidentId).toArray();
      this.ranks = rankSources(sources.filter(isVisibleSource));
      const added = await this.readSource(change.sourceId);
      const merged = mergeSorted(without, added.events, timelineOrder(this.ranks, this.incidentId));
      performance.measure(EVENTS_APPEND_MARK, { start: started, end: performance.now(), detail: { incidentId: this.incidentId, events: added.events.length } });
      this.set({ events: merged, complete: true, postings: [...otherPostings, ...added.postings] });
      return;
    }
    const ids = new Set(change.ids);
    const [states, manual] = await Promise.all([this.database.eventState.bulkGet(change.ids), this.database.manualEvents.bulkGet(change.ids)]);
    const stateById = new Map(change.ids.map((id, i) => [id, states[i]]));
    const manualById = new Map(change.ids.map((id, i) => [id, manual[i]]));
    const next: TimelineEvent[] = [];
    for (const event of events) {
      if (!ids.has(event.id)) {
        next.push(event);
        continue;
      }
      ids.delete(event.id);
      const isManual = event.sourceId === manualSourceId(this.incidentId);
      const record = manualById.get(event.id);
      if (isManual && !record) continue; // deleted
      const state = stateById.get(event.id);
      const base = isManual && record ? record : event;
      next.push({ ...base, pinned: state?.pinned ?? false, redacted: state?.redacted ?? false, redactions: state?.redactions ?? [] });
    }
    // Typed-in events that are new here.
    const fresh = [...ids].flatMap((id) => {
      const record = manualById.get(id);
      const state = stateById.get(id);
      return record && record.incidentId === this.incidentId ? [materialiseManual({ states: new Map(state ? [[id, state]] : []) }, record)] : [];
    });
    const merged = fresh.length ? mergeSorted(next, fresh.sort(timelineOrder(this.ranks, this.incidentId)), timelineOrder(this.ranks, this.incidentId)) : next;
    performance.measure(EVENTS_PATCH_MARK, { start: started, end: performance.now(), detail: { incidentId: this.incidentId, events: change.ids.length } });
    this.set({ events: merged, complete: true, postings: this.state.postings });
  }

  /**
   * Every event of one (just committed) source, in its order, read and decoded a block at a time
   * (see streamSourceBlocks) between turns of the page, so a 100k-event commit never freezes the
   * window. If the source is removed meanwhile, its removal's change follows this one and drops
   * what was read.
   */
  private async readSource(sourceId: string): Promise<{ events: TimelineEvent[]; postings: EventBlockPostings[] }> {
    const head = await readIncidentHead(this.database, this.incidentId);
    const source = head.sources.find((s) => s.id === sourceId);
    if (!source) return { events: [], postings: [] };
    return streamSourceEvents(this.database, head, source, rawIsRead(source), new Slices(SLICE_MS));
  }

  /** People changed: authors are looked up again; events whose author did not change stay the same objects. */
  private async reresolve(people: Person[]): Promise<void> {
    const events = this.state.events;
    if (!events) return;
    const actors = new ActorResolver(people);
    let changed = false;
    const next = events.map((event) => {
      if (!event.actorAlias) return event;
      const person = actors.person(event.actorAlias, null);
      if (!person || (person.id === event.actorId && person.displayName === event.actorName)) return event;
      changed = true;
      return { ...event, actorId: person.id, actorName: person.displayName };
    });
    if (changed) this.set({ ...this.state, events: next });
  }
}

function rankSources(sources: { id: string; importedAt: number }[]): Map<string, number> {
  return new Map([...sources].sort((a, b) => a.importedAt - b.importedAt || (a.id < b.id ? -1 : 1)).map((s, i) => [s.id, i]));
}

/** Time, then source (oldest import first, typed-in events last), then the source's own order. */
function timelineOrder(ranks: ReadonlyMap<string, number>, incidentId: string): (a: TimelineEvent, b: TimelineEvent) => number {
  const manual = manualSourceId(incidentId);
  const rank = (e: TimelineEvent) => (e.sourceId === manual ? Number.MAX_SAFE_INTEGER : (ranks.get(e.sourceId) ?? Number.MAX_SAFE_INTEGER - 1));
  return (a, b) => a.at - b.at || rank(a) - rank(b) || (a.sourceId === manual && b.sourceId === manual ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : 0);
}

/** Stable merge of two sorted lists. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = order(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

const NO_POSTINGS: readonly EventBlockPostings[] = [];

const cache = new Map<string, LiveIncidentEvents>();
/** The last incident shown stays loaded this long, so going back to its timeline is instant. */
const KEEP_MS = 60_000;

/** The shared live events of an incident (the Timeline, Review and meeting views read the same). */
export function liveIncidentEvents(database: DebriefDatabase, incidentId: string): LiveIncidentEvents {
  const key = `${database.name}\u0000${incidentId}`;
  let live = cache.get(key);
  if (!live) {
    live = new LiveIncidentEvents(database, incidentId);
    cache.set(key, live);
  }
  return live;
}

/** Called when a view stops listening: drops incidents nobody has looked at for a while. */
export function releaseIncidentEvents(live: LiveIncidentEvents): void {
  setTimeout(() => {
    if (live.subscribers > 0) return;
    for (const [key, value] of cache) {
      if (value === live) {
        cache.delete(key);
        live.dispose();
      }
    }
  }, KEEP_MS);
}
