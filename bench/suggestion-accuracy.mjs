// `node bench/suggestion-accuracy.mjs`: how many milestone and severity suggestions land within
// 60 s of the truth on the fixture incidents (src-renderer/core/milestones/__fixtures__/), each
// parsed by the real importers. Prints one line per miss and the total.
import { loadTs } from './load-ts.mjs';

const { module, close } = await loadTs('src-renderer/core/milestones/__fixtures__/fixture-incidents.ts');
try {
  let hits = 0;
  let total = 0;
  for (const { incident, rows } of await module.measureFixtureAccuracy()) {
    const ok = rows.filter((r) => r.hit).length;
    hits += ok;
    total += rows.length;
    console.log(`${incident.name.padEnd(18)} ${ok}/${rows.length} within 60 s  (${incident.events.length} events: ${incident.truth.style})`);
    for (const r of rows.filter((row) => !row.hit)) {
      const off = r.suggested === null ? 'no suggestion' : `${Math.round((r.suggested - r.truth) / 1000)} s off`;
      console.log(`  miss ${r.what}: ${off}`);
    }
  }
  console.log(`suggestion accuracy: ${hits}/${total} suggestions within 60 s of the truth`);
} finally {
  await close();
}
