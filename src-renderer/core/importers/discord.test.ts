import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixture, readFixtureText } from './__fixtures__/read-fixture';
import { syntheticDiscordChannel } from './__fixtures__/synthetic-discord';
import { discordImporter } from './discord';
import type { ImportProgress } from './imported-records';
import { STREAM_CHUNK_BYTES } from './json-stream';
import { DEFAULT_LIMITS } from './limits';
import { detectFormat } from './registry';

const parse = discordImporter.parse.bind(discordImporter);

describe('discord (DiscordChatExporter JSON)', () => {
  it('turns messages, replies, bot embeds and pin notices into events at their offset-aware times', async () => {
    const result = await parse(await fixtureInput('discord-channel.json'), {});
    expect(result.events.map((event) => [event.kind, event.actorName, event.channel, event.text])).toEqual([
      ['message', 'Grafana', 'inc-207-search', 'Grafana: search p99 above 2s'],
      ['message', 'Rhea', 'inc-207-search', 'On it. Taking IC for this one.'],
      ['system', 'Rhea', 'inc-207-search', 'Pinned a message'],
      ['message', 'omar.s', 'inc-207-search', 'Index shard 4 is rebalancing, heap graph attached'],
    ]);
    const [alert, ic, , reply] = result.events;
    expect(alert?.at).toBe(Date.parse('2024-03-01T22:05:10.250Z'));
    expect(alert?.originalTime).toBe('2024-03-01T14:05:10.250-08:00');
    expect(alert?.links).toEqual([{ url: 'https://grafana.example.net/alerting/grafana/abc123/view', label: 'SearchLatencyHigh' }]);
    expect(alert?.dedupeKey).toBe('discord:1213000000000000101');
    expect(ic?.edited).toBe(true);
    expect(ic?.reactions).toEqual([{ name: 'thumbsup', count: 2 }]);
    expect(reply?.attachments).toEqual([{ name: 'heap.png', url: 'https://cdn.discordapp.com/attachments/800000000000000010/1213000000000000999/heap.png' }]);
    expect(result.actors.find((actor) => actor.externalId === '900000000000000003')?.bot).toBe(true);
  });

  it('imports several channel exports picked together, and is detected from content', async () => {
    const bytes = await readFixture('discord-channel.json');
    const other = (await readFixtureText('discord-channel.json')).replaceAll('"inc-207-search"', '"inc-207-comms"').replace(/"id": "12130000000000001(\d\d)"/g, '"id": "12130000000000002$1"');
    const folder = folderInput('exports', { 'search.json': bytes, 'comms.json': other, 'notes.txt': 'not an export' });
    const result = await parse(folder, {});
    expect(result.events).toHaveLength(8);
    expect(new Set(result.events.map((event) => event.channel))).toEqual(new Set(['inc-207-search', 'inc-207-comms']));
    expect((await detectFormat(fileInput('export.json', bytes))).importer.id).toBe('discord');
    expect(await discordImporter.detect(await fixtureInput('statuspage-incidents.json'))).toBe(0);
  });

  it('imports a channel\'s partition pages as one channel', async () => {
    const folder = folderInput('pages', { 'part1.json': await readFixture('discord-channel.json'), 'part2.json': await readFixture('discord-channel-part2.json') });
    const result = await parse(folder, {});
    expect(result.events.map((event) => event.text).slice(-2)).toEqual(['Shard 4 rebalanced, p99 back under 300ms', 'Calling All Clear for search']);
    expect(new Set(result.events.map((event) => event.channel))).toEqual(new Set(['inc-207-search']));
  });

  it('refuses a broken message naming its field', async () => {
    const broken = (await readFixtureText('discord-channel.json')).replace('"timestamp": "2024-03-01T14:07:00.000-08:00"', '"timestamp": 17');
    const error = await expectImportError(parse(fileInput('export.json', broken), {}));
    expect(error.code).toBe('WRONG_SHAPE');
    expect(error.location.field).toBe('messages[1].timestamp');
    expect((await expectImportError(parse(fileInput('x.json', '{"channel": {"name": "x"}, "messages": []}'), {}))).message).toBe('the Discord export holds no messages');
  });

  it('imports a channel export over the one-file cap as a stream, never reading more than a chunk at once', async () => {
    const source = syntheticDiscordChannel(9000, 8 * 1024);
    expect(source.size).toBeGreaterThan(DEFAULT_LIMITS.maxEntryBytes);
    const input = { kind: 'file' as const, source };
    expect((await detectFormat(input)).importer.id).toBe('discord');
    const progress: ImportProgress[] = [];
    const result = await parse(input, {}, { onProgress: (p) => progress.push(p), signal: { aborted: false } });
    expect(result.events).toHaveLength(9000);
    expect(result.events[8999]?.text.startsWith('update 8999 ...')).toBe(true);
    expect(result.events[8999]?.channel).toBe('inc-big');
    expect(result.events[8999]?.dedupeKey).toBe('discord:1213000000000008999');
    expect(result.actors).toHaveLength(50);
    expect(source.largestRead).toBeLessThanOrEqual(STREAM_CHUNK_BYTES);
    expect(progress.at(-1)).toMatchObject({ bytesDone: source.size, bytesTotal: source.size });
  });

  it('stops a streamed import on Cancel, and refuses a cut-short export naming the line', async () => {
    let reads = 0;
    const source = syntheticDiscordChannel(2000, 4 * 1024);
    const counted = { ...source, name: source.name, size: source.size, read: (offset: number, length: number) => (reads++, source.read(offset, length)) };
    const cancelled = await expectImportError(parse({ kind: 'file', source: counted }, {}, { signal: { get aborted() { return reads > 2; } } }));
    expect(cancelled.code).toBe('CANCELLED');
    const text = await readFixtureText('discord-channel.json');
    const cut = await expectImportError(parse(fileInput('cut.json', text.slice(0, text.lastIndexOf('"messageCount"') - 10)), {}));
    expect(cut.code).toBe('INVALID_JSON');
    expect(cut.message).toBe('not valid JSON: the file ends before the document does (is it cut short?)');
  });
});
