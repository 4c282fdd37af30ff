// CPU time per Chromium process and thread (Linux /proc), to see where an import's work goes
// independently of how long each thread waited for a core: on a loaded machine the wall time
// mostly measures that wait, the CPU seconds a thread used do not.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** The browser process and every process below it (renderers, GPU, utilities). */
function processTree(rootPid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(name));
  }
  const all = [];
  const visit = (pid) => {
    all.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return all;
}

/** What a Chromium process is: browser, renderer, gpu-process, utility (network, storage…). */
function processKind(pid) {
  // Chromium rewrites its command line with spaces between the arguments.
  const args = (read(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/);
  if (!/chrom/.test(args[0] ?? '')) return null;
  const type = args.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
  const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19).split('.').pop();
  return sub ? `${type}:${sub}` : type;
}

/**
 * CPU ticks used so far by each thread of the Chromium processes below `rootPid` (this bench's
 * browsers), keyed `pid kind/thread name/tid`.
 */
export function threadTicks(rootPid = process.pid) {
  const ticks = new Map();
  for (const pid of processTree(rootPid)) {
    const kind = processKind(pid);
    if (kind === null) continue;
    let tids;
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // the process ended since the tree was read
    }
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(`${pid} ${kind}/${name}/${tid}`, Number(fields[11]) + Number(fields[12]));
    }
  }
  return ticks;
}

/**
 * CPU seconds each process kind / thread name used between two `threadTicks` readings, summed
 * over threads of the same name in the same process, largest first. Threads that ended in
 * between are missing (a worker terminated before `after` was read).
 */
export function cpuBetween(before, after) {
  const used = new Map();
  for (const [key, value] of after) {
    const delta = (value - (before.get(key) ?? 0)) / TICKS_PER_SECOND;
    if (delta <= 0) continue;
    const [pidKind, name] = key.split('/');
    const group = `${pidKind}/${name}`;
    used.set(group, (used.get(group) ?? 0) + delta);
  }
  return [...used.entries()].sort((a, b) => b[1] - a[1]);
}

/** Total CPU seconds of a `cpuBetween` result. */
export function totalSeconds(used) {
  return used.reduce((sum, [, seconds]) => sum + seconds, 0);
}

/** Per process kind and thread name, pids dropped (the two pages' renderers add up). */
export function byThreadName(used) {
  const grouped = new Map();
  for (const [key, seconds] of used) {
    const name = key.replace(/^\d+ /, '');
    grouped.set(name, (grouped.get(name) ?? 0) + seconds);
  }
  return grouped;
}

/**
 * Resolves once the Chromium threads used less than `cpuSeconds` in `windowMs` (or after
 * `timeoutMs`, with false): work the last run left going (an open Timeline's append, search index
 * and suggestions) then does not land in the next run's figures.
 */
export async function untilQuiet({ cpuSeconds = 0.05, windowMs = 500, timeoutMs = 30_000 } = {}) {
  const started = Date.now();
  let before = threadTicks();
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = threadTicks();
    if (totalSeconds(cpuBetween(before, now)) < cpuSeconds) return true;
    before = now;
  }
  return false;
}
