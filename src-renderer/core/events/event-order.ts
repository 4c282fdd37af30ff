import { parseImportedEventId } from './event-block';

/** What ordering needs of an event (timeline events, agenda rows and export rows all have it). */
export interface OrderedEvent {
  id: string;
  at: number;
  sourceId: string;
}

/**
 * The one order of events everywhere (timeline list, postmortem export, review meeting): by time,
 * and within one millisecond by source (oldest import first, typed-in events last), then each
 * source's own order (the position an import wrote the event at), then by id. The order of the
 * input never matters, so the same records always give the same document.
 *
 * `sourceOrder` lists the visible sources' ids, oldest import first (see `visibleSources`).
 */
export function timelineOrder(sourceOrder: readonly string[]): (a: OrderedEvent, b: OrderedEvent) => number {
  const rank = new Map(sourceOrder.map((id, index) => [id, index]));
  const last = sourceOrder.length;
  const positionOf = (event: OrderedEvent) => {
    const parsed = parseImportedEventId(event.id);
    return parsed && parsed.sourceId === event.sourceId ? parsed.position : 0;
  };
  return (a, b) =>
    a.at - b.at ||
    (rank.get(a.sourceId) ?? last) - (rank.get(b.sourceId) ?? last) ||
    (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0) ||
    positionOf(a) - positionOf(b) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
