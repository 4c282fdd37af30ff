import type { TimelineEvent } from '../model/event';
import { isBotPost, isSameEvent, SAME_EVENT_WINDOW_MS, sameEventPairKey, type SameEventMatches } from './same-event';

/**
 * The same-event rule as first written, kept as the reference that matchSameEvents must agree
 * with (same-event.test.ts) and is measured against (bench/same-event-bench.mjs): each event is
 * compared with every later event within the window, its own source's included.
 */
export function matchByScanningAll(events: readonly TimelineEvent[], splits: ReadonlySet<string> = new Set()): SameEventMatches {
  const merged = new Map<string, TimelineEvent[]>();
  const shownIn = new Map<string, string>();
  const candidates = events.filter((e) => (['deploy', 'alert', 'page'].includes(e.kind) || isBotPost(e)) && e.threadParentKey === null).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  for (let i = 0; i < candidates.length; i++) {
    const primary = candidates[i];
    if (shownIn.has(primary.id)) continue;
    for (let j = i + 1; j < candidates.length && candidates[j].at - primary.at <= SAME_EVENT_WINDOW_MS; j++) {
      const other = candidates[j];
      if (shownIn.has(other.id) || merged.has(other.id) || splits.has(sameEventPairKey(primary.id, other.id))) continue;
      const taken = merged.get(primary.id) ?? [];
      if (taken.some((e) => e.sourceFormat === other.sourceFormat) || !isSameEvent(primary, other)) continue;
      merged.set(primary.id, [...taken, other]);
      shownIn.set(other.id, primary.id);
    }
  }
  return { merged, shownIn };
}
