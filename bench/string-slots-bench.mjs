// `node bench/string-slots-bench.mjs [keys]`: the Timeline's own string table (core/timeline/
// string-slots.ts, used for thread parents) against a Map, on what it is built for: a million
// dedupe keys sliced out of one decoded block text, as the event-block decoder hands them out.
// Baseline, same run: a Map<string, number> given the same strings. Prints both and the ratio.
import { cpus, loadavg } from 'node:os';
import { loadTs } from './load-ts.mjs';

const count = Number(process.argv[2] ?? 1_000_000);
const { module, close } = await loadTs('src-renderer/core/timeline/string-slots.ts');
const { StringSlots } = module;

// One decoded text, keys cut out of it: V8 keeps each as a slice of the big string.
const text = new TextDecoder().decode(new TextEncoder().encode(Array.from({ length: count }, (_, i) => `slack-export:C0INC:${(1_700_000_000 + i * 7).toString()}.${String(i % 1000).padStart(6, '0')}`).join('\n')));
const keys = [];
for (let start = 0; start < text.length; ) {
  const end = text.indexOf('\n', start);
  keys.push(text.slice(start, end === -1 ? text.length : end));
  start = end === -1 ? text.length : end + 1;
}
// Thread parents look up keys that are separate slices of the same characters.
const lookups = keys.map((key, i) => (i % 9 === 0 ? text.slice(text.indexOf(key), text.indexOf(key) + key.length) : key));

const time = (fn) => {
  const started = performance.now();
  const result = fn();
  return { ms: performance.now() - started, result };
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const ours = [];
const map = [];
for (let round = 0; round < 5; round++) {
  ours.push(
    time(() => {
      const slots = new StringSlots();
      for (const key of keys) slots.add(key);
      let found = 0;
      for (const key of lookups) if (slots.slotOf(key) !== -1) found++;
      return found;
    }).ms,
  );
  map.push(
    time(() => {
      const slots = new Map();
      for (const key of keys) if (!slots.has(key)) slots.set(key, slots.size);
      let found = 0;
      for (const key of lookups) if (slots.get(key) !== undefined) found++;
      return found;
    }).ms,
  );
}
await close();
const line = (label, value, note = '') => console.log(`${label.padEnd(64)} ${value.padStart(10)}   ${note}`);
console.log(`\nString table bench (${count.toLocaleString('en')} keys sliced from one decoded text; load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpus().length} cores)\n`);
line('StringSlots: add every key, then look each up (median of 5)', `${median(ours).toFixed(0)} ms`);
line('Map<string, number>: the same (baseline, same run)', `${median(map).toFixed(0)} ms`, `StringSlots ${(median(map) / median(ours)).toFixed(2)}x faster`);
