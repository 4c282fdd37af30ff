// Writes a DiscordChatExporter channel export (`export -f Json`) of N messages into bench/data/
// (gitignored), laid out as the exporter writes it: 2-space indentation and every field it emits
// (roles, avatars, stickers, inline emojis…), so 100,000 messages come to ~100 MB, as a real
// channel of that size does. Written in batches: the file is never held whole.
//   node bench/generate-discord-export.mjs [messages=100000] [--force]
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DATA_DIR } from './generate-slack-export.mjs';

const START = Date.parse('2024-03-01T22:00:00Z');
const words = ['checkout', 'latency', 'rollback', 'pods', 'p99', 'broker', 'disk', 'shard', 'gateway', 'deploy', 'alert', 'paged'];
const say = (i) => `${words[i % 12]} ${words[(i * 7) % 12]} update ${i}: ${words[(i * 5) % 12]} looks ${i % 3 ? 'better' : 'worse'}`;
const pad = (n) => String(n).padStart(2, '0');

/** The exporter's local time with its offset (it writes the machine's zone: here UTC-8). */
function localTime(ms) {
  const at = new Date(ms - 8 * 3600_000);
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${String(at.getUTCMilliseconds()).padStart(3, '0')}-08:00`;
}

function author(i) {
  const n = i % 50;
  return { id: String(900000000000000000n + BigInt(n)), name: `user${n}`, discriminator: '0000', nickname: `User ${n}`, color: n % 3 ? '#1F8B4C' : null, isBot: n === 7, roles: n % 4 ? [] : [{ id: '700000000000000100', name: 'oncall', color: '#E67E22', position: 3 }], avatarUrl: `https://cdn.discordapp.com/embed/avatars/${n % 5}.png` };
}

export function discordMessage(i) {
  const at = START + i * 250;
  return {
    id: String(1213000000000000000n + BigInt(i)),
    type: i % 20 ? 'Default' : 'Reply',
    timestamp: localTime(at),
    timestampEdited: i % 17 ? null : localTime(at + 30_000),
    callEndedTimestamp: null,
    isPinned: i % 500 === 0,
    content: say(i),
    author: author(i),
    attachments: i % 40 ? [] : [{ id: String(1214000000000000000n + BigInt(i)), url: `https://cdn.discordapp.com/attachments/800000000000000010/${i}/graph.png`, fileName: 'graph.png', fileSizeBytes: 48213 }],
    embeds: [],
    stickers: [],
    reactions: i % 10 ? [] : [{ emoji: { id: '', name: '👍', code: 'thumbsup', isAnimated: false, imageUrl: 'https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/1f44d.svg' }, count: 2, users: [] }],
    mentions: [],
    inlineEmojis: [],
    ...(i % 20 ? {} : { reference: { messageId: String(1213000000000000000n + BigInt(Math.max(0, i - 3))), channelId: '800000000000000010', guildId: '700000000000000001' } }),
  };
}

const indent = (text, spaces) => text.replaceAll('\n', `\n${' '.repeat(spaces)}`);

/** Writes the export to `path`; resolves with its size in bytes. */
export async function writeDiscordExport(path, count) {
  const out = createWriteStream(path);
  const done = new Promise((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const head = {
    guild: { id: '700000000000000001', name: 'Lumen Platform', iconUrl: 'https://cdn.discordapp.com/embed/avatars/1.png' },
    channel: { id: '800000000000000010', type: 'GuildTextChat', categoryId: '800000000000000001', category: 'Incidents', name: 'inc-big', topic: 'Bench channel' },
    dateRange: { after: null, before: null },
    exportedAt: localTime(START + count * 250 + 60_000),
  };
  out.write(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "messages": [\n`);
  const BATCH = 1000;
  for (let from = 0; from < count; from += BATCH) {
    const parts = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) parts.push(`    ${indent(JSON.stringify(discordMessage(i), null, 2), 4)}${i === count - 1 ? '' : ','}\n`);
    if (!out.write(parts.join(''))) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.write(`  ],\n  "messageCount": ${count}\n}\n`);
  out.end();
  await done;
  return statSync(path).size;
}

/** The 100k-message export in bench/data/, written once. */
export async function discordExport(count = 100_000, force = false) {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = `${DATA_DIR}discord-${count}.json`;
  if (!force && existsSync(path)) return { path, size: statSync(path).size };
  return { path, size: await writeDiscordExport(path, count) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv.find((arg, index) => index > 1 && /^\d+$/.test(arg)) ?? 100_000);
  const { path, size } = await discordExport(count, process.argv.includes('--force'));
  console.log(`${path}: ${count.toLocaleString('en-US')} messages, ${(size / 1024 / 1024).toFixed(1)} MB`);
}
