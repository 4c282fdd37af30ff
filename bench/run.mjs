// `npm run bench`: generates the synthetic exports (once), runs the import benchmark, then the
// other benches that live here (the timeline bench, when present).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runImportBench } from './import-bench.mjs';

// The 1M export's text is built in memory before zipping: give the generator room.
execFileSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(new URL('./generate-slack-export.mjs', import.meta.url))], { stdio: 'inherit' });
await runImportBench();

if (existsSync(fileURLToPath(new URL('./timeline-bench.mjs', import.meta.url)))) {
  const { runTimelineBench } = await import('./timeline-bench.mjs');
  await runTimelineBench();
}
