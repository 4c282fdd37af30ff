import { readFileSync } from 'node:fs';

/** Resident memory and CPU time of a process from /proc (Linux). */
export interface ProcessSample {
  rssBytes: number;
  cpuSeconds: number;
  atMs: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function sampleProcess(pid: number): ProcessSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields after the command name (which may contain spaces): utime is the 14th, stime the 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssBytes: rssKb * 1024, cpuSeconds: ticks / TICKS_PER_SECOND, atMs: performance.now() };
}

/** Average CPU use between two samples, in percent of one core. */
export function cpuPercent(from: ProcessSample, to: ProcessSample): number {
  return (100 * (to.cpuSeconds - from.cpuSeconds)) / ((to.atMs - from.atMs) / 1000);
}
