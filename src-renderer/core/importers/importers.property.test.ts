import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileInput, readFixtureText } from './__fixtures__/read-fixture';
import type { ImportInput } from './byte-source';
import { ImportError } from './import-error';
import type { BaseImportOptions } from './importer';
import { detectFormat, IMPORTERS as REGISTERED } from './registry';

// Every registered importer; the Slack export has its own property test (folders, not one file).
const IMPORTERS = REGISTERED.filter((importer) => importer.id !== 'slack-export');
const RUNS = { numRuns: 200 };
const FIXTURES = [
  'pagerduty-log-entries.json',
  'pagerduty-incident.json',
  'pagerduty-notes.json',
  'statuspage-incidents.json',
  'alertmanager-firing.json',
  'alertmanager-stream.ndjson',
  'timeline-comma.csv',
  'timeline-semicolon.csv',
  'timeline-bad-date.csv',
  'pagerduty-webhook-v1.json',
  'pagerduty-webhook-v2.json',
  'pagerduty-webhooks-v3.ndjson',
  'chat-irc.log',
  'chat-weechat.log',
  'chat-pasted.txt',
  'bridge-call.vtt',
  'bridge-call.srt',
  'opsgenie-alert-logs.json',
  'opsgenie-alert-notes.json',
  'mattermost-bulk.jsonl',
  'discord-channel.json',
  'teams-channel-messages.json',
  'github-deployments.json',
  'github-deployment-statuses.json',
  'github-deployment-status-webhook.json',
  'kubernetes-events.json',
  'argocd-app.json',
  'slackdump-dump.json',
  'slackdump-users.json',
  'slackdump-chunks.jsonl',
];
const JSON_FIXTURES = FIXTURES.filter((name) => name.endsWith('.json'));
const JSON_LINES_FIXTURES = FIXTURES.filter((name) => /\.(?:jsonl|ndjson)$/.test(name));
const texts = new Map<string, string>();

/** Runs `operation`; anything thrown other than an ImportError fails the property. */
async function onlyImportErrors<T>(operation: () => Promise<T>): Promise<T | ImportError> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
}

/** Feeds one input to every importer's detect, preview and parse, and to format detection. */
async function exercise(input: ImportInput): Promise<void> {
  for (const importer of IMPORTERS) {
    const confidence = await importer.detect(input);
    expect(confidence).toBeGreaterThanOrEqual(0);
    expect(confidence).toBeLessThanOrEqual(1);
    await onlyImportErrors(() => importer.preview(input, {}));
    const result = await onlyImportErrors(() => importer.parse(input, { timeZone: 'America/New_York', startAt: Date.parse('2024-06-12T14:00:00Z') } as BaseImportOptions));
    if (!(result instanceof ImportError)) {
      for (const event of result.events) {
        expect(event.dedupeKey.startsWith(`${importer.id}:`)).toBe(true);
        expect(Number.isFinite(event.at)).toBe(true);
        expect(typeof event.text).toBe('string');
        expect(event.links.every((link) => /^https?:\/\//i.test(link.url))).toBe(true);
      }
    }
  }
  await onlyImportErrors(() => detectFormat(input));
}

/** Deletes or replaces one value found by walking `path` (indexes taken modulo the children). */
function mutateJson(root: unknown, path: number[], replace: boolean, replacement: unknown): unknown {
  const copy = structuredClone(root);
  let parent: unknown = null;
  let key: string | number | null = null;
  let node: unknown = copy;
  for (const step of path) {
    if (Array.isArray(node) && node.length > 0) {
      key = step % node.length;
    } else if (node && typeof node === 'object' && Object.keys(node).length > 0) {
      const keys = Object.keys(node);
      key = keys[step % keys.length] ?? null;
    } else break;
    parent = node;
    node = (node as Record<string | number, unknown>)[key as string];
  }
  if (parent === null || key === null) return replace ? replacement : copy;
  const container = parent as Record<string | number, unknown>;
  if (replace) container[key] = replacement;
  else if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else Reflect.deleteProperty(container, key);
  return copy;
}

describe('importers never throw anything but ImportError', () => {
  beforeAll(async () => {
    for (const name of FIXTURES) texts.set(name, await readFixtureText(name));
  });

  it('on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        await exercise(fileInput('random.bin', bytes));
      }),
      RUNS,
    );
  });

  it('on random JSON documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 5 }), async (value) => {
        await exercise(fileInput('random.json', JSON.stringify(value) ?? 'null'));
      }),
      RUNS,
    );
  });

  it('on random CSV-like text', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2025-03-09T06:45:00Z', '2025-03-09 01:58', '"', '""', 'a\nb', '1741502700'));
    const csv = fc.tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'));
    await fc.assert(
      fc.asyncProperty(csv, async ([rows, separator, newline]) => {
        const header = ['time', 'actor', 'message', 'kind', 'url'].join(separator);
        await exercise(fileInput('random.csv', [header, ...rows.map((row) => row.join(separator))].join(newline)));
      }),
      RUNS,
    );
  });

  it('on truncated and byte-flipped fixtures', async () => {
    const mutation = fc.tuple(
      fc.constantFrom(...FIXTURES),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ([name, cut, flips]) => {
        const bytes = new TextEncoder().encode(texts.get(name) ?? '');
        const truncated = bytes.slice(0, Math.floor(bytes.length * cut));
        for (const [position, value] of flips) if (truncated.length > 0) truncated[position % truncated.length] = value;
        await exercise(fileInput(name, truncated));
      }),
      RUNS,
    );
  });

  it('on fixtures with fields dropped or replaced by random values', async () => {
    const mutation = fc.tuple(
      fc.constantFrom(...JSON_FIXTURES),
      fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      fc.jsonValue({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ([name, paths, replace, replacement]) => {
        let doc: unknown = JSON.parse(texts.get(name) ?? 'null');
        for (const path of paths) doc = mutateJson(doc, path, replace, replacement);
        await exercise(fileInput(name, JSON.stringify(doc, null, 2)));
      }),
      RUNS,
    );
  });

  it('on JSON Lines fixtures with the fields of one line dropped or replaced by random values', async () => {
    const mutation = fc.tuple(
      fc.constantFrom(...JSON_LINES_FIXTURES),
      fc.nat(),
      fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      fc.jsonValue({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ([name, lineIndex, paths, replace, replacement]) => {
        const lines = (texts.get(name) ?? '').split('\n').filter((line) => line.trim() !== '');
        const index = lineIndex % lines.length;
        let doc: unknown = JSON.parse(lines[index] ?? 'null');
        for (const path of paths) doc = mutateJson(doc, path, replace, replacement);
        lines[index] = JSON.stringify(doc) ?? 'null';
        await exercise(fileInput(name, lines.join('\n')));
      }),
      RUNS,
    );
  });
});
