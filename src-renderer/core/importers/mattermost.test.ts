import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixture, readFixtureText } from './__fixtures__/read-fixture';
import { mattermostImporter } from './mattermost';
import { detectFormat } from './registry';

const parse = mattermostImporter.parse.bind(mattermostImporter);

describe('mattermost bulk export', () => {
  it('turns posts, their inline replies and direct posts into events with authors, threads and reactions', async () => {
    const result = await parse(await fixtureInput('mattermost-bulk.jsonl'), {});
    expect(result.events.map((event) => [event.kind, event.actorName, event.channel, event.text])).toEqual([
      ['message', 'Maria Kovac', 'inc-311', 'Ledger consumer lag at 40k messages, declaring SEV2'],
      ['system', 'Deniz', 'inc-311', 'dev.ops joined the channel.'],
      ['message', 'Deniz', 'inc-311', 'Broker disk at 97% on kafka-3'],
      ['message', 'Maria Kovac', 'inc-311', 'Expanding the volume now'],
      ['message', 'Deniz', 'maria.k, dev.ops', 'Should we page the storage on-call?'],
      ['message', 'Maria Kovac', 'inc-311', 'Lag back under 1k, monitoring'],
    ]);
    const [root, , reply] = result.events;
    expect(root?.at).toBe(Date.parse('2024-06-12T11:00:00Z'));
    expect(root?.replyCount).toBe(2);
    expect(root?.edited).toBe(true);
    expect(root?.reactions).toEqual([{ name: 'eyes', count: 2 }]);
    expect(reply?.threadParentKey).toBe(root?.dedupeKey);
    expect(reply?.attachments).toEqual([{ name: 'disk-graph.png', url: null }]);
    expect(result.actors.find((actor) => actor.externalId === 'maria.k')).toMatchObject({ name: 'Maria Kovac', email: 'maria@example.org' });
    expect(result.skipped).toEqual([
      { reason: 'team line', count: 1 },
      { reason: 'channel line', count: 1 },
      { reason: 'direct_channel line', count: 1 },
    ]);
  });

  it('gives the same ids on every run, and distinct ids to identical repeated posts', async () => {
    const first = await parse(await fixtureInput('mattermost-bulk.jsonl'), {});
    const second = await parse(await fixtureInput('mattermost-bulk.jsonl'), {});
    expect(second.events.map((event) => event.dedupeKey)).toEqual(first.events.map((event) => event.dedupeKey));
    const post = '{"type":"post","post":{"team":"t","channel":"c","user":"u","message":"ok","create_at":1718190000000}}';
    const repeated = await parse(fileInput('x.jsonl', `{"type":"version","version":1}\n${post}\n${post}\n`), {});
    expect(new Set(repeated.events.map((event) => event.dedupeKey)).size).toBe(2);
  });

  it('reads the .jsonl inside the export ZIP (a folder input) and is detected from content', async () => {
    const bytes = await readFixture('mattermost-bulk.jsonl');
    const folder = folderInput('export.zip', { 'import.jsonl': bytes, 'data/disk-graph.png': new Uint8Array([1, 2, 3]) });
    expect((await parse(folder, {})).events).toHaveLength(6);
    expect((await detectFormat(fileInput('export.jsonl', bytes))).importer.id).toBe('mattermost');
    expect((await detectFormat(folder)).importer.id).toBe('mattermost');
    expect(await mattermostImporter.detect(await fixtureInput('alertmanager-stream.ndjson'))).toBe(0);
  });

  it('refuses broken lines naming the line and field', async () => {
    const text = await readFixtureText('mattermost-bulk.jsonl');
    const broken = text.replace('"create_at":1718191800000', '"create_at":"soon"');
    const error = await expectImportError(parse(fileInput('export.jsonl', broken), {}));
    expect(error.code).toBe('WRONG_SHAPE');
    expect(error.location).toMatchObject({ file: 'export.jsonl', line: 8, field: 'post.create_at' });
    expect((await expectImportError(parse(fileInput('x.jsonl', '{"type":"version","version":1}\n'), {}))).message).toBe('the Mattermost export holds no posts');
    expect((await expectImportError(parse(fileInput('x.jsonl', '{"type":"version"}\n{oops\n'), {}))).location.line).toBe(2);
  });
});
