import MiniSearch from 'minisearch';
import type { TimelineEvent } from '@core/model/event';
import { normaliseForSearch, queryTerms, tokenise } from './search-text';

/**
 * Full-text search over a timeline, answered from an inverted index (MiniSearch) rather than by
 * scanning rows, so 100k-event incidents stay instant. Matching is case and accent insensitive
 * and every query word matches words it is a prefix of; all query words must match (AND), as
 * people narrow a search by typing more. Text, author and channel are searched.
 */

export type SearchableEvent = Pick<TimelineEvent, 'id' | 'sourceId' | 'at' | 'text' | 'actorName' | 'channel'>;

export interface TimelineIndex {
  /** Adds events; an event whose id is already indexed is re-indexed with its new text. */
  addEvents(events: Iterable<SearchableEvent>): void;
  removeEvents(ids: Iterable<string>): void;
  /** Drops every event of one import, e.g. when the source is deleted. */
  removeBySource(sourceId: string): void;
  /** Replaces the whole index content. */
  rebuild(events: Iterable<SearchableEvent>): void;
  /** Ids of matching events in time order (ties by id); empty for an empty query. */
  search(query: string): string[];
  readonly size: number;
}

interface Entry {
  at: number;
  sourceId: string;
}

export function createTimelineIndex(): TimelineIndex {
  const make = () =>
    new MiniSearch<SearchableEvent>({
      fields: ['text', 'actorName', 'channel'],
      storeFields: [],
      tokenize: tokenise,
      // Tokens are already normalised; query words pass through the same tokenise.
      processTerm: (term) => term,
      searchOptions: { prefix: true, combineWith: 'AND', fuzzy: false },
    });
  let mini = make();
  const entries = new Map<string, Entry>();
  const bySource = new Map<string, Set<string>>();
  // Every indexed id in time order (ties by id), rebuilt lazily after the content changes.
  let order: { ids: string[]; rank: Map<string, number> } | null = null;

  const timeOrder = () => {
    if (order === null) {
      const all = Array.from(entries, ([id, entry]) => ({ id, at: entry.at }));
      all.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const ids = all.map((item) => item.id);
      order = { ids, rank: new Map(ids.map((id, index) => [id, index])) };
    }
    return order;
  };

  // MiniSearch.discard marks ids dead lazily; vacuuming happens automatically in the background.
  const remove = (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    order = null;
    mini.discard(id);
    entries.delete(id);
    bySource.get(entry.sourceId)?.delete(id);
  };

  const add = (events: Iterable<SearchableEvent>) => {
    const batch: SearchableEvent[] = [];
    order = null;
    for (const event of events) {
      remove(event.id);
      entries.set(event.id, { at: event.at, sourceId: event.sourceId });
      let ids = bySource.get(event.sourceId);
      if (!ids) bySource.set(event.sourceId, (ids = new Set()));
      ids.add(event.id);
      batch.push(event);
    }
    mini.addAll(batch);
  };

  return {
    addEvents: add,
    removeEvents(ids) {
      for (const id of ids) remove(id);
    },
    removeBySource(sourceId) {
      for (const id of [...(bySource.get(sourceId) ?? [])]) remove(id);
      bySource.delete(sourceId);
    },
    rebuild(events) {
      mini = make();
      order = null;
      entries.clear();
      bySource.clear();
      add(events);
    },
    search(query) {
      if (queryTerms(query).length === 0) return [];
      const results = mini.search(query);
      const { ids, rank } = timeOrder();
      // Sorting integer ranks in a typed array is far cheaper than comparing result objects.
      const ranks = new Uint32Array(results.length);
      let found = 0;
      for (const result of results) {
        const r = rank.get(String(result.id));
        if (r !== undefined) ranks[found++] = r;
      }
      return Array.from(ranks.subarray(0, found).sort(), (r) => ids[r]);
    },
    get size() {
      return entries.size;
    },
  };
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
