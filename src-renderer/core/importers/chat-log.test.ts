import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, readFixture } from './__fixtures__/read-fixture';
import { chatLogImporter } from './chat-log';
import { detectFormat } from './registry';

const parse = chatLogImporter.parse.bind(chatLogImporter);
const iso = (at: number) => new Date(at).toISOString();

describe('plain-text chat logs', () => {
  it('reads an IRC log with its day lines, actions and nick prefixes, in the chosen zone', async () => {
    const result = await parse(await fixtureInput('chat-irc.log'), { timeZone: 'America/Los_Angeles' });
    expect(result.events.map((event) => [iso(event.at), event.actorName, event.text])).toEqual([
      ['2024-06-13T06:53:02.000Z', 'alice', 'declaring SEV2 for checkout 5xx'],
      ['2024-06-13T06:55:30.000Z', 'bob', '3/8 pods CrashLoopBackOff'],
      ['2024-06-13T06:55:45.000Z', 'alice', 'alice rolls back to v411'],
      ['2024-06-13T07:06:00.000Z', 'bob', 'pods healthy again'],
    ]);
  });

  it('reads WeeChat with joins and quits as system events', async () => {
    const result = await parse(await fixtureInput('chat-weechat.log'), {});
    expect(result.events.map((event) => [event.kind, event.actorName, event.text])).toEqual([
      ['system', '', 'bob (~bob@10.0.0.7) has joined #inc-482'],
      ['message', 'alice', 'declaring SEV2 for checkout 5xx'],
      ['message', 'alice', 'alice rolls back to v411'],
      ['system', '', 'bob (~bob@10.0.0.7) has quit (Ping timeout)'],
    ]);
  });

  it('places pasted "[16:45] name: text" lines on the day of the incident start, rolling over midnight, with continuation lines', async () => {
    const result = await parse(await fixtureInput('chat-pasted.txt'), { timeZone: 'UTC', startAt: Date.parse('2024-06-12T23:50:00Z') });
    expect(result.events.map((event) => [iso(event.at), event.actorName, event.text])).toEqual([
      ['2024-06-12T23:58:00.000Z', 'Priya Raman', 'paging payments on-call'],
      ['2024-06-12T23:59:00.000Z', 'Tom Okafor', 'rolling back config\nit was the 14:00 deploy'],
      ['2024-06-13T00:02:00.000Z', 'Priya Raman', '5xx back to baseline'],
    ]);
  });

  it('asks for the incident start when the log has no dates, and gives the same keys on re-import', async () => {
    const error = await expectImportError(parse(await fixtureInput('chat-pasted.txt'), {}));
    expect(error.code).toBe('BAD_DATE');
    expect(error.location.line).toBe(1);
    const options = { startAt: Date.parse('2024-06-12T23:50:00Z') };
    const first = await parse(await fixtureInput('chat-pasted.txt'), options);
    const second = await parse(await fixtureInput('chat-pasted.txt'), options);
    expect(second.events.map((event) => event.dedupeKey)).toEqual(first.events.map((event) => event.dedupeKey));
  });

  it('is detected from content for every style, and not for CSV or JSON', async () => {
    for (const name of ['chat-irc.log', 'chat-weechat.log', 'chat-pasted.txt']) {
      expect((await detectFormat(fileInput(name, await readFixture(name)))).importer.id, name).toBe('chat-log');
    }
    expect(await chatLogImporter.detect(await fixtureInput('timeline-comma.csv'))).toBe(0);
    expect(await chatLogImporter.detect(await fixtureInput('pagerduty-log-entries.json'))).toBe(0);
  });
});
