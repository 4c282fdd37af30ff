import type { TimelineEvent } from '@core/model/event';

const before = (a: TimelineEvent, b: TimelineEvent) => a.at < b.at || (a.at === b.at && a.id < b.id);

/**
 * The list with `ids` replaced by their new versions (`changed`; an id missing from it was
 * deleted or is no longer visible), kept in the database's order: by time, then id.
 */
export function mergeChangedEvents(events: readonly TimelineEvent[], ids: readonly string[], changed: readonly TimelineEvent[]): TimelineEvent[] {
  const touched = new Set(ids);
  const result = events.filter((e) => !touched.has(e.id));
  for (const event of [...changed].sort((a, b) => (before(a, b) ? -1 : 1))) {
    let low = 0;
    let high = result.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(result[mid], event)) low = mid + 1;
      else high = mid;
    }
    result.splice(low, 0, event);
  }
  return result;
}
