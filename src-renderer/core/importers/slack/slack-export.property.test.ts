import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource, type ImportInput } from '../byte-source';
import { ImportError } from '../import-error';
import { buildExportZip, exportFiles, folderFromFiles, generateSlackExport, toBytes, type ExportDescription } from './__fixtures__/build-export';
import { countMessages, parseSlackExport, previewSlackExport, slackExportImporter } from './slack-export';

/** Runs every entry point; anything thrown must be an ImportError. */
async function onlyImportErrors(input: ImportInput): Promise<void> {
  expect(await slackExportImporter.detect(input)).toBeGreaterThanOrEqual(0);
  for (const run of [() => previewSlackExport(input), () => parseSlackExport(input, { window: { from: 0, to: 2e12 } })]) {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
  if (input.kind === 'folder') {
    try {
      await countMessages(input.folder, { folder: 'inc-1000' });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
}

const sample = (): Map<string, Uint8Array> =>
  new Map([...generateSlackExport({ channels: 2, messages: 30, days: 2, seed: 7 })].map(([path, text]) => [path, toBytes(text)]));

const slackishValue = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, '', '1718261582.120400', 'U00000001', 'tombstone', 'bot_message', 'hidden_by_limit', 'rich_text', '<@U1|x>', '&amp;'),
  fc.string(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);
const messageKeys = ['type', 'subtype', 'ts', 'user', 'bot_id', 'username', 'text', 'thread_ts', 'reply_count', 'hidden', 'edited', 'reactions', 'files', 'attachments', 'blocks', 'user_profile', 'root'];
const slackishMessage = fc.dictionary(fc.constantFrom(...messageKeys), slackishValue, { maxKeys: 8 });

/** Messages that pass the schema, so the text, block, thread and reaction code is exercised too. */
const tsString = fc.tuple(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 999_999 })).map(([s, us]) => `${s}.${String(us).padStart(6, '0')}`);
const mrkdwnText = fc
  .array(fc.oneof(fc.string(), fc.constantFrom('<@U00000001>', '<#C1|x>', '<!here>', '<!subteam^S|@t>', '<!date^1|d>', '<https://x|y>', '<', '>', '|', '&amp;', '&lt;', '<script>', '<javascript:x|y>')), { maxLength: 6 })
  .map((parts) => parts.join(''));
const wellShapedMessage = fc.record(
  {
    ts: fc.oneof(tsString, fc.string()),
    user: fc.constantFrom('U00000001', 'U404', 'USLACKBOT'),
    subtype: fc.constantFrom('bot_message', 'tombstone', 'thread_broadcast', 'channel_join', 'file_share', 'message_changed', 'huddle_thread'),
    text: mrkdwnText,
    thread_ts: tsString,
    reactions: fc.array(fc.record({ name: fc.string(), count: fc.nat(5), users: fc.array(fc.string(), { maxLength: 3 }) }), { maxLength: 3 }),
    files: fc.array(fc.record({ name: fc.string(), mode: fc.constantFrom('hosted', 'tombstone', 'hidden_by_limit'), permalink: fc.string() }), { maxLength: 2 }),
    attachments: fc.array(fc.record({ title: fc.string(), title_link: fc.string(), text: mrkdwnText, fields: fc.array(fc.record({ title: fc.string(), value: fc.string() }), { maxLength: 2 }) }), { maxLength: 2 }),
    blocks: fc.array(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant({ type: 'rich_text', elements: [{ type: 'rich_text_list', elements: [{ type: 'rich_text_section', elements: [{ type: 'user' }, { type: 'link' }, { type: 'mystery', elements: [] }] }] }] })), { maxLength: 2 }),
  },
  { requiredKeys: ['ts'] },
);

const RUNS = { numRuns: 60 };

describe('only ImportError escapes', () => {
  it('for random JSON in any top-level list or day file', async () => {
    const target = fc.constantFrom('users.json', 'channels.json', 'groups.json', 'dms.json', 'mpims.json', 'inc-1000/2024-06-12.json');
    await fc.assert(
      fc.asyncProperty(target, fc.jsonValue({ maxDepth: 6 }), async (path, value) => {
        const files = sample();
        files.set(path, toBytes(JSON.stringify(value)));
        await onlyImportErrors({ kind: 'folder', folder: folderFromFiles(files).folder });
      }),
      RUNS,
    );
  });

  it('for day files of Slack-like messages with fields of any type', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(slackishMessage, { maxLength: 8 }), async (messages) => {
        const description: ExportDescription = {
          users: [{ id: 'U00000001', name: 'a' }],
          channels: [{ id: 'C00000001', name: 'inc-1000' }],
          days: { 'inc-1000/2024-06-12': messages, 'inc-1000/2024-06-13': messages.slice(1) },
        };
        await onlyImportErrors({ kind: 'folder', folder: folderFromFiles(exportFiles(description)).folder });
      }),
      RUNS,
    );
  });

  it('for well-shaped messages with odd content', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(wellShapedMessage, { maxLength: 10 }), async (messages) => {
        const description: ExportDescription = {
          users: [{ id: 'U00000001', name: 'a' }],
          channels: [{ id: 'C00000001', name: 'inc-1000' }],
          days: { 'inc-1000/2024-06-12': messages },
        };
        await onlyImportErrors({ kind: 'folder', folder: folderFromFiles(exportFiles(description)).folder });
      }),
      RUNS,
    );
  });

  it('for byte-level mutations of a generated export', async () => {
    const paths = [...sample().keys()];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), async (path, position, byte, truncate) => {
        const files = sample();
        const original = files.get(path) ?? new Uint8Array();
        const mutated = truncate ? original.slice(0, position % (original.length + 1)) : original.slice();
        if (!truncate && mutated.length > 0) mutated[position % mutated.length] = byte;
        files.set(path, mutated);
        await onlyImportErrors({ kind: 'folder', folder: folderFromFiles(files).folder });
      }),
      RUNS,
    );
  });

  it('for byte-level mutations of a zipped export', async () => {
    const zip = buildExportZip({ extra: Object.fromEntries(sample()) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(zip.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(zip.length), async (edits, cut) => {
        const mutated = zip.slice(0, Math.max(cut, zip.length - 64));
        for (const [at, byte] of edits) if (at < mutated.length) mutated[at] = byte;
        await onlyImportErrors({ kind: 'file', source: bytesSource('export.zip', mutated) });
      }),
      RUNS,
    );
  });
});

describe('generateSlackExport', () => {
  it('is deterministic and parses into the requested number of messages', async () => {
    const a = generateSlackExport({ channels: 3, messages: 200, days: 3, seed: 42 });
    const b = generateSlackExport({ channels: 3, messages: 200, days: 3, seed: 42 });
    expect([...a]).toEqual([...b]);
    expect([...generateSlackExport({ channels: 3, messages: 200, days: 3, seed: 43 })]).not.toEqual([...a]);
    const files = new Map([...a].map(([path, text]) => [path, toBytes(text)]));
    const result = await parseSlackExport({ kind: 'folder', folder: folderFromFiles(files).folder });
    expect(result.events).toHaveLength(200);
    expect(result.events.some((event) => event.threadParentKey !== null)).toBe(true);
  });
});
