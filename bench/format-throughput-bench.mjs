// Issue 13: import throughput of each chat/deploy format added for "Import what teams really
// export", at 100k records (lines, messages, events) each, through the real importers (parse:
// read, validate, normalise, dedupe, sort) in Node. Each figure is printed with a same-run
// baseline: JSON.parse (or, for text logs, splitting into lines) of the same bytes, the least any
// importer must do, so the ratio says what the importer adds and does not drift with the machine.
//   node bench/format-throughput-bench.mjs [records=100000] [format,format…]
import { open, readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { discordExport } from './generate-discord-export.mjs';
import { loadTs } from './load-ts.mjs';

const N = Number(process.argv[2] ?? 100_000);
const ONLY = process.argv[3] ? new Set(process.argv[3].split(',')) : null;
const START = Date.parse('2024-03-01T22:00:00Z');
const pad = (n) => String(n).padStart(2, '0');
const iso = (ms) => new Date(ms).toISOString();
const words = ['checkout', 'latency', 'rollback', 'pods', 'p99', 'broker', 'disk', 'shard', 'gateway', 'deploy', 'alert', 'paged'];
const say = (i) => `${words[i % 12]} ${words[(i * 7) % 12]} update ${i}: ${words[(i * 5) % 12]} looks ${i % 3 ? 'better' : 'worse'}`;

/** One generator per format: the bytes a real export of N records would hold. */
const FORMATS = {
  mattermost: () => {
    const lines = ['{"type":"version","version":1}'];
    for (let u = 0; u < 50; u++) lines.push(JSON.stringify({ type: 'user', user: { username: `user${u}`, email: `user${u}@example.org`, first_name: 'User', last_name: String(u) } }));
    for (let i = 0; i < N; i++) {
      lines.push(JSON.stringify({ type: 'post', post: { team: 'ops', channel: `inc-${i % 5}`, user: `user${i % 50}`, message: say(i), props: {}, create_at: START + i * 250, reactions: i % 10 ? [] : [{ user: 'user1', emoji_name: '+1', create_at: START + i * 250 + 5 }] } }));
    }
    return { name: 'export.jsonl', text: lines.join('\n'), records: N };
  },
  // A real-sized channel export on disk (bench/generate-discord-export.mjs), read as the app reads a
  // picked file: range by range, never whole (it is over the 64 MB one-file limit).
  discord: async () => ({ name: 'channel.json', ...(await discordExport(N)), records: N }),
  teams: () => {
    const value = [];
    for (let i = 0; i < N; i++) {
      value.push({
        id: String(START + i * 250),
        replyToId: i % 10 ? String(START + (i - (i % 10)) * 250) : null,
        messageType: 'message',
        createdDateTime: iso(START + i * 250),
        lastEditedDateTime: null,
        deletedDateTime: null,
        from: { user: { id: `u-${i % 50}`, displayName: `User ${i % 50}` } },
        body: { contentType: 'html', content: `<p>${say(i)} &amp; <at id="0">User ${(i + 1) % 50}</at></p>` },
        attachments: [],
        reactions: [],
      });
    }
    return { name: 'messages.json', text: JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#chats', value }), records: N };
  },
  'github-deployments': () => {
    const list = [];
    for (let i = 0; i < N; i++) {
      list.push(
        i % 2
          ? { id: 4000000000 + i, state: i % 4 === 1 ? 'in_progress' : 'success', description: say(i), environment: 'production', target_url: `https://github.com/o/r/actions/runs/${i}`, creator: { login: 'github-actions[bot]' }, created_at: iso(START + i * 250), deployment_url: `https://api.github.com/repos/o/r/deployments/${1800000000 + i - 1}`, repository_url: 'https://api.github.com/repos/o/r' }
          : { id: 1800000000 + i, sha: 'c3d4e5f60718293a4b5c6d7e8f9012345678abcd', ref: `v1.${i}`, task: 'deploy', environment: 'production', description: say(i), creator: { login: `user${i % 50}` }, created_at: iso(START + i * 250), statuses_url: `https://api.github.com/repos/o/r/deployments/${1800000000 + i}/statuses`, repository_url: 'https://api.github.com/repos/o/r' },
      );
    }
    return { name: 'deployments.json', text: JSON.stringify(list), records: N };
  },
  'kubernetes-events': () => {
    const items = [];
    for (let i = 0; i < N; i++) {
      items.push({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `pod-${i}.17b8a1c2d3e4f5a6`, namespace: `ns-${i % 5}`, uid: `uid-${i}`, creationTimestamp: iso(START + i * 250) },
        involvedObject: { kind: 'Pod', namespace: `ns-${i % 5}`, name: `pod-${i % 300}` },
        reason: i % 3 ? 'Unhealthy' : 'Pulled',
        message: say(i),
        source: { component: 'kubelet', host: `node-${i % 9}` },
        firstTimestamp: iso(START + i * 250),
        lastTimestamp: iso(START + i * 250 + 1000),
        count: 1 + (i % 4),
        type: i % 3 ? 'Warning' : 'Normal',
      });
    }
    return { name: 'events.json', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }), records: N };
  },
  'chat-log': () => {
    const lines = [];
    for (let i = 0; i < N; i++) {
      const at = new Date(START + i * 250);
      lines.push(`[${at.toISOString().slice(0, 10)} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}] user${i % 50}: ${say(i)}`);
    }
    return { name: 'pasted.txt', text: lines.join('\n'), records: N, text_only: true };
  },
};

