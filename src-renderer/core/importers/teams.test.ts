import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixtureText } from './__fixtures__/read-fixture';
import { detectFormat } from './registry';
import { teamsHtmlToText } from './teams-html';
import { teamsImporter } from './teams';

const parse = teamsImporter.parse.bind(teamsImporter);

describe('microsoft teams (Graph chatMessage list)', () => {
  it('turns HTML bodies into text, replies into threads, system events and deleted messages into events', async () => {
    const result = await parse(await fixtureInput('teams-channel-messages.json'), {});
    expect(result.events.map((event) => [event.kind, event.actorName, event.text])).toEqual([
      [
        'message',
        'Ines Duarte',
        "SEV2: VPN gateway flapping\nGateway vpn-gw-2 dropped 3 tunnels & users can't connect. @Kofi Mensah can you check the BGP sessions?\nDashboard: VPN board",
      ],
      ['message', 'Kofi Mensah', 'BGP peer 10.8.0.1 is flapping, hold timer expiring every 90 s'],
      ['system', '', 'Call started'],
      ['message', 'Lena Vogel', 'This message has been deleted.'],
      ['message', 'Azure Monitor', 'Resolved: VPN tunnel count back to 42'],
    ]);
    const [root, reply, , deleted] = result.events;
    expect(root?.mentions).toEqual(['Kofi Mensah']);
    expect(root?.links).toEqual([{ url: 'https://grafana.example.net/d/vpn', label: 'VPN board' }]);
    expect(root?.reactions).toEqual([{ name: 'thumbsup', count: 2 }]);
    expect(root?.channel).toBe('teams-channel-messages');
    expect(root?.replyCount).toBe(4);
    expect(reply?.threadParentKey).toBe(root?.dedupeKey);
    expect(reply?.edited).toBe(true);
    expect(reply?.attachments).toEqual([{ name: 'bgp-log.txt', url: 'https://contoso.sharepoint.com/sites/ops/Shared%20Documents/bgp-log.txt' }]);
    expect(deleted?.deleted).toBe(true);
    expect(result.actors.find((actor) => actor.name === 'Azure Monitor')?.bot).toBe(true);
  });

  it('never keeps markup or script from a body', () => {
    expect(teamsHtmlToText('<p>a<script>alert(1)</script><style>p{}</style> <img alt="🔥" src="x"> b</p><ul><li>one</li><li>two</li></ul>').text).toBe('a 🔥 b\n• one\n• two');
  });

  it('imports pages picked together as one thread, warns about a missing next page, and is detected from content', async () => {
    const page = JSON.parse(await readFixtureText('teams-channel-messages.json')) as { value: unknown[] };
    const first = JSON.stringify({ '@odata.nextLink': 'https://graph.microsoft.com/v1.0/next', value: page.value.slice(0, 1) });
    const second = JSON.stringify({ value: page.value.slice(1) });
    const result = await parse(folderInput('pages', { 'page-1.json': first, 'page-2.json': second }), {});
    expect(result.events[0]?.replyCount).toBe(4);
    expect(result.warnings).toEqual([]);
    const alone = await parse(fileInput('page-1.json', first), {});
    expect(alone.warnings[0]?.message).toMatch(/more pages/);
    expect((await detectFormat(await fixtureInput('teams-channel-messages.json'))).importer.id).toBe('teams');
    expect(await teamsImporter.detect(await fixtureInput('opsgenie-alert-logs.json'))).toBe(0);
  });

  it('names every page of one conversation after its first file, replies included', async () => {
    const input = folderInput('pages', {
      'ops-channel.json': await readFixtureText('teams-channel-messages.json'),
      'teams-channel-replies.json': await readFixtureText('teams-channel-replies.json'),
    });
    const result = await parse(input, {});
    expect(new Set(result.events.map((event) => event.channel))).toEqual(new Set(['ops-channel']));
    const reply = result.events.find((event) => event.text === 'Tunnels stable for 10 min, calling All Clear');
    expect(reply?.threadParentKey).toBe(result.events[0]?.dedupeKey);
    expect(result.events[0]?.replyCount).toBe(5);
  });

  it('refuses a message without a time, naming the field', async () => {
    const broken = (await readFixtureText('teams-channel-messages.json')).replace('"createdDateTime": "2024-03-04T22:10:00.000Z"', '"createdDateTime": null');
    const error = await expectImportError(parse(fileInput('messages.json', broken), {}));
    expect(error.location.field).toBe('value[2].createdDateTime');
    expect((await expectImportError(parse(fileInput('x.json', '{"value": []}'), {}))).code).toBe('EMPTY');
  });
});
