import type { BlockTerms } from '@core/events/block-terms';
import type { TimelineEvent } from '@core/model/event';
import { normaliseForSearch, queryTerms, tokenise } from './search-text';
import { BlockPostings, type DocList } from './block-postings';
import { TermPostings } from './term-postings';
import { TimelineError } from './timeline-error';

/**
 * Full-text search over a timeline, answered from an inverted index rather than by scanning
 * rows, so 100k-event incidents stay instant. Matching is case and accent insensitive and
 * every query word matches words it is a prefix of; all query words must match (AND), as
 * people narrow a search by typing more. Text, author and channel are searched.
 */

export type SearchableEvent = Pick<TimelineEvent, 'id' | 'sourceId' | 'at' | 'text' | 'actorName' | 'channel'>;

export interface SearchHits {
  ids: string[];
  ats: number[];
  /**
   * The event object each hit was indexed from (`events[i]` for `ids[i]`). A list holding the same
   * objects finds its hits by comparing references, without reading each event (at 1M events a
   * broad search's 160k hits are objects spread over the heap).
   */
  events: SearchableEvent[];
}

export interface TimelineIndex {
  /** Adds events; an event whose id is already indexed is re-indexed with its new text. */
  addEvents(events: Iterable<SearchableEvent>): void;
  /**
   * Adds the events of one stored block, their text words read from the block's stored postings
   * (`terms`, built by the same tokeniser when the block was written, and kept as they are)
   * instead of tokenising each text. `rows[r]` is the event at block row r, or null for a row not shown (it is skipped).
   * The rows must not be indexed yet (a build).
   */
  addBlock(rows: readonly (SearchableEvent | null)[], terms: BlockTerms): void;
  /**
   * Adds events not indexed yet (a build: the events no stored block covered), without looking
   * each id up first. An event already indexed must go through `addEvents`.
   */
  addNew(events: Iterable<SearchableEvent>): void;
  /** Whether an event with this id is indexed. */
  has(id: string): boolean;
  removeEvents(ids: Iterable<string>): void;
  /** Drops every event of one import, e.g. when the source is deleted. */
  removeBySource(sourceId: string): void;
  /** Replaces the whole index content. */
  rebuild(events: Iterable<SearchableEvent>): void;
  /**
   * Builds now what the first search would otherwise build (the documents in time order, the
   * sorted terms), so a build can finish it while the reader is still looking at the list.
   */
  prepare(): void;
  /** Ids of matching events in time order (ties by id); empty for an empty query. */
  search(query: string): string[];
  /** The same hits with each one's time (`ats[i]` is the time of `ids[i]`), to find them in a list sorted by time. */
  hits(query: string): SearchHits;
  readonly size: number;
}

// Removed documents stay in the postings as tombstones until they are this many and at least a
// quarter of all documents: renumbering costs a pass over every posting, so it is batched.
const COMPACT_MIN_DEAD = 1024;
// Authors and channels repeat on nearly every event; tokenising each distinct pair once saves
// a third of the build. Bounded so a pathological import cannot grow it without limit.
const META_CACHE_LIMIT = 10_000;

const byTimeThenId = (atA: number, idA: string, atB: number, idB: string) => atA - atB || (idA < idB ? -1 : idA > idB ? 1 : 0);

