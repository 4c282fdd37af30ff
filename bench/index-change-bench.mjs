// `node bench/index-change-bench.mjs [events]`: what the Timeline's search index costs the render
// in which one event changes (a pin) or is typed in, on a big incident (features/timeline
// index-holder.ts applyChanges). Baseline, same run: the earlier diff, which put every event of the
// list in a Set on each change.
import { loadavg } from 'node:os';
import { loadTs } from './load-ts.mjs';

const count = Number(process.argv[2] ?? 300_000);
const { module: holderModule, close } = await loadTs('src-renderer/features/timeline/index-holder.ts');
const { module: model } = await loadTs('src-renderer/core/model/new-event.ts');
const { applyChanges, buildSteps, createIndexHolder } = holderModule;

const T0 = Date.parse('2024-06-12T14:00:00Z');
const WORDS = ['deploy', 'rollback', 'queue', 'lag', 'pager', 'checkout', 'timeout', 'retry'];
const events = [];
for (let i = 0; i < count; i++) {
  events.push(model.newTimelineEvent({ id: `e${i}`, incidentId: 'i', sourceId: 's', sourceFormat: 'slack-export', dedupeKey: `k${i}`, at: T0 + i * 1000, actorName: `user${i % 50}`, channel: 'inc', text: `${WORDS[i % 8]} ${WORDS[(i * 7) % 8]} item ${i}` }));
}

/** The earlier diff (before the head and tail were skipped): every event of both lists through a Set. */
function wholeListChanges(holder, list) {
  const before = holder.events;
  holder.events = list;
  const gone = new Set(before);
  const fresh = [];
  for (const event of list) if (!gone.delete(event)) fresh.push(event);
  if (fresh.length === 0 && gone.size === 0) return 0;
  const previous = new Map([...gone].map((event) => [event.id, event]));
  const changed = fresh.filter((event) => {
    const old = previous.get(event.id);
    previous.delete(event.id);
    return old === undefined || old.text !== event.text || old.at !== event.at || old.actorName !== event.actorName;
  });
  if (changed.length === 0 && previous.size === 0) return 0;
  holder.index.removeEvents(previous.keys());
  holder.index.addEvents(changed);
  return 1;
}

function built() {
  const holder = createIndexHolder('i');
  const steps = buildSteps(holder, events, []);
  while (!steps.next().done);
  holder.built = true;
  return holder;
}

/** Median ms of `runs` calls of `change` on fresh lists (each run pins another event). */
function timed(holder, change, runs = 15) {
  const times = [];
  let list = holder.events;
  for (let run = 0; run < runs; run++) {
    const at = Math.floor(((run + 1) / (runs + 1)) * list.length);
    const next = list.slice();
    next[at] = { ...list[at], pinned: !list[at].pinned };
    const start = performance.now();
    change(holder, next);
    times.push(performance.now() - start);
    list = next;
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

try {
  console.log(`Search index, one event pinned in a list of ${count.toLocaleString('en-US')} events (load average ${loadavg().map((l) => l.toFixed(2)).join(', ')})`);
  const ours = timed(built(), applyChanges);
  const base = timed(built(), wholeListChanges);
  console.log(`${'applyChanges (head and tail skipped)'.padEnd(40)} ${ours.toFixed(2).padStart(8)} ms median`);
  console.log(`${'baseline: whole list through a Set'.padEnd(40)} ${base.toFixed(2).padStart(8)} ms median`);
} finally {
  await close();
}
