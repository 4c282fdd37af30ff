import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixture, readFixtureText } from './__fixtures__/read-fixture';
import { discordImporter } from './discord';
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
});