export function createTimelineIndex(): TimelineIndex {
  // Words of the texts, and separately of authors and channels: a stored block's postings cover
  // only its texts, and keeping the two apart lets them be added block-wise in document order.
  const postings = new TermPostings();
  const metaPostings = new TermPostings();
  // Stored blocks' text postings, kept per block as read (see BlockPostings).
  const blockPostings = new BlockPostings();
  // Documents are numbered in insertion order; these arrays are indexed by that number.
  let ids: string[] = [];
  let ats: number[] = [];
  let sources: string[] = [];
  let objects: (SearchableEvent | null)[] = [];
  let alive: boolean[] = [];
  let dead = 0;
  let live = 0;
  // Document of each live id. Built only once something looks an id up (a change after the
  // build): hashing a million ids is seconds a build never needs. Null: derive it from `ids`.
  let docOf: Map<string, number> | null = null;
  const docs = (): Map<string, number> => {
    if (docOf === null) {
      docOf = new Map();
      for (let doc = 0; doc < ids.length; doc++) if (alive[doc]) docOf.set(ids[doc], doc);
    }
    return docOf;
  };
  // By author, then channel: no key string is built per event.
  const metaTerms = new Map<string, Map<string, string[]>>();
  let metaCount = 0;
  // Live documents in time order (ties by id), rebuilt lazily after the content changes.
  let order: Uint32Array | null = null;

  const remove = (id: string) => {
    const map = docs();
    const doc = map.get(id);
    if (doc === undefined) return;
    map.delete(id);
    alive[doc] = false;
    objects[doc] = null; // a removed or replaced event is not kept alive by the index
    dead += 1;
    live -= 1;
    order = null;
  };

  const compactIfWorthIt = () => {
    if (dead < COMPACT_MIN_DEAD || dead * 4 < ids.length) return;
    const remap = new Int32Array(ids.length);
    const next = { ids: [] as string[], ats: [] as number[], sources: [] as string[], objects: [] as (SearchableEvent | null)[] };
    for (let doc = 0; doc < ids.length; doc++) {
      if (!alive[doc]) {
        remap[doc] = -1;
        continue;
      }
      remap[doc] = next.ids.length;
      docOf?.set(ids[doc], next.ids.length);
      next.ids.push(ids[doc]);
      next.ats.push(ats[doc]);
      next.sources.push(sources[doc]);
      next.objects.push(objects[doc]);
    }
    postings.compact(remap);
    metaPostings.compact(remap);
    blockPostings.compact(remap);
    ids = next.ids;
    ats = next.ats;
    sources = next.sources;
    objects = next.objects;
    alive = new Array<boolean>(ids.length).fill(true);
    dead = 0;
    order = null;
  };

  const termsOfMeta = (actorName: string, channel: string) => {
    let byChannel = metaTerms.get(actorName);
    let terms = byChannel?.get(channel);
    if (terms === undefined) {
      if (metaCount >= META_CACHE_LIMIT) {
        metaTerms.clear();
        metaCount = 0;
        byChannel = undefined;
      }
      if (byChannel === undefined) {
        byChannel = new Map();
        metaTerms.set(actorName, byChannel);
      }
      terms = [...tokenise(actorName), ...tokenise(channel)];
      byChannel.set(channel, terms);
      metaCount += 1;
    }
    return terms;
  };

  const append = (event: SearchableEvent) => {
    const doc = ids.length;
    ids.push(event.id);
    ats.push(event.at);
    sources.push(event.sourceId);
    objects.push(event);
    alive.push(true);
    live += 1;
    docOf?.set(event.id, doc);
    return doc;
  };

  const add = (events: Iterable<SearchableEvent>, known: boolean) => {
    for (const event of events) {
      if (known) remove(event.id);
      const doc = append(event);
      postings.add(doc, tokenise(event.text));
      metaPostings.add(doc, termsOfMeta(event.actorName, event.channel));
    }
    order = null;
    compactIfWorthIt();
  };

  const addBlock = (rows: readonly (SearchableEvent | null)[], terms: BlockTerms) => {
    let last = -1;
    for (let i = 0; i < terms.rows.length; i++) if (terms.rows[i] > last) last = terms.rows[i];
    if (last >= rows.length) throw new TimelineError('INVALID_SEARCH_POSTINGS', `Stored search postings name row ${last} of a block of ${rows.length} events.`);
    const base = ids.length;
    for (const event of rows) {
      if (event === null) {
        // Keeps row r at document base + r; a tombstone from the start, compacted away later.
        ids.push('');
        ats.push(0);
        sources.push('');
        objects.push(null);
        alive.push(false);
        dead += 1;
        continue;
      }
      metaPostings.add(append(event), termsOfMeta(event.actorName, event.channel));
    }
    blockPostings.add(base, rows.length, terms);
    order = null;
    compactIfWorthIt();
  };

  const timeOrder = () => {
    if (order === null) {
      const inOrder = new Uint32Array(live);
      let n = 0;
      let sorted = true;
      for (let doc = 0; doc < ids.length; doc++) {
        if (!alive[doc]) continue;
        if (n > 0 && sorted) {
          const prev = inOrder[n - 1];
          sorted = byTimeThenId(ats[prev], ids[prev], ats[doc], ids[doc]) <= 0;
        }
        inOrder[n++] = doc;
      }
      // Imports usually arrive in time order, so the sort is mostly skipped.
      if (!sorted) inOrder.sort((a, b) => byTimeThenId(ats[a], ids[a], ats[b], ids[b]));
      order = inOrder;
    }
    return order;
  };

  const index: TimelineIndex = {
    addEvents: (events) => add(events, true),
    addNew: (events) => add(events, false),
    addBlock,
    has: (id) => docs().has(id),
    removeEvents(removed) {
      for (const id of removed) remove(id);
      compactIfWorthIt();
    },
    removeBySource(sourceId) {
      for (let doc = 0; doc < ids.length; doc++) if (alive[doc] && sources[doc] === sourceId) remove(ids[doc]);
      compactIfWorthIt();
    },
    rebuild(events) {
      postings.clear();
      metaPostings.clear();
      blockPostings.clear();
      ids = [];
      ats = [];
      sources = [];
      objects = [];
      alive = [];
      dead = 0;
      live = 0;
      docOf = null;
      metaTerms.clear();
      metaCount = 0;
      order = null;
      add(events, true);
    },
    prepare() {
      timeOrder();
      postings.prepare();
      metaPostings.prepare();
    },
    search(query) {
      return index.hits(query).ids;
    },
    hits(query) {
      const none: SearchHits = { ids: [], ats: [], events: [] };
      const words = queryTerms(query);
      if (words.length === 0) return none;
      const live = timeOrder();
      const lists = words.map((word) => {
        const found: DocList[] = [];
        for (const list of [...postings.withPrefix(word), ...metaPostings.withPrefix(word)]) found.push({ docs: list, base: 0, map: null });
        blockPostings.withPrefix(word, found);
        return found;
      });
      const sizes = lists.map((forWord) => forWord.reduce((sum, list) => sum + list.docs.length, 0));
      if (sizes.some((size) => size === 0)) return none;
      // matched[doc] counts the query words matched so far. Taking the rarest word first keeps
      // later passes cheap, and a document only advances from k to k + 1 on word k, so a
      // document holding several words with the same prefix is not counted twice.
      const byRarity = words.map((_, i) => i).sort((a, b) => sizes[a] - sizes[b]);
      const matched = words.length < 256 ? new Uint8Array(ids.length) : new Uint16Array(ids.length);
      byRarity.forEach((wordIndex, k) => {
        for (const { docs, base, map } of lists[wordIndex]) {
          if (map === null) {
            for (let i = 0; i < docs.length; i++) {
              const doc = base + docs[i];
              if (matched[doc] === k) matched[doc] = k + 1;
            }
          } else {
            for (let i = 0; i < docs.length; i++) {
              const doc = map[docs[i]];
              if (doc >= 0 && matched[doc] === k) matched[doc] = k + 1;
            }
          }
        }
      });
      const want = words.length;
      const hits: SearchHits = { ids: [], ats: [], events: [] };
      for (let i = 0; i < live.length; i++) {
        const doc = live[i];
        if (matched[doc] !== want) continue;
        hits.ids.push(ids[doc]);
        hits.ats.push(ats[doc]);
        hits.events.push(objects[doc] as SearchableEvent);
      }
      return hits;
    },
    get size() {
      return live;
    },
  };
  return index;
}

