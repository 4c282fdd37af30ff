// `npm run bench`: generates the synthetic exports (once), then prints the import figures
// (worker-only, app path, raw put, crash recovery) and the timeline figures (100k and 1M events);
// BENCH_INSIGHTS=1 adds the Insights and incident-bundle figures (bench/insights-bench.mjs).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCrashBench } from './crash-bench.mjs';
import { runImportBench } from './import-bench.mjs';
import { runTimelineBench } from './timeline-bench.mjs';
import { runInsightsBench } from './insights-bench.mjs';

// The 1M export's text is built in memory before zipping: give the generator room.
execFileSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(new URL('./generate-slack-export.mjs', import.meta.url))], { stdio: 'inherit' });
await runImportBench();
await runCrashBench();
await runTimelineBench();
// Seeding 10M events takes minutes: the Insights and bundle figures run when asked (BENCH_INSIGHTS=1).
if (process.env.BENCH_INSIGHTS === '1') await runInsightsBench();
