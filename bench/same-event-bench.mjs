// `node bench/same-event-bench.mjs`: the cost of pairing "the same real-world event from two
// sources" (core/timeline/same-event.ts) on a big incident: 100k alert rows of one CSV source, one
// per second, beside 300 PagerDuty alerts. Baseline, same run: the first version of the rule, which
// compared each event with every later event within two minutes, its own source's included.
import { loadTs } from './load-ts.mjs';

const { module: same, close } = await loadTs('src-renderer/core/timeline/same-event.ts');
const { module: model } = await loadTs('src-renderer/core/model/new-event.ts');
const { isBotPost, isSameEvent, matchSameEvents, sameEventPairKey, SAME_EVENT_WINDOW_MS } = same;

function scanEveryLaterEvent(events) {
  const merged = new Map();
  const shownIn = new Map();
  const candidates = events.filter((e) => (['deploy', 'alert', 'page'].includes(e.kind) || isBotPost(e)) && e.threadParentKey === null).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  for (let i = 0; i < candidates.length; i++) {
    const primary = candidates[i];
    if (shownIn.has(primary.id)) continue;
    for (let j = i + 1; j < candidates.length && candidates[j].at - primary.at <= SAME_EVENT_WINDOW_MS; j++) {
      const other = candidates[j];
      if (shownIn.has(other.id) || merged.has(other.id) || new Set().has(sameEventPairKey(primary.id, other.id))) continue;
      const taken = merged.get(primary.id) ?? [];
      if (taken.some((e) => e.sourceFormat === other.sourceFormat) || !isSameEvent(primary, other)) continue;
      merged.set(primary.id, [...taken, other]);
      shownIn.set(other.id, primary.id);
    }
  }
  return { merged, shownIn };
}

const T0 = Date.parse('2024-06-12T14:00:00Z');
const make = (id, format, at, text) => model.newTimelineEvent({ id, incidentId: 'i', sourceId: `src-${format}`, sourceFormat: format, dedupeKey: `${format}:${id}`, at, kind: 'alert', actorName: '', text });
const events = [];
for (let i = 0; i < 100_000; i++) events.push(make(`csv${i}`, 'csv-timeline', T0 + i * 1000, `queue depth ${i % 97} on partition eu-west-1c consumer lag`));
for (let i = 0; i < 300; i++) events.push(make(`pd${i}`, 'pagerduty', T0 + i * 333_000 + 2000, `queue depth ${(i * 333) % 97} on partition eu-west-1c consumer lag`));
// In time order, as the views hand them over.
events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));

function time(label, run) {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  (${result.shownIn.size} events shown in another's row)`);
  return { ms, result };
}
try {
  const base = time('baseline: every later event', () => scanEveryLaterEvent(events));
  const ours = time('matchSameEvents: other formats', () => matchSameEvents(events));
  if (base.result.shownIn.size !== ours.result.shownIn.size) throw new Error('the two disagree');
  console.log(`same-event matching on 100,300 events: ${(base.ms / ours.ms).toFixed(1)}x faster than the baseline`);
} finally {
  await close();
}