/**
 * Where the query matches `text`, as [start, end) offsets into the ORIGINAL string, for
 * highlighting. Uses the index's rules (same normalisation, word-prefix) and maps back through
 * the normalisation, so "resume" highlights all of "Résumé" even though the accents were
 * stripped, and a decomposed "e\u0301" is covered including its combining mark. Each word
 * matching any query word is highlighted (an event may match the other words through its author
 * or channel); only the matched prefix of the word is, with the longest matching query word.
 * Ranges are sorted and never overlap.
 */
export function highlightRanges(text: string, query: string): Array<[number, number]> {
  const terms = queryTerms(query);
  if (terms.length === 0 || text.length === 0) return [];

  // normalised[i] came from original [origin[i], originEnd[i]).
  let normalised = '';
  const origin: number[] = [];
  const originEnd: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = normaliseForSearch(char);
    const end = index + char.length;
    if (piece.length === 0) {
      // A lone combining mark belongs to the character before it.
      if (originEnd.length > 0) originEnd[originEnd.length - 1] = end;
    } else {
      for (let k = 0; k < piece.length; k++) {
        origin.push(index);
        originEnd.push(end);
      }
      normalised += piece;
    }
    index = end;
  }

  const ranges: Array<[number, number]> = [];
  for (const word of normalised.matchAll(/[\p{L}\p{N}]+/gu)) {
    const longest = terms.reduce((best, term) => (word[0].startsWith(term) && term.length > best ? term.length : best), 0);
    if (longest === 0) continue;
    const start = word.index;
    ranges.push([origin[start], originEnd[start + longest - 1]]);
  }
  return ranges;
}