const { module: registry, close } = await loadTs('src-renderer/core/importers/registry.ts');
const MB = 1024 * 1024;
try {
  console.log(`\nImport throughput per format at ${N.toLocaleString('en-US')} records (parse in Node; baseline: JSON.parse or line split of the same bytes)\n`);
  for (const [format, generate] of Object.entries(FORMATS)) {
    if (ONLY && !ONLY.has(format)) continue;
    const sample = await generate();
    const onDisk = sample.path ? await open(sample.path) : null;
    const data = onDisk ? await readFile(sample.path) : new TextEncoder().encode(sample.text);
    const source = onDisk
      ? { name: sample.name, size: sample.size, read: async (offset, length) => { const buffer = new Uint8Array(Math.min(length, sample.size - offset)); await onDisk.read(buffer, 0, buffer.length, offset); return buffer; } }
      : { name: sample.name, size: data.length, read: async (offset, length) => data.subarray(offset, offset + length) };
    const input = { kind: 'file', source };
    const importer = registry.getImporter(format);
    const detected = (await registry.detectFormat(input)).importer.id;
    // Warm-up on the same bytes so both figures are for optimised code.
    const decode = () => new TextDecoder().decode(data);
    const baseline = sample.text_only
      ? () => decode().split('\n').length
      : sample.name.endsWith('.jsonl')
        ? () => decode().split('\n').map((line) => JSON.parse(line)).length
        : () => JSON.parse(decode()) !== null;
    baseline();
    const b0 = performance.now();
    baseline();
    const baseMs = performance.now() - b0;
    // Formats read whole need their one-file cap raised for the bench; a streamed one (Discord) does not.
    const limits = onDisk ? {} : { maxEntryBytes: 1024 * MB };
    await importer.parse(input, { limits });
    globalThis.gc?.();
    const memoryBefore = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.heapUsed + now.arrayBuffers - memoryBefore.heapUsed - memoryBefore.arrayBuffers);
    }, 20);
    const t0 = performance.now();
    const result = await importer.parse(input, { limits });
    const ms = performance.now() - t0;
    clearInterval(sampler);
    await onDisk?.close();
    const fits = data.length <= 64 * MB ? 'within' : 'OVER';
    console.log(
      `${format.padEnd(20)} ${(data.length / MB).toFixed(1).padStart(6)} MB (${fits} the 64 MB one-file limit${onDisk ? '; streamed from disk' : ''}), detected as ${detected}: ` +
        `${result.events.length.toLocaleString('en-US')} events in ${ms.toFixed(0)} ms = ${Math.round(result.events.length / (ms / 1000)).toLocaleString('en-US')} events/s; ` +
        `baseline ${baseMs.toFixed(0)} ms, ratio ${(ms / baseMs).toFixed(1)}x` +
        (onDisk ? `; heap + buffers grew by at most ${(peak / MB).toFixed(0)} MB while parsing (the events it returns included)` : ''),
    );
  }
} finally {
  await close();
}
