import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixture, readFixtureText } from './__fixtures__/read-fixture';
import { detectFormat } from './registry';
import { slackdumpImporter } from './slackdump';

const parse = slackdumpImporter.parse.bind(slackdumpImporter);

describe('slackdump', () => {
  it('reads a dump with its inline thread replies and a users list picked with it, as a Slack export would read', async () => {
    const input = folderInput('dump', { 'C07Q3M1N2PX.json': await readFixture('slackdump-dump.json'), 'users.json': await readFixture('slackdump-users.json') });
    const result = await parse(input, {});
    expect(result.events.map((event) => [event.actorName, event.channel, event.text])).toEqual([
      ['PagerDuty', '#inc-311-ledger', 'Triggered: ledger-consumer lag > 10k'],
      ['Maria', '#inc-311-ledger', 'Ledger consumer lag at 40k, @here declaring SEV2. @Deniz Aydin can you check the brokers?'],
      ['Deniz Aydin', '#inc-311-ledger', 'Broker disk at 97% on kafka-3'],
      ['Maria', '#inc-311-ledger', 'Expanding the volume now'],
      ['Maria', '#inc-311-ledger', 'Lag back under 1k, monitoring'],
    ]);
    const [, root, reply] = result.events;
    expect(root?.dedupeKey).toBe('slackdump:C07Q3M1N2PX:1718190000.000100');
    expect(root?.replyCount).toBe(2);
    expect(reply?.threadParentKey).toBe(root?.dedupeKey);
    expect(result.actors.find((actor) => actor.externalId === 'U01MARIA')).toMatchObject({ sourceFormat: 'slackdump', email: 'maria@example.org' });
    expect((await detectFormat(input)).importer.id).toBe('slackdump');
  });

  it('reads a gzipped chunk archive (users, channel info, messages and thread chunks), keeping a message seen twice once', async () => {
    const gz = gzipSync(await readFixture('slackdump-chunks.jsonl'));
    for (const input of [fileInput('C07Q3M1N2PX.jsonl.gz', gz), folderInput('slackdump_20240612', { 'C07Q3M1N2PX.jsonl.gz': gz })]) {
      const result = await parse(input, {});
      expect(result.events.map((event) => [event.actorName, event.text])).toEqual([
        ['Maria', 'Ledger consumer lag at 40k, @here declaring SEV2. @Deniz Aydin can you check the brokers?'],
        ['Deniz Aydin', 'Broker disk at 97% on kafka-3'],
        ['Maria', 'Lag back under 1k, monitoring'],
      ]);
      expect(result.events[0]?.channel).toBe('#inc-311-ledger');
      expect(result.skipped).toEqual([{ reason: 'same ts seen twice (thread_broadcast copy)', count: 1 }]);
    }
    expect((await detectFormat(fileInput('C07Q3M1N2PX.jsonl', await readFixture('slackdump-chunks.jsonl')))).importer.id).toBe('slackdump');
  });

  it('is detected from content, and never mistaken for a Slack export', async () => {
    expect((await detectFormat(await fixtureInput('slackdump-dump.json'))).importer.id).toBe('slackdump');
    expect(await slackdumpImporter.detect(await fixtureInput('statuspage-incidents.json'))).toBe(0);
  });

  it('refuses a SQLite archive with the command that converts it, a cut gzip, and a gzip bomb at the one-file cap', async () => {
    const sqlite = new Uint8Array(4096);
    sqlite.set(new TextEncoder().encode('SQLite format 3\u0000'));
    const error = await expectImportError(parse(fileInput('slackdump.sqlite', sqlite), {}));
    expect(error.message).toMatch(/slackdump convert -f export/);
    const gz = gzipSync(await readFixture('slackdump-chunks.jsonl'));
    expect((await expectImportError(parse(fileInput('c.jsonl.gz', gz.subarray(0, gz.length - 30)), {}))).code).toBe('TRUNCATED_ARCHIVE');
    const bomb = gzipSync(new Uint8Array(8 * 1024 * 1024));
    const capped = await expectImportError(parse(fileInput('bomb.jsonl.gz', bomb), { limits: { maxEntryBytes: 1024 * 1024 } }));
    expect(capped.code).toBe('LIMIT_EXCEEDED');
    expect(capped.message).toBe('exceeds the limit of 1.0 MB for one file');
  });

  it('names the line and field of a broken chunk', async () => {
    const text = (await readFixtureText('slackdump-chunks.jsonl')).replace('"ts":"1718191800.000400"', '"ts":1718191800');
    const error = await expectImportError(parse(fileInput('c.jsonl', text), {}));
    expect(error.location).toMatchObject({ line: 4, field: 'm[0].ts' });
  });
});
