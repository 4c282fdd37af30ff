import { zipSync } from 'fflate';
import type { FolderEntry, VirtualFolder } from '../../byte-source';

/**
 * Test fixtures for Slack exports, written for this project. `buildExportFolder` turns a compact
 * description into a VirtualFolder that counts reads per entry (to prove what is never
 * decompressed); `buildExportZip` produces the same files as ZIP bytes.
 */

export type FileContent = string | Uint8Array | unknown[] | Record<string, unknown>;

export interface ExportDescription {
  users?: unknown[];
  channels?: unknown[];
  groups?: unknown[];
  dms?: unknown[];
  mpims?: unknown[];
  /** `<folder>/<YYYY-MM-DD>` → messages (or raw text/bytes for broken files). */
  days?: Record<string, FileContent>;
  /** Any other path → content, verbatim. */
  extra?: Record<string, FileContent>;
  /** Wrapper folder, e.g. `acme/`. */
  root?: string;
}

export function exportFiles(description: ExportDescription): Map<string, Uint8Array> {
  const root = description.root ?? '';
  const files = new Map<string, Uint8Array>();
  const lists = { users: description.users, channels: description.channels, groups: description.groups, dms: description.dms, mpims: description.mpims };
  for (const [name, list] of Object.entries(lists)) if (list) files.set(`${root}${name}.json`, toBytes(list));
  for (const [day, content] of Object.entries(description.days ?? {})) files.set(`${root}${day}.json`, toBytes(content));
  for (const [path, content] of Object.entries(description.extra ?? {})) files.set(path, toBytes(content));
  return files;
}

export interface CountingFolder {
  folder: VirtualFolder;
  /** Entry path → number of read() calls. */
  reads: Map<string, number>;
}

export function folderFromFiles(files: Map<string, Uint8Array>, name = 'slack-export'): CountingFolder {
  const reads = new Map<string, number>();
  const entries: FolderEntry[] = [...files].map(([path, bytes]) => ({
    path,
    size: bytes.length,
    read: async () => {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return bytes;
    },
  }));
  return { folder: { name, entries }, reads };
}

export function buildExportFolder(description: ExportDescription, name = 'slack-export'): CountingFolder {
  return folderFromFiles(exportFiles(description), name);
}

export function buildExportZip(description: ExportDescription): Uint8Array {
  return zipSync(Object.fromEntries(exportFiles(description)));
}

export function toBytes(content: FileContent): Uint8Array {
  if (content instanceof Uint8Array) return content;
  return new TextEncoder().encode(typeof content === 'string' ? content : JSON.stringify(content, null, 1));
}

export function user(id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name, real_name: name, deleted: false, is_bot: false, profile: { display_name: name, real_name: name, email: `${name}@example.test` }, ...extra };
}

export function channel(id: string, name: string, members: string[] = []): Record<string, unknown> {
  return { id, name, created: 1_700_000_000, members };
}

export function message(ts: string, userId: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', user: userId, text, ts, ...extra };
}

/** A ts string for a UTC ISO time plus micros, as Slack writes it. */
export function tsAt(iso: string, micros = 0): string {
  return `${Math.floor(Date.parse(iso) / 1000)}.${String(micros).padStart(6, '0')}`;
}

export interface GeneratorOptions {
  channels: number;
  /** Total messages across all channels. */
  messages: number;
  /** Calendar days (UTC) the messages spread over, starting 2024-06-12. */
  days: number;
  seed: number;
}

/**
 * Deterministic, dependency-free export generator (same seed, same bytes) shared with the
 * benchmark generator. Returns file path → JSON text; messages include threads spanning days,
 * reactions with skin tones, edits, mentions and bot alerts so the benchmark exercises the real
 * code paths.
 */
export function generateSlackExport(options: GeneratorOptions): Map<string, string> {
  const random = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const userIds = Array.from({ length: 12 }, (_, i) => `U${String(i + 1).padStart(8, '0')}`);
  const files = new Map<string, string>();
  files.set('users.json', JSON.stringify(userIds.map((id, i) => user(id, `person${i + 1}`))));
  const channels = Array.from({ length: Math.max(1, options.channels) }, (_, i) => channel(`C${String(i + 1).padStart(8, '0')}`, `inc-${1000 + i}`, userIds));
  files.set('channels.json', JSON.stringify(channels));
  for (const name of ['groups.json', 'dms.json', 'mpims.json']) files.set(name, '[]');

  const start = Date.UTC(2024, 5, 12) / 1000;
  const daySeconds = 86_400;
  const span = Math.max(1, options.days) * daySeconds;
  const perChannel = Math.ceil(options.messages / channels.length);
  let remaining = options.messages;
  channels.forEach((conversation) => {
    const count = Math.min(perChannel, remaining);
    remaining -= count;
    const byDay = new Map<string, unknown[]>();
    const roots: string[] = [];
    for (let i = 0; i < count; i++) {
      // Evenly spaced and unique per channel, as Slack guarantees for ts.
      const seconds = start + Math.floor((i * span) / Math.max(1, count));
      const ts = `${seconds}.${String(i % 1_000_000).padStart(6, '0')}`;
      const author = pick(userIds);
      const record: Record<string, unknown> = message(ts, author, `update ${i}: error rate ${Math.floor(random() * 100)}% &amp; <@${pick(userIds)}> see <https://grafana.example/d/${i}|dashboard>`);
      const roll = random();
      if (roll < 0.1) roots.push(ts);
      else if (roll < 0.3 && roots.length > 0) record.thread_ts = pick(roots);
      else if (roll < 0.35) Object.assign(record, { subtype: 'bot_message', bot_id: 'B00ALERTS', username: 'Alerts', user: undefined, attachments: [{ title: `alert ${i}`, text: 'p99 &gt; 2s', title_link: 'https://alerts.example/1' }] });
      if (random() < 0.2) record.reactions = [{ name: pick(['+1', '+1::skin-tone-3', 'eyes']), users: [author], count: 1 }];
      if (random() < 0.05) record.edited = { user: author, ts: `${seconds + 30}.000000` };
      const day = new Date(seconds * 1000).toISOString().slice(0, 10);
      const list = byDay.get(day) ?? [];
      list.push(record);
      byDay.set(day, list);
    }
    for (const [day, list] of byDay) files.set(`${String(conversation.name)}/${day}.json`, JSON.stringify(list));
  });
  return files;
}

/** Small seeded PRNG so fixtures are reproducible without a dependency. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
