import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixture, readFixtureText } from './__fixtures__/read-fixture';
import initSqlJs from 'sql.js';
import { buildSlackdumpSqlite, ledgerIncidentArchive } from './__fixtures__/build-slackdump-sqlite';
import { ImportError } from './import-error';
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

  it('reads a SQLite archive: the latest copy of each record, threads, DMs named after their members', async () => {
    const bytes = await buildSlackdumpSqlite(await ledgerIncidentArchive());
    for (const input of [fileInput('slackdump.sqlite', bytes), folderInput('slackdump_20240612_101500', { 'slackdump.sqlite': bytes, '__uploads/F1/graph.png': new Uint8Array([1, 2, 3]) })]) {
      expect((await detectFormat(input)).importer.id).toBe('slackdump');
      const result = await parse(input, {});
      expect(result.events.map((event) => [event.actorName, event.channel, event.text])).toEqual([
        ['PagerDuty', '#inc-311-ledger', 'Triggered: ledger-consumer lag > 10k'],
        ['Maria', '#inc-311-ledger', 'Ledger consumer lag at 40k, @here declaring SEV2. @Deniz Aydin can you check the brokers?'],
        ['Deniz Aydin', '#inc-311-ledger', 'Broker disk at 97% on kafka-3'],
        ['Maria', '#inc-311-ledger', 'Expanding the volume now'],
        ['Deniz Aydin', 'DM: Deniz Aydin, Maria', 'I can take the broker side'],
        ['Maria', '#inc-311-ledger', 'Lag back under 1k, monitoring (edited)'],
      ]);
      const [, root, reply] = result.events;
      // The same keys as a dump of the channel: importing both keeps each message once.
      expect(root?.dedupeKey).toBe('slackdump:C07Q3M1N2PX:1718190000.000100');
      expect(root?.replyCount).toBe(2);
      expect(reply?.threadParentKey).toBe(root?.dedupeKey);
      expect(result.skipped).toEqual([]);
      expect(result.actors.find((actor) => actor.externalId === 'U01MARIA')).toMatchObject({ sourceFormat: 'slackdump', email: 'maria@example.org' });
    }
    expect((await detectFormat(fileInput('archive.db', bytes))).importer.id).toBe('slackdump');
  });

  it('refuses a cut-short or foreign SQLite database, and a broken record naming its table and key', async () => {
    const bytes = await buildSlackdumpSqlite(await ledgerIncidentArchive());
    const cut = await expectImportError(parse(fileInput('slackdump.sqlite', bytes.subarray(0, Math.floor(bytes.length / 2))), {}));
    expect([cut.code, cut.message]).toEqual(['TRUNCATED_ARCHIVE', 'the SQLite database is damaged or cut short']);
    const SQL = await initSqlJs();
    const other = new SQL.Database();
    other.exec('CREATE TABLE notes (id INTEGER, body TEXT)');
    const foreign = await expectImportError(parse(fileInput('notes.sqlite', other.export()), {}));
    other.close();
    expect([foreign.code, foreign.message]).toEqual(['WRONG_SHAPE', 'this SQLite database is not a slackdump archive (it has no MESSAGE and CHUNK tables)']);
    const content = await ledgerIncidentArchive();
    const broken = { ...content, pages: [{ channel: 'C07Q3M1N2PX', messages: [{ ts: '1718190000.000100', text: 'x', user: 17 }] }] };
    const error = await expectImportError(parse(fileInput('slackdump.sqlite', await buildSlackdumpSqlite(broken)), {}));
    expect(error.location).toMatchObject({ file: 'slackdump.sqlite', field: 'MESSAGE C07Q3M1N2PX/1718190000.000100.user' });
  });

  it('throws nothing but ImportError on a damaged SQLite archive', async () => {
    const bytes = await buildSlackdumpSqlite(await ledgerIncidentArchive());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }), async (flips) => {
        const damaged = bytes.slice();
        for (const [at, value] of flips) damaged[at] = value;
        try {
          await parse(fileInput('slackdump.sqlite', damaged), {});
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a cut gzip, and a gzip bomb at the one-file cap', async () => {
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
