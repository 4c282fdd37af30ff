// `npm run bench:sync`: the team sync server under load on localhost, against a real server
// process (SQLite store) and real Yjs providers. Prints:
//   - update-to-visible latency, 10 clients typing in one incident (goal p95 < 250 ms), next to
//     the same run against a bare Hocuspocus server without persistence, auth or limits;
//   - share and join time of a 100k-event incident (goal join < 10 s), warm, cold and after a restart;
//   - server memory and CPU with 100 open incidents, idle and with one edit per incident every 2 s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syncDocName } from '../../server/protocol/doc-names.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { freePort } from '../../server/test/free-port.ts';
import { killAllServerProcesses, startServerProcess, type ServerProcess } from '../../server/test/server-process.ts';
import { connectClient } from '../../server/test/test-client.ts';
import { issueToken } from '../../server/tokens/issue-token.ts';
import { buildEventBlocks } from './event-blocks.ts';
import { joinEvents, shareEvents } from './join.ts';
import { measureLatency, percentile, sleep } from './latency.ts';
import { measureOpenIncidents } from './open-incidents.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEAM = 'acme';
const MB = 1024 * 1024;
const row = (label: string, value: string, note = ''): void => console.log(`${label.padEnd(60)} ${value.padStart(12)}   ${note}`);
const ms = (value: number): string => `${value.toFixed(0)} ms`;
const loadAverage = (): string => `load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpus().length} cores`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'debrief-sync-bench-'));
  const setup = openSqliteStore(dataDir);
  const { token } = await issueToken(setup, { team: TEAM, role: 'editor', label: 'bench' });
  await setup.close();
  let server: ServerProcess = await startServerProcess(['--data', dataDir, '--log-level', 'info']);
  const bare = await startBareHocuspocus();
  try {
    console.log(`\nDebrief sync bench (localhost, Node ${process.version}, SQLite store)`);
    // Figures on a shared 2-core box swing with what else runs: print the load next to them.
    console.log(`${loadAverage()} at the start\n`);

    const latencyRun = { clients: 10, editsPerSecond: 5, seconds: 15, warmupSeconds: 2 };
    const ours = await measureLatency({ ...latencyRun, url: server.url, token, name: syncDocName({ kind: 'incident', team: TEAM, incidentId: 'bench-latency' }) });
    const baseline = await measureLatency({ ...latencyRun, url: bare.url, token: 'unused', name: 'bench-latency' });
    const p = (values: number[], q: number): number => percentile(values, q);
    row(`Update-to-visible latency, 10 clients × 5 edits/s: p50`, ms(p(ours.samples, 50)), `bare Hocuspocus ${ms(p(baseline.samples, 50))}`);
    row(`  p95`, ms(p(ours.samples, 95)), `goal < 250 ms; bare Hocuspocus ${ms(p(baseline.samples, 95))} (ratio ${(p(ours.samples, 95) / p(baseline.samples, 95)).toFixed(2)})`);
    row(`  p99 / max`, `${ms(p(ours.samples, 99))} / ${ms(Math.max(...ours.samples))}`, `${ours.edits} edits, ${ours.samples.length} deliveries measured`);

    const builtAt = performance.now();
    const blocks = buildEventBlocks(100_000);
    const events = blocks.reduce((sum, b) => sum + b.events, 0);
    const blockBytes = blocks.reduce((sum, b) => sum + b.block.byteLength, 0);
    const rawBytes = blocks.reduce((sum, b) => sum + b.rawBytes, 0);
    row(`100k-event incident: ${blocks.length} source blocks`, `${(blockBytes / MB).toFixed(1)} MB`, `${events.toLocaleString('en')} events, ${(rawBytes / MB).toFixed(1)} MB as JSON (built in ${ms(performance.now() - builtAt)})`);
    const eventsDoc = syncDocName({ kind: 'events', team: TEAM, incidentId: 'bench-100k' });
    const holder = connectClient({ urls: server.url, name: eventsDoc, token });
    await holder.settled(60_000);
    const shareMs = await shareEvents({ url: server.url, token, name: eventsDoc, blocks });
    row('  share (send, store, acknowledge)', ms(shareMs));
    const warm = await joinEvents({ url: server.url, token, name: eventsDoc, sources: blocks.length });
    row('  join, document open on the server', ms(warm.joinMs), `goal < 10 s; then decode ${ms(warm.decodeMs)} (${warm.events.toLocaleString('en')} events)`);
    holder.destroy();
    await sleep(1500); // the last client left: the server stores and unloads the document
    const cold = await joinEvents({ url: server.url, token, name: eventsDoc, sources: blocks.length });
    row('  join, server loads it from SQLite', ms(cold.joinMs), 'goal < 10 s');
    server.kill('SIGTERM');
    await server.exited;
    server = await startServerProcess(['--data', dataDir, '--log-level', 'info'], { port: server.port });
    const restarted = await joinEvents({ url: server.url, token, name: eventsDoc, sources: blocks.length });
    row('  join, first request after a server restart', ms(restarted.joinMs), 'goal < 10 s');

    server.kill('SIGTERM');
    await server.exited;
    server = await startServerProcess(['--data', dataDir, '--log-level', 'info'], { port: server.port });
    const open = await measureOpenIncidents({ url: server.url, token, team: TEAM, serverPid: server.pid, incidents: 100, users: 20, idleSeconds: 15, activeSeconds: 15, editEveryMs: 2000 });
    row('Server with 100 open incidents (2 people each, 20 sockets): RSS', `${open.rssOpenMb.toFixed(0)} MB`, `${open.rssIdleServerMb.toFixed(0)} MB with none open; ${(open.documentBytes / 1024).toFixed(0)} KB per incident`);
    row('  CPU, idle (pings, presence)', `${open.idleCpuPercent.toFixed(1)} %`, 'of one core');
    row(`  CPU, ${open.editsPerSecond.toFixed(0)} edits/s across them`, `${open.activeCpuPercent.toFixed(1)} %`, `of one core; RSS ${open.rssActiveMb.toFixed(0)} MB`);
    console.log(`\n${loadAverage()} at the end\n`);
  } finally {
    bare.stop();
    killAllServerProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Hocuspocus as it comes, in its own process: no store, no auth, no limits (the latency baseline). */
async function startBareHocuspocus(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const script = `import { Server } from '@hocuspocus/server';
    await new Server({ port: ${port}, address: '127.0.0.1', quiet: true }).listen();
    console.log('listening');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`bare Hocuspocus exited (${code})`)));
  });
  return { url: `ws://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}

await main();
